import { Outlet } from "react-router";
import { NoAccessPage } from "../errors/NoAccessPage";
import { can } from "./me";
import { useMe } from "./sessionApi";

/** Guards a group of routes by one action from the access matrix. */
export function RequirePermission({ action }: { action: string }) {
  const { data: me } = useMe();
  if (!can(me, action)) return <NoAccessPage />;
  return <Outlet />;
}
