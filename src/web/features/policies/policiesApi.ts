import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type {
  ImportResult,
  PolicyDetail,
  PolicyPayload,
  PolicySummary,
  VersionDetail,
  VersionDiff,
  VersionPayload,
} from "./types";

export const policyKeys = {
  all: ["policies"] as const,
  list: () => ["policies", "list"] as const,
  detail: (id: string) => ["policies", "detail", id] as const,
  version: (id: string, versionId: string) => ["policies", "version", id, versionId] as const,
  diff: (id: string, a: string, b: string) => ["policies", "diff", id, a, b] as const,
  approvers: () => ["policies", "approvers"] as const,
};

const enc = encodeURIComponent;
export const policyPath = (id: string) => `/policies/${enc(id)}`;
export const versionPath = (id: string, versionId: string) => `${policyPath(id)}/versions/${enc(versionId)}`;

export function usePolicies() {
  return useQuery({
    queryKey: policyKeys.list(),
    queryFn: () => api.get<{ policies: PolicySummary[] }>("/policies"),
  });
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: policyKeys.detail(id), queryFn: () => api.get<PolicyDetail>(policyPath(id)) });
}

export function useVersion(id: string, versionId: string) {
  return useQuery({
    queryKey: policyKeys.version(id, versionId),
    queryFn: () => api.get<VersionDetail>(versionPath(id, versionId)),
  });
}

export function useDiff(id: string, a: string, b: string) {
  return useQuery({
    queryKey: policyKeys.diff(id, a, b),
    queryFn: () => api.get<VersionDiff>(`${versionPath(id, a)}/diff/${enc(b)}`),
  });
}

export function useApproverRoles() {
  return useQuery({
    queryKey: policyKeys.approvers(),
    queryFn: () => api.get<{ roles: string[] }>("/policies/settings/approvers"),
  });
}

/** Any change to a policy or a version refreshes every policy query (list, detail, versions). */
function useRefreshPolicies() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: policyKeys.all });
}

export function useCreatePolicy(onCreated: (policy: PolicyDetail) => void) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: PolicyPayload) => api.post<PolicyDetail>("/policies", body),
    onSuccess: (policy) => {
      void refresh();
      onCreated(policy);
    },
  });
}

/** With `onSaved` (a page that moves on) the refetch is not waited for; without it, it is. */
export function useUpdatePolicy(id: string, onSaved?: (policy: PolicyDetail) => void) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: PolicyPayload) => api.patch<PolicyDetail>(policyPath(id), body),
    onSuccess: (saved) => {
      if (!onSaved) return refresh();
      void refresh();
      onSaved(saved);
    },
  });
}

/** A .docx, Markdown or text file becomes a new policy with a draft version to review. */
export function useImportPolicy(onImported: (result: ImportResult) => void) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.postForm<ImportResult>("/policies/import", form);
    },
    onSuccess: (result) => {
      void refresh();
      onImported(result);
    },
  });
}

export function useSaveApproverRoles(onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { roles: string[] }) =>
      api.put<{ roles: string[] }>("/policies/settings/approvers", body),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyKeys.approvers(), saved);
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      onSaved();
    },
  });
}

export function useUpdateVersion(id: string, versionId: string) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: VersionPayload) => api.patch<VersionDetail>(versionPath(id, versionId), body),
    onSuccess: refresh,
  });
}

/** What an import found, corrected: the policy's details, then the draft's summary and statements. */
export function useSaveImportReview(id: string, versionId: string) {
  const savePolicy = useUpdatePolicy(id);
  const saveVersion = useUpdateVersion(id, versionId);
  return useMutation({
    mutationFn: async ({ policy, version }: { policy: PolicyPayload; version: VersionPayload }) => {
      await savePolicy.mutateAsync(policy);
      return saveVersion.mutateAsync(version);
    },
  });
}

export type VersionAction = "submit" | "withdraw" | "approve" | "publish";

export function useVersionAction(id: string, versionId: string) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (action: VersionAction) => api.post<VersionDetail>(`${versionPath(id, versionId)}/${action}`),
    onSuccess: refresh,
  });
}

export interface NewVersionInput {
  bump: "minor" | "major";
  noChanges?: boolean;
  summary?: string;
}

export function useStartVersion(id: string) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: NewVersionInput) => api.post<VersionDetail>(`${policyPath(id)}/versions`, body),
    onSuccess: refresh,
  });
}
