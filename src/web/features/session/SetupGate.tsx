import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { PublicLayout } from "../../ui/PublicLayout";
import { useSetupStatus } from "./sessionApi";

/** Before anything else: a school with no set-up goes to /setup. (SetupPage sends people away once it is done.) */
export function SetupGate() {
  const { data, error, isPending } = useSetupStatus();
  const location = useLocation();
  if (isPending) return <FullPageLoader />;
  if (error)
    return (
      <PublicLayout>
        <ErrorAlert error={error} />
      </PublicLayout>
    );
  const atSetup = location.pathname === "/setup";
  if (data.needed && !atSetup) return <Navigate to="/setup" replace />;
  return <Outlet />;
}
