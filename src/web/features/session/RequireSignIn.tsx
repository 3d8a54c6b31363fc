import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { PublicLayout } from "../../ui/PublicLayout";
import type { RouteState } from "./flash";
import { useMe } from "./sessionApi";

export function RequireSignIn() {
  const { data: me, error, isPending } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error && !me)
    return (
      <PublicLayout>
        <ErrorAlert error={error} />
      </PublicLayout>
    );
  if (!me) {
    const state: RouteState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  // Past the grace without a second step, the server answers only enrolment (access/mfa.ts).
  const mustEnrol =
    me.mfa.required && !me.mfa.enrolled && me.mfa.enrolBy && Date.parse(me.mfa.enrolBy) <= Date.now();
  if (mustEnrol && location.pathname !== "/security") return <Navigate to="/security" replace />;
  return <Outlet />;
}
