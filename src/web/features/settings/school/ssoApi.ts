import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  SsoProviderInput,
  SsoProviderKind,
  SsoProviderView,
  SsoSettingsView,
} from "../../../../modules/auth/schema";
import { api } from "../../../api";

const key = ["school", "sso"] as const;

export function useSsoSettings() {
  return useQuery({ queryKey: key, queryFn: () => api.get<SsoSettingsView>("/school/sso") });
}

export function useSaveSsoProvider(provider: SsoProviderKind, onSaved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoProviderInput) => api.put<SsoProviderView>(`/school/sso/${provider}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      onSaved();
    },
  });
}

export function useRemoveSsoProvider(provider: SsoProviderKind, onRemoved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/school/sso/${provider}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      onRemoved();
    },
  });
}
