import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type {
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

export function useUpdatePolicy(id: string) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: PolicyPayload) => api.patch<PolicyDetail>(policyPath(id), body),
    onSuccess: refresh,
  });
}

export function useUpdateVersion(id: string, versionId: string) {
  const refresh = useRefreshPolicies();
  return useMutation({
    mutationFn: (body: VersionPayload) => api.patch<VersionDetail>(versionPath(id, versionId), body),
    onSuccess: refresh,
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
