import { useQuery } from "@tanstack/react-query";
import { api, isApiError } from "../../api";
import { reportUnauthorized } from "./sessionEvents";

export interface Me {
  id: string;
  name: string;
  email: string;
  jobTitle?: string | null;
  kinds: string[];
  roles: string[];
  permissions: string[];
  school?: { id?: string; name: string };
  schoolName?: string;
}

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

export function can(me: Me | null | undefined, action: string): boolean {
  return Boolean(me?.permissions?.includes(action));
}

export function schoolNameOf(me: Me): string {
  return me.school?.name ?? me.schoolName ?? "";
}
