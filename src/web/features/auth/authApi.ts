import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MySessionsView,
  PasswordResetRequestedView,
  PasswordResetView,
  SignedOutElsewhereView,
  SsoChoicesView,
} from "../../../modules/auth/schema";
import { api, withQuery } from "../../api";
import { type Me, markSignedIn, meQueryKey, useForgetSession } from "../session/sessionApi";

export interface Credentials {
  email: string;
  password: string;
}

/** A right password for someone with two-step sign-in: no session yet, the second step is due. */
export type MfaChallenge = { mfaRequired: true; methods: ("totp" | "passkey" | "recovery_code")[] };
export const isChallenge = (reply: Me | MfaChallenge): reply is MfaChallenge => "mfaRequired" in reply;

/** Signing in starts a new session: nothing cached from before it may show. */
function useSessionStarted() {
  const queryClient = useQueryClient();
  return (signedIn: Me | MfaChallenge) => {
    if (isChallenge(signedIn)) return;
    queryClient.clear();
    markSignedIn(true);
    queryClient.setQueryData(meQueryKey, signedIn);
    // The login reply may omit details /me has (permissions, school): fetch it fresh.
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

export function useSignIn() {
  const started = useSessionStarted();
  return useMutation({
    mutationFn: (values: Credentials) => api.post<Me | MfaChallenge>("/auth/login", values),
    meta: { expectsUnauthorized: true },
    onSuccess: started,
  });
}

/** The second step: a code from the app, a recovery code, or a passkey's answer. */
export function useSecondStep() {
  const started = useSessionStarted();
  return useMutation({
    mutationFn: async (step: { method: "totp" | "recovery_code" | "passkey"; code?: string }) => {
      if (step.method === "passkey") {
        const { startAuthentication } = await import("@simplewebauthn/browser");
        const optionsJSON = await api.post<never>("/auth/mfa/passkey/options", {});
        const response = await startAuthentication({ optionsJSON });
        return api.post<Me>("/auth/mfa/passkey", { response });
      }
      const path = step.method === "totp" ? "/auth/mfa/totp" : "/auth/mfa/recovery-code";
      return api.post<Me>(path, { code: step.code });
    },
    meta: { expectsUnauthorized: true },
    onSuccess: started,
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

/** One's own sessions and recent sign-ins ("Sign-in and security" on the account page). */
export function useMySessions() {
  return useQuery({
    queryKey: ["me", "sessions"],
    queryFn: () => api.get<MySessionsView>("/me/sessions"),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SignedOutElsewhereView>("/me/sessions/sign-out-others"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["me", "sessions"] }),
  });
}

/** "Forgot your password?": the answer is the same whatever the address. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<PasswordResetRequestedView>("/auth/password-reset", { email }),
  });
}

const resetPath = (token: string) => `/auth/password-reset/${encodeURIComponent(token)}`;

export function usePasswordResetLink(token: string) {
  return useQuery({
    queryKey: ["password-reset", token],
    queryFn: () => api.get<PasswordResetView>(resetPath(token)),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) => api.post<void>(resetPath(token), { password }),
  });
}
