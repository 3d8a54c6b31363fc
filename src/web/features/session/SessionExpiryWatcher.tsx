import { useEffect, useRef } from "react";
import { useLocation, useNavigate } from "react-router";
import type { RouteState } from "./flash";
import { isPublicPath } from "./publicPaths";
import { useForgetSession } from "./sessionApi";
import { onUnauthorized } from "./sessionEvents";

/** Sends the person to sign in again, keeping where they were, when the session ends. */
export function SessionExpiryWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  const forgetSession = useForgetSession();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(
    () =>
      onUnauthorized(() => {
        const current = locationRef.current;
        if (isPublicPath(current.pathname)) return;
        forgetSession();
        const state: RouteState = { flash: "sessionEnded", from: current.pathname + current.search };
        navigate("/sign-in", { replace: true, state });
      }),
    [navigate, forgetSession],
  );

  return null;
}
