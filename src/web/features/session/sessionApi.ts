import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { MeView } from "../../../modules/auth/schema";
import { api, isApiError } from "../../api";
import { reportUnauthorized } from "./sessionEvents";

/** The signed-in person, as the API's contract says (auth/schema.ts). */
export type Me = MeView;

export const meQueryKey = ["me"] as const;

let wasSignedIn = false;

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>("/me");
    wasSignedIn = true;
    return me;
  } catch (error) {
    if (!isApiError(error, 401)) throw error;
    if (wasSignedIn) {
      wasSignedIn = false;
      reportUnauthorized();
    }
    return null;
  }
}

export function markSignedIn(signedIn: boolean): void {
  wasSignedIn = signedIn;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** When a session ends, nothing cached during it may show to whoever signs in next. */
export function useForgetSession() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    markSignedIn(false);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);
}

export const setupStatusQueryKey = ["setup-status"] as const;

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusQueryKey,
    queryFn: () => api.get<{ needed: boolean }>("/setup/status"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
