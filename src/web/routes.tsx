import { Navigate, Route, Routes } from "react-router";
import { AuditPage } from "./features/audit/AuditPage";
import { AccountPage } from "./features/auth/AccountPage";
import { SignInPage } from "./features/auth/SignInPage";
import { NotFoundPage } from "./features/errors/NotFoundPage";
import { HomePage } from "./features/home/HomePage";
import { AcceptInvitationPage } from "./features/invitations/AcceptInvitationPage";
import { ImportPage } from "./features/people/import/ImportPage";
import { PeoplePage } from "./features/people/PeoplePage";
import { PersonEditPage } from "./features/people/PersonEditPage";
import { PersonNewPage } from "./features/people/PersonNewPage";
import { PersonPage } from "./features/people/PersonPage";
import { RequirePermission } from "./features/session/RequirePermission";
import { RequireSignIn } from "./features/session/RequireSignIn";
import { SetupGate } from "./features/session/SetupGate";
import { OutboxPage } from "./features/settings/outbox/OutboxPage";
import { SettingsIndex } from "./features/settings/SettingsIndex";
import { TokensPage } from "./features/settings/tokens/TokensPage";
import { SetupPage } from "./features/setup/SetupPage";
import { AppLayout } from "./features/shell/AppLayout";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SetupGate />}>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invite/:token" element={<AcceptInvitationPage />} />
        <Route element={<RequireSignIn />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="people" element={<RequirePermission action="people.read" />}>
              <Route index element={<PeoplePage />} />
              <Route path=":id" element={<PersonPage />} />
            </Route>
            <Route path="people" element={<RequirePermission action="people.manage" />}>
              <Route path="new" element={<PersonNewPage />} />
              <Route path=":id/edit" element={<PersonEditPage />} />
            </Route>
            <Route path="people" element={<RequirePermission action="people.import" />}>
              <Route path="import" element={<ImportPage />} />
            </Route>
            <Route path="audit" element={<RequirePermission action="audit.read" />}>
              <Route index element={<AuditPage />} />
            </Route>
            <Route path="settings">
              <Route index element={<SettingsIndex />} />
              <Route path="tokens" element={<RequirePermission action="settings.manage" />}>
                <Route index element={<TokensPage />} />
              </Route>
              <Route path="outbox" element={<RequirePermission action="mail.read" />}>
                <Route index element={<OutboxPage />} />
              </Route>
            </Route>
            <Route path="home" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
