import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import type { Signature, SignatureInput, SigningLink, Verification } from "./types";

// The pages a parent or an inspector uses without an account: the emailed signing link and
// the receipt check. Nothing here needs a session.

const linkPath = (token: string) => `/sign/${encodeURIComponent(token)}`;
const linkKey = (token: string) => ["signing-link", token] as const;

export function useSigningLink(token: string) {
  return useQuery({
    queryKey: linkKey(token),
    queryFn: () => api.get<SigningLink>(linkPath(token)),
    // Someone reading a long agreement should not have it reloaded under them.
    refetchOnWindowFocus: false,
  });
}

export function useSignByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SignatureInput, "jobTitle">) => api.post<Signature>(linkPath(token), body),
    // Once signed, the link shows the receipt: fetch that state so a reload looks the same.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}

/** A parent declines through their link, saying why: the link then shows the decline. */
export function useDeclineByLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<Signature>(`${linkPath(token)}/decline`, { reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: linkKey(token) }),
  });
}

export function useVerifyReference() {
  return useMutation({
    mutationFn: (reference: string) =>
      api.get<Verification>(`/receipts/${encodeURIComponent(reference.trim())}`),
  });
}
