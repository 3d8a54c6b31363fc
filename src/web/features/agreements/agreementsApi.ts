import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type {
  Agreement,
  AgreementToSign,
  AssignmentInput,
  NewAgreementInput,
  PaperFormInput,
  PaperFormOptions,
  PaperFormRecorded,
  ParentLinksPlan,
  Signature,
  SignatureCorrection,
  SignatureInput,
  SignatureRecord,
} from "./types";

export const agreementKeys = {
  all: ["agreements"] as const,
  list: () => ["agreements", "list"] as const,
  mine: () => ["agreements", "mine"] as const,
  mySignatures: () => ["agreements", "my-signatures"] as const,
  personSignatures: (personId: string) => ["agreements", "person-signatures", personId] as const,
};

const enc = encodeURIComponent;
const agreementPath = (id: string) => `/agreements/${enc(id)}`;
const signaturePath = (id: string) => `/signatures/${enc(id)}`;

/** The school's active agreements (for the people who set them up). */
export function useAgreements() {
  return useQuery({
    queryKey: agreementKeys.list(),
    queryFn: () => api.get<{ agreements: Agreement[] }>("/agreements"),
  });
}

/** What the signed-in person must sign now. */
export function useMyAgreements() {
  return useQuery({
    queryKey: agreementKeys.mine(),
    queryFn: () => api.get<{ agreements: AgreementToSign[] }>("/me/agreements"),
  });
}

export function useMySignatures() {
  return useQuery({
    queryKey: agreementKeys.mySignatures(),
    queryFn: () => api.get<{ signatures: SignatureRecord[] }>("/me/signatures"),
  });
}

export function usePersonSignatures(personId: string | null) {
  return useQuery({
    queryKey: agreementKeys.personSignatures(personId ?? ""),
    queryFn: () => api.get<{ signatures: SignatureRecord[] }>(`/people/${enc(personId ?? "")}/signatures`),
    enabled: Boolean(personId),
  });
}

/**
 * Signing, declining, withdrawing, correcting and chasing change what people see on their home
 * page, in their lists and in the compliance view: refresh all of those.
 */
export function useRefreshAgreements() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: agreementKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["compliance"] }),
      queryClient.invalidateQueries({ queryKey: ["home"] }),
    ]);
}

export function useSignAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (body: SignatureInput) => api.post<Signature>(`${agreementPath(id)}/signatures`, body),
    onSuccess: () => void refresh(),
  });
}

export function useDeclineAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (reason: string) => api.post<Signature>(`${agreementPath(id)}/decline`, { reason }),
    onSuccess: () => void refresh(),
  });
}

/** Withdraw a signature in force (the signer's own, or anyone's for an admin), saying why. */
export function useWithdrawSignature(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (reason: string) => api.post<Signature>(`${signaturePath(id)}/withdraw`, { reason }),
    onSuccess: () => void refresh(),
  });
}

/** The signer's signature in force and the agreement text in force, to correct it. */
export function useSignatureCorrection(id: string) {
  return useQuery({
    // Not under agreementKeys.all: once corrected, refreshing the lists must not fetch this
    // again (it would be refused, the signature no longer being in force).
    queryKey: ["signature-correction", id],
    queryFn: () => api.get<SignatureCorrection>(`${signaturePath(id)}/correction`),
    // Fetched afresh on every visit (it may have been withdrawn since), but not reloaded under
    // someone reading the agreement again.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** The signer signs again, corrected: a new signature that replaces the old one. */
export function useCorrectSignature(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (body: SignatureInput) => api.post<Signature>(`${signaturePath(id)}/corrections`, body),
    onSuccess: () => void refresh(),
  });
}

export function useCreateAgreement() {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (body: NewAgreementInput) => api.post<Agreement>("/agreements", body),
    onSuccess: () => void refresh(),
  });
}

export function useAssignAgreement(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (body: AssignmentInput) =>
      api.post<{ assigned: number }>(`${agreementPath(id)}/assignments`, body),
    onSuccess: () => void refresh(),
  });
}

export function useRemindNow(id: string) {
  return useMutation({
    mutationFn: () =>
      api.post<{ reminded: number; delivery: "smtp" | "outbox" }>(`${agreementPath(id)}/remind`),
  });
}

export function useSendParentLinks(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ParentLinksPlan>(`${agreementPath(id)}/parent-links`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["agreements", "paper-forms", id] }),
  });
}

/**
 * Before parent links go: how many, which carers have no email address and which children no
 * link can reach (the server's dry run sends nothing).
 */
export function useParentLinksPlan(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["agreements", "parent-links-plan", id],
    queryFn: () => api.post<ParentLinksPlan>(`${agreementPath(id)}/parent-links?dryRun=true`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Where the printed forms download from: one child's, a class's, or every child no link reaches. */
export const paperFormsHref = (id: string, which: { childId?: string; regGroup?: string } = {}) =>
  withQuery(`/api/v1${agreementPath(id)}/paper-forms.pdf`, which);

/** The children a printed form can be recorded for, with their carers. */
export function usePaperFormOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["agreements", "paper-forms", id],
    queryFn: () => api.get<PaperFormOptions>(`${agreementPath(id)}/paper-forms`),
    enabled,
    staleTime: 0,
  });
}

export function useRecordPaperForm(id: string) {
  const refresh = useRefreshAgreements();
  return useMutation({
    mutationFn: (body: PaperFormInput) =>
      api.post<PaperFormRecorded>(`${agreementPath(id)}/paper-forms`, body),
    onSuccess: () => void refresh(),
  });
}

/**
 * How many a bulk email would reach, asked when its confirmation opens: the school sees "this
 * will email 688 links" before anything is sent (the server's dry run sends nothing).
 */
export function useBulkEmailPreview(id: string, what: "remind" | "parent-links", enabled: boolean) {
  return useQuery({
    queryKey: ["agreements", "bulk-preview", what, id],
    queryFn: () => api.post<{ reminded?: number; sent?: number }>(`${agreementPath(id)}/${what}?dryRun=true`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
