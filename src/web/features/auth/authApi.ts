import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SsoChoicesView } from "../../../modules/auth/schema";
import { api, withQuery } from "../../api";
import { type Me, markSignedIn, meQueryKey, useForgetSession } from "../session/sessionApi";

export interface Credentials {
  email: string;
  password: string;
}

/** Signing in starts a new session: nothing cached from before it may show. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: Credentials) => api.post<Me>("/auth/login", values),
    meta: { expectsUnauthorized: true },
    onSuccess: (signedIn) => {
      queryClient.clear();
      markSignedIn(true);
      queryClient.setQueryData(meQueryKey, signedIn);
      // The login reply may omit details /me has (permissions, school): fetch it fresh.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Changing the password ends every session, this one included. */
export function useChangePassword() {
  const forgetSession = useForgetSession();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>("/auth/password", body),
    meta: { expectsUnauthorized: true },
    onSuccess: forgetSession,
  });
}

export function useSignOutRequest() {
  const forgetSession = useForgetSession();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/logout"),
    meta: { expectsUnauthorized: true },
    onSuccess: forgetSession,
  });
}

/** The sign-in page's "Sign in with …" buttons: the providers for the email typed, or every school's. */
export function useSsoChoices(email: string) {
  const domain = email.includes("@") ? email.trim().toLowerCase() : "";
  return useQuery({
    queryKey: ["sso", "choices", domain],
    queryFn: () => api.get<SsoChoicesView>("/auth/sso/providers", domain ? { email: domain } : undefined),
    staleTime: 60_000,
  });
}

/** Where a "Sign in with …" button leads: a full page load, since the provider is another site. */
export const ssoStartHref = (providerId: string, email: string) =>
  withQuery("/api/v1/auth/sso/start", {
    provider: providerId,
    email: email.includes("@") ? email.trim() : undefined,
  });
