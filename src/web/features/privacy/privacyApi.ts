import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEventView } from "../../../modules/audit/schema";
import type {
  RecordType,
  RetentionQueueView,
  RetentionRuleInput,
  RetentionRulesView,
} from "../../../modules/privacy/schema";
import { api } from "../../api";

export {
  type DueRecordView,
  RECORD_TYPES,
  type RecordType,
  type RetentionRuleView,
} from "../../../modules/privacy/schema";
export { usePersonChoices } from "../people/peopleApi";

/** The export is a plain link: the browser fetches the ZIP with the session cookie and saves it. */
export const subjectAccessHref = (personId: string) => `/api/v1/people/${personId}/subject-access.zip`;

/** Past exports, from the audit log (every export is recorded there). */
export function usePastExports() {
  return useQuery({
    queryKey: ["audit", "subject-access"],
    queryFn: () =>
      api.get<{ events: AuditEventView[]; total: number }>("/audit", {
        action: "privacy.subject_access_exported",
        limit: 20,
      }),
  });
}

export function useRetentionRules() {
  return useQuery({
    queryKey: ["retention", "rules"],
    queryFn: () => api.get<RetentionRulesView>("/retention/rules"),
  });
}

export function useRetentionQueue(enabled: boolean) {
  return useQuery({
    queryKey: ["retention", "queue"],
    queryFn: () => api.get<RetentionQueueView>("/retention/queue"),
    enabled,
  });
}

export function useSetRetentionRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ recordType, ...body }: RetentionRuleInput & { recordType: RecordType }) =>
      api.put(`/retention/rules/${recordType}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["retention"] }),
  });
}

export function useRemoveRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      recordType,
      recordId,
      reason,
    }: {
      recordType: RecordType;
      recordId: string;
      reason: string;
    }) => api.post(`/retention/records/${recordType}/${recordId}/delete`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["retention"] }),
  });
}

export function useKeepRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      recordType,
      recordId,
      ...body
    }: {
      recordType: RecordType;
      recordId: string;
      keepUntil: string;
      reason: string;
    }) => api.post(`/retention/records/${recordType}/${recordId}/keep`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["retention"] }),
  });
}
