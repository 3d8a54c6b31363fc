import { useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export const setupStatusQueryKey = ["setup-status"] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusQueryKey,
    queryFn: () => api.get<{ needed: boolean }>("/setup/status"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
