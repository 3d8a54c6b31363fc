import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import type { RouteState } from "./flash";
import { markSignedIn, meQueryKey } from "./me";
import { isPublicPath } from "./publicPaths";
import { onUnauthorized } from "./sessionEvents";

/** Sends the person to sign in again, keeping where they were, when the session ends. */
export function SessionExpiryWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(
    () =>
      onUnauthorized(() => {
        const current = locationRef.current;
        if (isPublicPath(current.pathname)) return;
        markSignedIn(false);
        queryClient.clear();
        queryClient.setQueryData(meQueryKey, null);
        const state: RouteState = { flash: "sessionEnded", from: current.pathname + current.search };
        navigate("/sign-in", { replace: true, state });
      }),
    [navigate, queryClient],
  );

  return null;
}
