import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type {
  DecisionInput,
  RegisterView,
  RequestListView,
  RequestView,
  ServiceInput,
  ServicePatch,
  ServiceView,
  SocialAccountInput,
  SocialAccountPatch,
  SocialAccountView,
  TypeInput,
  TypePatch,
  TypeView,
} from "./types";

const enc = encodeURIComponent;

export const requestsKeys = {
  all: ["requests"] as const,
  types: (all: boolean) => ["requests", "types", all] as const,
  list: () => ["requests", "list"] as const,
  one: (id: string) => ["requests", "one", id] as const,
  register: () => ["requests", "register"] as const,
  services: () => ["requests", "services"] as const,
  accounts: () => ["requests", "accounts"] as const,
  adults: (q: string) => ["requests", "adults", q] as const,
};

/** A decision, a reply or a register change moves what several pages show: refresh them all. */
function useRefreshRequests() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: requestsKeys.all });
}

/** The school's request types (the defaults are made the first time they are asked for). */
export function useRequestTypes(all = false, enabled = true) {
  return useQuery({
    queryKey: requestsKeys.types(all),
    enabled,
    queryFn: () => api.get<{ types: TypeView[] }>(withQuery("/requests/types", { all: all || undefined })),
  });
}

export function useCreateType() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (body: TypeInput) => api.post<TypeView>("/requests/types", body),
    onSuccess: () => void refresh(),
  });
}

export function useUpdateType() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ key, patch }: { key: string; patch: TypePatch }) =>
      api.patch<TypeView>(`/requests/types/${enc(key)}`, patch),
    onSuccess: () => void refresh(),
  });
}

export function useMakeRequest() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (body: { typeKey: string; details: Record<string, string | boolean> }) =>
      api.post<{ id: string; status: "pending" }>("/requests", body),
    onSuccess: () => void refresh(),
  });
}

export function useRequests() {
  return useQuery({ queryKey: requestsKeys.list(), queryFn: () => api.get<RequestListView>("/requests") });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestsKeys.one(id),
    queryFn: () => api.get<RequestView>(`/requests/${enc(id)}`),
  });
}

export function useDecide(id: string) {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (body: DecisionInput) =>
      api.post<{ id: string; status: string }>(`/requests/${enc(id)}/decision`, body),
    onSuccess: () => void refresh(),
  });
}

export function useReply(id: string) {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: (text: string) => api.post<{ id: string }>(`/requests/${enc(id)}/reply`, { text }),
    onSuccess: () => void refresh(),
  });
}

export function useConfirmFollowUp(id: string) {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: () => api.post<{ confirmedAt: string }>(`/requests/${enc(id)}/follow-up`, {}),
    onSuccess: () => void refresh(),
  });
}

export function usePermitted() {
  return useQuery({
    queryKey: requestsKeys.register(),
    queryFn: () => api.get<RegisterView>("/requests/register"),
  });
}

export function useServices() {
  return useQuery({
    queryKey: requestsKeys.services(),
    queryFn: () => api.get<{ services: ServiceView[] }>("/requests/services"),
  });
}

export function useSaveService() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ServiceInput | ServicePatch }) =>
      id
        ? api.patch<ServiceView>(`/requests/services/${enc(id)}`, body)
        : api.post<ServiceView>("/requests/services", body),
    onSuccess: () => void refresh(),
  });
}

export function useSocialAccounts() {
  return useQuery({
    queryKey: requestsKeys.accounts(),
    queryFn: () => api.get<{ accounts: SocialAccountView[] }>("/requests/social-accounts"),
  });
}

export function useSaveSocialAccount() {
  const refresh = useRefreshRequests();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SocialAccountInput | SocialAccountPatch }) =>
      id
        ? api.patch<SocialAccountView>(`/requests/social-accounts/${enc(id)}`, body)
        : api.post<SocialAccountView>("/requests/social-accounts", body),
    onSuccess: () => void refresh(),
  });
}

/** Adults to name as an account's administrators, by name (two letters at least). */
export function useAdults(q: string) {
  return useQuery({
    queryKey: requestsKeys.adults(q),
    queryFn: () =>
      api.get<{ people: { id: string; name: string; jobTitle: string | null }[] }>(
        withQuery("/requests/adults", { q }),
      ),
    enabled: q.trim().length >= 2,
  });
}

export { fieldErrorsOf } from "../../ui/fieldErrorsOf";
