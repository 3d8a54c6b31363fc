import { Navigate, Route, Routes } from "react-router";
import { CorrectSignaturePage } from "./features/agreements/CorrectSignaturePage";
import { ManageAgreementsPage } from "./features/agreements/ManageAgreementsPage";
import { MyAgreementsPage } from "./features/agreements/MyAgreementsPage";
import { NewAgreementPage } from "./features/agreements/NewAgreementPage";
import { ParentSignPage } from "./features/agreements/ParentSignPage";
import { SignAgreementPage } from "./features/agreements/SignAgreementPage";
import { VerifyPage } from "./features/agreements/VerifyPage";
import { AuditPage } from "./features/audit/AuditPage";
import { AccountPage } from "./features/auth/AccountPage";
import { SignInPage } from "./features/auth/SignInPage";
import { ClassDevicePage } from "./features/class-sessions/ClassDevicePage";
import { ClassSessionsPage } from "./features/class-sessions/ClassSessionsPage";
import { CompliancePage } from "./features/compliance/CompliancePage";
import { NotFoundPage } from "./features/errors/NotFoundPage";
import { HomePage } from "./features/home/HomePage";
import { AcceptInvitationPage } from "./features/invitations/AcceptInvitationPage";
import { KioskPage } from "./features/kiosk/KioskPage";
import { KiosksPage } from "./features/kiosk/KiosksPage";
import { ImportPage } from "./features/people/import/ImportPage";
import { PeoplePage } from "./features/people/PeoplePage";
import { PersonEditPage } from "./features/people/PersonEditPage";
import { PersonNewPage } from "./features/people/PersonNewPage";
import { PersonPage } from "./features/people/PersonPage";
import { ApproversSettingsPage } from "./features/policies/ApproversSettingsPage";
import { DiffPage } from "./features/policies/DiffPage";
import { ImportReviewPage } from "./features/policies/ImportReviewPage";
import { PoliciesPage } from "./features/policies/PoliciesPage";
import { PolicyEditPage } from "./features/policies/PolicyEditPage";
import { PolicyImportPage } from "./features/policies/PolicyImportPage";
import { PolicyNewPage } from "./features/policies/PolicyNewPage";
import { PolicyPage } from "./features/policies/PolicyPage";
import { VersionEditPage } from "./features/policies/VersionEditPage";
import { VersionPage } from "./features/policies/VersionPage";
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
        {/* Shared devices: the reception kiosk and a class's signing device, without the app shell. */}
        <Route path="/kiosk" element={<KioskPage />} />
        <Route path="/class/:token" element={<ClassDevicePage />} />
        <Route path="/sign/:token" element={<ParentSignPage />} />
        <Route path="/verify" element={<VerifyPage />} />
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
            <Route path="policies" element={<RequirePermission action="policies.read" />}>
              <Route index element={<PoliciesPage />} />
              <Route path=":id" element={<PolicyPage />} />
              <Route path=":id/edit" element={<PolicyEditPage />} />
              <Route path=":id/versions/:versionId" element={<VersionPage />} />
              <Route path=":id/versions/:versionId/edit" element={<VersionEditPage />} />
              <Route path=":id/versions/:versionId/review" element={<ImportReviewPage />} />
              <Route path=":id/diff/:a/:b" element={<DiffPage />} />
            </Route>
            <Route path="policies" element={<RequirePermission action="policies.create" />}>
              <Route path="new" element={<PolicyNewPage />} />
            </Route>
            <Route path="policies" element={<RequirePermission action="policies.import" />}>
              <Route path="import" element={<PolicyImportPage />} />
            </Route>
            <Route path="agreements" element={<RequirePermission action="agreements.sign" />}>
              <Route path="sign" element={<MyAgreementsPage />} />
              <Route path=":id/sign" element={<SignAgreementPage />} />
              <Route path="signatures/:id/correct" element={<CorrectSignaturePage />} />
            </Route>
            <Route path="agreements" element={<RequirePermission action="agreements.manage" />}>
              <Route index element={<ManageAgreementsPage />} />
              <Route path="new" element={<NewAgreementPage />} />
            </Route>
            <Route path="compliance" element={<RequirePermission action="compliance.read" />}>
              <Route index element={<CompliancePage />} />
            </Route>
            <Route path="kiosks" element={<RequirePermission action="agreements.manage" />}>
              <Route index element={<KiosksPage />} />
            </Route>
            <Route path="class-sessions" element={<RequirePermission action="classSessions.run" />}>
              <Route index element={<ClassSessionsPage />} />
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
              <Route path="policies" element={<RequirePermission action="policies.settings" />}>
                <Route index element={<ApproversSettingsPage />} />
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
