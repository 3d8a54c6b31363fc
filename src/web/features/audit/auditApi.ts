import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, type QueryParams } from "../../api";

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown> | null;
  ip: string | null;
}

export type ChainCheck = { ok: true; events: number } | { ok: false; firstBrokenId: string };

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
