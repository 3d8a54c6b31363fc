import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type { SignatureReceipt } from "../kiosk/types";
import type { QueuedSigning } from "../signing-queue/store";
import type {
  ClassDeviceView,
  ClassSessionOptions,
  ClassSessionStatus,
  OpenedClassSession,
  PupilSignatureInput,
} from "./types";

const enc = encodeURIComponent;

export const classKeys = {
  all: ["class-sessions"] as const,
  options: () => ["class-sessions", "options"] as const,
  status: (id: string) => ["class-sessions", "status", id] as const,
  device: (token: string) => ["class-device", token] as const,
};

// ---- the teacher (signed in)

export function useClassOptions() {
  return useQuery({
    queryKey: classKeys.options(),
    queryFn: () => api.get<ClassSessionOptions>("/class-sessions/options"),
  });
}

export function useOpenClassSession() {
  return useMutation({
    mutationFn: (body: { agreementId: string; regGroup: string }) =>
      api.post<OpenedClassSession>("/class-sessions", body),
  });
}

/** Who has signed so far, refreshed every 5 seconds while the session runs. */
export function useClassSession(id: string) {
  return useQuery({
    queryKey: classKeys.status(id),
    queryFn: () => api.get<ClassSessionStatus>(`/class-sessions/${enc(id)}`),
    refetchInterval: (query) => (query.state.data?.ended ? false : 5_000),
    staleTime: 0,
  });
}

export function useEndClassSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`/class-sessions/${enc(id)}/end`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classKeys.status(id) }),
  });
}

const CURRENT_KEY = "accord.classSession";

/** The session this teacher is running, kept for this browser tab so a reload still shows the link. */
export const currentSession = {
  read(): OpenedClassSession | null {
    try {
      return JSON.parse(sessionStorage.getItem(CURRENT_KEY) ?? "null") as OpenedClassSession | null;
    } catch {
      return null;
    }
  },
  save: (session: OpenedClassSession) => sessionStorage.setItem(CURRENT_KEY, JSON.stringify(session)),
  clear: () => sessionStorage.removeItem(CURRENT_KEY),
};

export const sharedDeviceUrl = (token: string) => `${window.location.origin}/class/${enc(token)}`;
/** Where a device without a camera types the session's short code. */
export const classCodeUrl = () => `${window.location.origin}/class`;

// ---- the shared device (public; the link's token is the key)

/** The short code typed at /class, exchanged for this device's own key to the session. */
export function useOpenClassByCode() {
  return useMutation({
    mutationFn: (code: string) => api.post<{ token: string }>("/class/open", { code }),
  });
}

export function useClassDevice(token: string, poll: boolean) {
  return useQuery({
    queryKey: classKeys.device(token),
    queryFn: () => api.get<ClassDeviceView>(`/class/${enc(token)}`),
    // While the names are showing, pick up other devices' signatures and the end of the session.
    refetchInterval: poll ? 5_000 : false,
    staleTime: 0,
  });
}

/** A pupil's promise as a request, sent now or kept in the device's queue (tagged with the pupil). */
export const classSigning = (token: string, body: PupilSignatureInput): QueuedSigning => ({
  path: `/class/${enc(token)}/signatures`,
  body,
  tag: body.pupilId,
});

export function useSignPledge(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PupilSignatureInput) =>
      api.post<SignatureReceipt>(classSigning(token, body).path, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: classKeys.device(token) }),
    // Try even when the browser says it is offline (TanStack would pause the mutation): the
    // failure is what sends the signature to the device's queue (decision 039).
    networkMode: "always",
    // A child's typed name must not outlive their turn, not even in the mutation cache.
    gcTime: 0,
  });
}
