import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { setupStatusQueryKey } from "../session/sessionApi";

export interface SetupInput {
  school: { name: string };
  admin: { name: string; email: string; password: string };
}

/** Creates the school and its first admin; after that, setup is never offered again. */
export function useSetUpSchool(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => api.post<unknown>("/setup", body),
    onSuccess: () => {
      queryClient.setQueryData(setupStatusQueryKey, { needed: false });
      onDone();
    },
  });
}
