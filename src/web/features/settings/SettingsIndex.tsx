import { Navigate } from "react-router";
import { NoAccessPage } from "../errors/NoAccessPage";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";

/** /settings has no page of its own: open the first settings page the person may use. */
export function SettingsIndex() {
  const { data: me } = useMe();
  if (can(me, "apiTokens.manage")) return <Navigate to="/settings/tokens" replace />;
  if (can(me, "mail.read")) return <Navigate to="/settings/outbox" replace />;
  if (can(me, "policies.settings")) return <Navigate to="/settings/policies" replace />;
  return <NoAccessPage />;
}
