import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { fetchMe, meQueryKey, setupStatusQueryKey } from "../session/sessionApi";

export interface SetupInput {
  school: { name: string };
  /** A trust set up with this, its first school (the first admin becomes its trust admin). */
  trust?: { name: string };
  admin: { name: string; email: string; password: string };
}

/**
 * Creates the school and its first admin, who comes back signed in (the session cookie is set):
 * the signed-in person is loaded before `onDone`, so the app opens on their home page, not on
 * sign-in. After that, setup is never offered again.
 */
export function useSetUpSchool(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => api.post<unknown>("/setup", body),
    onSuccess: async () => {
      queryClient.setQueryData(setupStatusQueryKey, { needed: false });
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
      onDone();
    },
  });
}
