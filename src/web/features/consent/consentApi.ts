import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type {
  CheckInput,
  CheckView,
  CollectionView,
  ConsentSettings,
  ConsentSettingsInput,
  PupilConsentView,
  PupilGroup,
  PupilList,
  PurposeInput,
  PurposePatch,
  PurposeView,
  Recorded,
  Removal,
  RequestInput,
  RequestPlan,
  StaffAnswersInput,
} from "./types";

const enc = encodeURIComponent;

export const consentKeys = {
  all: ["consent"] as const,
  purposes: () => ["consent", "purposes"] as const,
  settings: () => ["consent", "settings"] as const,
  pupils: (q: string, group: string) => ["consent", "pupils", q, group] as const,
  pupil: (id: string) => ["consent", "pupil", id] as const,
  collection: (group: PupilGroup) =>
    ["consent", "collection", group.class ?? "", group.yearGroup ?? ""] as const,
  removals: () => ["consent", "removals"] as const,
};

/** An answer, a restriction or a purpose changes what every consent page shows: refresh them all. */
function useRefreshConsent() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consentKeys.all });
}

/** The school's purposes (the defaults are made the first time they are asked for). */
export function usePurposes() {
  return useQuery({
    queryKey: consentKeys.purposes(),
    queryFn: () => api.get<{ purposes: PurposeView[] }>("/consent/purposes"),
  });
}

export function useCreatePurpose() {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (body: PurposeInput) => api.post<PurposeView>("/consent/purposes", body),
    onSuccess: () => void refresh(),
  });
}

export function useUpdatePurpose() {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: ({ key, patch }: { key: string; patch: PurposePatch }) =>
      api.patch<PurposeView>(`/consent/purposes/${enc(key)}`, patch),
    onSuccess: () => void refresh(),
  });
}

export function useConsentSettings() {
  return useQuery({
    queryKey: consentKeys.settings(),
    queryFn: () => api.get<ConsentSettings>("/consent/settings"),
  });
}

export function useSaveConsentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentSettingsInput) => api.put<ConsentSettings>("/consent/settings", body),
    onSuccess: (saved) => queryClient.setQueryData(consentKeys.settings(), saved),
  });
}

/** Pupils by part of their name or by class, with the school's classes and year groups. */
export function usePupilSearch(q: string, className: string, enabled = true) {
  return useQuery({
    queryKey: consentKeys.pupils(q, className),
    queryFn: () => api.get<PupilList>("/consent/pupils", { q, class: className }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useCollection(group: PupilGroup, enabled: boolean) {
  return useQuery({
    queryKey: consentKeys.collection(group),
    queryFn: () =>
      api.get<CollectionView>("/consent/collection", { class: group.class, yearGroup: group.yearGroup }),
    enabled,
  });
}

export function usePupilConsent(id: string) {
  return useQuery({
    queryKey: consentKeys.pupil(id),
    queryFn: () => api.get<PupilConsentView>(`/consent/pupils/${enc(id)}`),
  });
}

/** A paper form or a phone call: every purpose for one pupil at once. */
export function useRecordAnswers(pupilId: string) {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (body: StaffAnswersInput) =>
      api.post<Recorded>(`/consent/pupils/${enc(pupilId)}/answers`, body),
    onSuccess: () => void refresh(),
  });
}

export function useRestrict(pupilId: string) {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (reason: string) =>
      api.put<PupilConsentView>(`/consent/pupils/${enc(pupilId)}/restriction`, { reason }),
    onSuccess: () => void refresh(),
  });
}

export function useLiftRestriction(pupilId: string) {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: () => api.delete<PupilConsentView>(`/consent/pupils/${enc(pupilId)}/restriction`),
    onSuccess: () => void refresh(),
  });
}

/** "Can I use this photo?": the answer is recorded, so it is a POST. */
export function useCheckPhoto() {
  return useMutation({
    mutationFn: (body: CheckInput) => api.post<CheckView>("/consent/check", body),
  });
}

/** Before asking parents: how many links, and which children need a paper form (sends nothing). */
export function useRequestPlan(body: RequestInput | null) {
  return useQuery({
    queryKey: ["consent", "request-plan", body],
    queryFn: () => api.post<RequestPlan>("/consent/requests?dryRun=true", body),
    enabled: body !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSendRequest() {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (body: RequestInput) => api.post<RequestPlan>("/consent/requests?dryRun=false", body),
    onSuccess: () => void refresh(),
  });
}

export function useRemovals() {
  return useQuery({
    queryKey: consentKeys.removals(),
    queryFn: () => api.get<{ removals: Removal[] }>("/consent/removals"),
  });
}

export function useConfirmRemoval() {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/consent/removals/${enc(id)}/confirm`),
    onSuccess: () => void refresh(),
  });
}

// Files: plain same-origin links, so the session cookie goes with them.

/** The sheet to take on a trip or to an event: restricted children first. */
export const classSheetHref = (className: string) =>
  withQuery("/api/v1/consent/class-sheet.pdf", { class: className });

/** Printable forms, one per child with a reference, for a class or one pupil. */
export const paperFormsHref = (which: { class?: string; pupilId?: string }) =>
  withQuery("/api/v1/consent/forms.pdf", which);

export const exportHref = (format: "csv" | "json") => withQuery("/api/v1/consent/export", { format });

export type MyPhotoConsent = {
  purposes: {
    key: string;
    name: string;
    description: string;
    status: "yes" | "no";
    reason: string;
    since: string | null;
  }[];
};

/** The signed-in person's own photo consent (the staff purposes). */
export function useMyPhotoConsent() {
  return useQuery({
    queryKey: ["consent", "me"],
    queryFn: () => api.get<MyPhotoConsent>("/consent/me"),
  });
}

export function useAnswerMyPhotoConsent() {
  const refresh = useRefreshConsent();
  return useMutation({
    mutationFn: (answers: { purposeKey: string; answer: "yes" | "no" }[]) =>
      api.put<MyPhotoConsent>("/consent/me", { answers }),
    onSuccess: () => void refresh(),
  });
}
