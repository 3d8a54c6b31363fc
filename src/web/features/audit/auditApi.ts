import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type {
  AuditEventView,
  ChainCheckView,
  RefusalListView,
  RefusalView,
} from "../../../modules/audit/schema";
import { api, type QueryParams } from "../../api";

export { AUDIT_EVENT_GROUPS, AUDIT_EVENT_KINDS, type AuditEventGroup } from "../../../modules/audit/schema";
export { usePersonChoices } from "../people/peopleApi";

export type AuditEvent = AuditEventView;
export type ChainCheck = ChainCheckView;
export type Refusal = RefusalView;

export const AUDIT_PAGE_SIZE = 50;

export function useAuditEvents(params: QueryParams) {
  return useQuery({
    queryKey: ["audit", params],
    queryFn: () => api.get<{ events: AuditEvent[]; total: number }>("/audit", params),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes the hash chain on the server: a check, not a change, but run on demand like one. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<ChainCheck>("/audit/verify") });
}

export const REFUSALS_PAGE_SIZE = 20;

/** Refused requests (403s, and 401s with a token no longer valid): for the school's admins. */
export function useRefusals(params: QueryParams) {
  return useQuery({
    queryKey: ["audit", "refusals", params],
    queryFn: () => api.get<RefusalListView>("/audit/refusals", params),
    placeholderData: keepPreviousData,
  });
}
