import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiTokenCreatedView, ApiTokenInput, ApiTokenView } from "../../../../modules/auth/schema";
import { api } from "../../../api";

export { TOKEN_SCOPES, type TokenScope } from "../../../../modules/access/roles";

export type ApiToken = ApiTokenView;

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
    mutationFn: (input: ApiTokenInput) => api.post<ApiTokenCreatedView>("/api-tokens", input),
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

/** The end of a day in London (a token chosen to expire "on 31 July" works all that day). */
export function endOfDayInLondon(day: string): string {
  const utc = new Date(`${day}T23:59:59Z`);
  const wall = (timeZone: string) => new Date(utc.toLocaleString("en-US", { timeZone })).getTime();
  return new Date(utc.getTime() - (wall("Europe/London") - wall("UTC"))).toISOString();
}
