import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AgreementListView } from "../../../modules/agreements/schema";
import { api } from "../../api";
import type { QueuedSigning } from "../signing-queue/store";
import type { KioskSession, KioskSignatureInput, KioskSummary, OpenedKiosk, SignatureReceipt } from "./types";

export const kioskKeys = {
  all: ["kiosks"] as const,
  list: () => ["kiosks", "list"] as const,
  visitorAgreements: () => ["kiosks", "visitor-agreements"] as const,
  tablet: () => ["kiosk-tablet"] as const,
};

// ---- the admin's side (signed in, agreements.manage)

export function useVisitorAgreements() {
  return useQuery({
    queryKey: kioskKeys.visitorAgreements(),
    queryFn: () => api.get<AgreementListView>("/agreements"),
    select: (data) => data.agreements.filter((a) => a.audience === "visitors"),
  });
}

export function useKiosks() {
  return useQuery({
    queryKey: kioskKeys.list(),
    queryFn: () => api.get<{ kiosks: KioskSummary[] }>("/kiosks"),
  });
}

export function useOpenKiosk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { agreementId: string; deviceName: string; until: string; offlineMinutes?: number }) =>
      api.post<OpenedKiosk>("/kiosks", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kioskKeys.all }),
  });
}

export function useCloseKiosk(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`/kiosks/${encodeURIComponent(id)}/close`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kioskKeys.all }),
  });
}

// ---- the reception tablet (public; the kiosk token stands in for a session)

const TOKEN_KEY = "accord.kioskToken";

/** The kiosk token lives in sessionStorage only: closing the browser tab forgets it. */
export const kioskToken = {
  read: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  save: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

const tokenHeader = (token: string) => ({ "x-kiosk-token": token });

/** An admin's code turns this browser into the kiosk: its token is kept and its session cached. */
export function useStartKiosk(onStarted: (token: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<KioskSession & { token: string }>("/kiosk/start", { code }),
    onSuccess: ({ token, ...session }) => {
      kioskToken.save(token);
      queryClient.setQueryData(kioskKeys.tablet(), session);
      onStarted(token);
    },
  });
}

/** The kiosk was closed, has expired or its token is no longer valid: this browser forgets it. */
export function useForgetKiosk() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    kioskToken.clear();
    queryClient.removeQueries({ queryKey: kioskKeys.tablet() });
  }, [queryClient]);
}

export function useKioskSession(token: string | null) {
  return useQuery({
    queryKey: kioskKeys.tablet(),
    queryFn: () => api.get<KioskSession>("/kiosk/agreement", undefined, tokenHeader(token!)),
    enabled: Boolean(token),
    // A closed kiosk should stop taking signatures even when nobody touches it.
    refetchInterval: 60_000,
    staleTime: 0,
  });
}

/** A visitor's signature as a request, sent now or kept in the device's queue to send later. */
export const kioskSigning = (token: string, body: KioskSignatureInput): QueuedSigning => ({
  path: "/kiosk/signatures",
  headers: tokenHeader(token),
  body,
});

export function useKioskSignature(token: string) {
  return useMutation({
    mutationFn: (body: KioskSignatureInput) => {
      const { path, headers } = kioskSigning(token, body);
      return api.post<SignatureReceipt>(path, body, headers);
    },
    // Try even when the browser says it is offline (TanStack would pause the mutation): the
    // failure is what sends the signature to the device's queue (decision 039).
    networkMode: "always",
    // The visitor's details must not outlive their visit, not even in the mutation cache.
    gcTime: 0,
  });
}
