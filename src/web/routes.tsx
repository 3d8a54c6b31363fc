import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { NotFoundPage } from "./features/errors/NotFoundPage";
import { RequirePermission } from "./features/session/RequirePermission";
import { RequireSignIn } from "./features/session/RequireSignIn";
import { SetupGate } from "./features/session/SetupGate";
import { featureStrings } from "./i18n";
import { FullPageLoader } from "./ui/FullPageLoader";

// Every feature's pages are one chunk, fetched the first time one of them is opened, so a first
// visit (often the sign-in page, or a parent's link on a phone) downloads only what it shows.
// Pages past the sign-in, set-up and invitation ones also wait for the features' strings (i18n/parts.ts).
const withFeatureStrings =
  <M,>(load: () => Promise<M>) =>
  async () =>
    (await Promise.all([load(), featureStrings()]))[0];

const features = {
  account: withFeatureStrings(() => import("./features/auth/AccountPage")),
  agreements: withFeatureStrings(() => import("./features/agreements/pages")),
  audit: withFeatureStrings(() => import("./features/audit/pages")),
  auth: () => import("./features/auth/pages"),
  classSessions: withFeatureStrings(() => import("./features/class-sessions/pages")),
  compliance: withFeatureStrings(() => import("./features/compliance/pages")),
  home: withFeatureStrings(() => import("./features/home/pages")),
  invitations: () => import("./features/invitations/pages"),
  kiosk: withFeatureStrings(() => import("./features/kiosk/pages")),
  people: withFeatureStrings(() => import("./features/people/pages")),
  peopleImport: withFeatureStrings(() => import("./features/people/import/pages")),
  policies: withFeatureStrings(() => import("./features/policies/pages")),
  settings: withFeatureStrings(() => import("./features/settings/pages")),
  setup: () => import("./features/setup/pages"),
  shell: withFeatureStrings(() => import("./features/shell/AppLayout")),
};

function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// The first page's chunk is fetched while the set-up and session checks are in flight, not after.
const firstChunks: Record<string, Array<() => Promise<unknown>>> = {
  "sign-in": [features.auth],
  setup: [features.setup],
  invite: [features.invitations],
  kiosk: [features.kiosk],
  class: [features.classSessions],
  sign: [features.agreements],
  verify: [features.agreements],
};
for (const load of firstChunks[window.location.pathname.split("/")[1]] ?? [features.shell]) void load();

const AppLayout = lazyPage(features.shell, "AppLayout");
const AccountPage = lazyPage(features.account, "AccountPage");
const SignInPage = lazyPage(features.auth, "SignInPage");
const SetupPage = lazyPage(features.setup, "SetupPage");
const AcceptInvitationPage = lazyPage(features.invitations, "AcceptInvitationPage");
const KioskPage = lazyPage(features.kiosk, "KioskPage");
const KiosksPage = lazyPage(features.kiosk, "KiosksPage");
const ClassDevicePage = lazyPage(features.classSessions, "ClassDevicePage");
const ClassSessionsPage = lazyPage(features.classSessions, "ClassSessionsPage");
const CorrectSignaturePage = lazyPage(features.agreements, "CorrectSignaturePage");
const ManageAgreementsPage = lazyPage(features.agreements, "ManageAgreementsPage");
const MyAgreementsPage = lazyPage(features.agreements, "MyAgreementsPage");
const NewAgreementPage = lazyPage(features.agreements, "NewAgreementPage");
const ParentSignPage = lazyPage(features.agreements, "ParentSignPage");
const SignAgreementPage = lazyPage(features.agreements, "SignAgreementPage");
const VerifyPage = lazyPage(features.agreements, "VerifyPage");
const HomePage = lazyPage(features.home, "HomePage");
const PeoplePage = lazyPage(features.people, "PeoplePage");
const PersonEditPage = lazyPage(features.people, "PersonEditPage");
const PersonNewPage = lazyPage(features.people, "PersonNewPage");
const PersonPage = lazyPage(features.people, "PersonPage");
const ImportPage = lazyPage(features.peopleImport, "ImportPage");
const ApproversSettingsPage = lazyPage(features.policies, "ApproversSettingsPage");
const DiffPage = lazyPage(features.policies, "DiffPage");
const ImportReviewPage = lazyPage(features.policies, "ImportReviewPage");
const PoliciesPage = lazyPage(features.policies, "PoliciesPage");
const PolicyEditPage = lazyPage(features.policies, "PolicyEditPage");
const PolicyImportPage = lazyPage(features.policies, "PolicyImportPage");
const PolicyNewPage = lazyPage(features.policies, "PolicyNewPage");
const PolicyPage = lazyPage(features.policies, "PolicyPage");
const VersionEditPage = lazyPage(features.policies, "VersionEditPage");
const VersionPage = lazyPage(features.policies, "VersionPage");
const CompliancePage = lazyPage(features.compliance, "CompliancePage");
const AuditPage = lazyPage(features.audit, "AuditPage");
const OutboxPage = lazyPage(features.settings, "OutboxPage");
const SettingsIndex = lazyPage(features.settings, "SettingsIndex");
const TokensPage = lazyPage(features.settings, "TokensPage");

export function AppRoutes() {
  // The first page shows the same full-page loader as the set-up and session checks before it, so the
  // wait reads as one. Later navigations are transitions (React Router): the page on screen stays
  // until the next one's chunk has arrived, and the shell's own boundary (AppLayout) covers the rest.
  return (
    <Suspense fallback={<FullPageLoader />}>
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
    </Suspense>
  );
}
