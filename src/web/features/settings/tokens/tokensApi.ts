import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

function useRefreshTokens() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: tokensQueryKey });
}

export function useCreateToken() {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: (name: string) => api.post<{ id: string; token: string }>("/api-tokens", { name }),
    onSuccess: refresh,
  });
}

export function useRevokeToken(id: string) {
  const refresh = useRefreshTokens();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}
