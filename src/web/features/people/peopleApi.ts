import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BulkInvitationInput, BulkInvitationView } from "../../../modules/auth/schema";
import type { InvitationSentView } from "../../../modules/people/schema";
import { api, type QueryParams, withQuery } from "../../api";
import type { PersonPayload } from "./PersonForm";
import type { PeopleList, Person, PersonDetail } from "./types";

export const PAGE_SIZE = 50;

export const peopleKeys = {
  all: ["people"] as const,
  list: (params: QueryParams) => ["people", "list", params] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

export function usePeople(params: QueryParams) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: () => api.get<PeopleList>("/people", params),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.detail(id),
    queryFn: () => api.get<PersonDetail>(`/people/${encodeURIComponent(id)}`),
  });
}

const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;

/** Every change to a person refreshes every list and page of people (names, kinds and status show in many). */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}

export function useCreatePerson(onSaved: (person: Person) => void) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: PersonPayload) => api.post<Person>("/people", body),
    onSuccess: (person) => {
      refresh();
      onSaved(person);
    },
  });
}

export function useUpdatePerson(id: string, onSaved: (person: Person) => void) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: PersonPayload) => api.patch<Person>(personPath(id), body),
    onSuccess: (person) => {
      refresh();
      onSaved(person);
    },
  });
}

export function useMarkLeaver(id: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (leaveDate: string) => api.post<Person>(`${personPath(id)}/leaver`, { leaveDate }),
    onSuccess: refresh,
  });
}

export function useInvite(id: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: () => api.post<InvitationSentView>(`${personPath(id)}/invite`),
    onSuccess: refresh,
  });
}

/** Who a bulk invitation would reach, asked when its confirmation opens (the dry run sends nothing). */
export function useBulkInvitePreview(filter: BulkInvitationInput, enabled: boolean) {
  return useQuery({
    queryKey: ["people", "bulk-invite-preview", filter],
    queryFn: () => api.post<BulkInvitationView>(withQuery("/invitations", { dryRun: true }), filter),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Invite everyone the filter picks who has no account yet, at once. */
export function useBulkInvite() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (filter: BulkInvitationInput) => api.post<BulkInvitationView>("/invitations", filter),
    onSuccess: refresh,
  });
}

export function useSaveRoles(id: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (roles: string[]) => api.put<unknown>(`${personPath(id)}/roles`, { roles }),
    onSuccess: refresh,
  });
}

/** People to choose from by part of their name (a policy's owner or approver, say). */
export function usePersonChoices(kind: string, query: string, enabled: boolean) {
  return useQuery({
    queryKey: ["people", "picker", kind, query],
    queryFn: () =>
      api.get<{ people: { id: string; name: string }[] }>("/people", { q: query, kind, limit: 20 }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
