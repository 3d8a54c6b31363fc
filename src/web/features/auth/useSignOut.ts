import { useNavigate } from "react-router";
import { notifyError } from "../../ui/notify";
import { useSignOutRequest } from "./authApi";

export function useSignOut() {
  const navigate = useNavigate();
  const signOut = useSignOutRequest();
  return {
    ...signOut,
    mutate: () =>
      signOut.mutate(undefined, {
        onSuccess: () => navigate("/sign-in", { replace: true }),
        onError: notifyError,
      }),
  };
}
