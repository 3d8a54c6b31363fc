import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PolicyHealthView } from "../../../modules/policy-health/schema";
import { api } from "../../api";
import { policyPath, versionPath } from "./policiesApi";

export type {
  DismissedFindingView,
  HealthFindingView,
  PolicyHealthView,
} from "../../../modules/policy-health/schema";

const healthKeys = {
  all: (id: string) => ["policyHealth", id] as const,
  of: (id: string, versionId: string | null) => ["policyHealth", id, versionId ?? "newest"] as const,
};

/** The health check's findings on a policy's newest version, or on the version given. */
export function usePolicyHealth(id: string, versionId: string | null = null) {
  return useQuery({
    queryKey: healthKeys.of(id, versionId),
    queryFn: () =>
      api.get<PolicyHealthView>(
        versionId ? `${versionPath(id, versionId)}/health` : `${policyPath(id)}/health`,
      ),
  });
}

/** Dismissing or reinstating changes what every version's page shows: refresh them all. */
function useRefreshHealth(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: healthKeys.all(id) });
    void queryClient.invalidateQueries({ queryKey: ["home"] });
  };
}

export function useDismissFinding(id: string) {
  const refresh = useRefreshHealth(id);
  return useMutation({
    mutationFn: (body: { fingerprint: string; reason: string }) =>
      api.post<PolicyHealthView>(`${policyPath(id)}/health/dismissals`, body),
    onSuccess: refresh,
  });
}

export function useReinstateFinding(id: string) {
  const refresh = useRefreshHealth(id);
  return useMutation({
    mutationFn: (dismissalId: string) =>
      api.post<PolicyHealthView>(
        `${policyPath(id)}/health/dismissals/${encodeURIComponent(dismissalId)}/reinstate`,
        {},
      ),
    onSuccess: refresh,
  });
}
