import { useMutation, useQueryClient } from "@tanstack/react-query";
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
