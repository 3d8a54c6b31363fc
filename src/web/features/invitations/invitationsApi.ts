import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api";

export interface Invitation {
  name: string;
  email: string;
  schoolName: string;
}

const invitationPath = (token: string) => `/invitations/${encodeURIComponent(token)}`;

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api.get<Invitation>(invitationPath(token)),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Setting a password accepts the invitation; the person then signs in with it. */
export function useAcceptInvitation(token: string, onAccepted: () => void) {
  return useMutation({
    mutationFn: (password: string) => api.post<void>(`${invitationPath(token)}/accept`, { password }),
    onSuccess: onAccepted,
  });
}
