import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MySessionsView,
  PasswordResetRequestedView,
  PasswordResetView,
  SignedOutElsewhereView,
} from "../../../modules/auth/schema";
import { api } from "../../api";
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
