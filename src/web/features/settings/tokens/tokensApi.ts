import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api";

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdByName: string | null;
}

export const tokensQueryKey = ["api-tokens"] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensQueryKey,
    queryFn: () => api.get<{ tokens: ApiToken[] }>("/api-tokens"),
  });
}
