import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api } from "../../api";
import { notifyError } from "../../ui/notify";
import { markSignedIn, meQueryKey } from "../session/me";

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/logout"),
    meta: { expectsUnauthorized: true },
    onSuccess: () => {
      markSignedIn(false);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      navigate("/sign-in", { replace: true });
    },
    onError: notifyError,
  });
}
