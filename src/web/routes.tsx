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
  twoStep: withFeatureStrings(() => import("./features/auth/TwoStepPage")),
  classSessions: withFeatureStrings(() => import("./features/class-sessions/pages")),
  compliance: withFeatureStrings(() => import("./features/compliance/pages")),
  consent: withFeatureStrings(() => import("./features/consent/pages")),
  consentAnswer: withFeatureStrings(() => import("./features/consent/answer/pages")),
  devices: withFeatureStrings(() => import("./features/devices/pages")),
  filtering: withFeatureStrings(() => import("./features/filtering/pages")),
  home: withFeatureStrings(() => import("./features/home/pages")),
  incidents: withFeatureStrings(() => import("./features/incidents/pages")),
  inspection: withFeatureStrings(() => import("./features/inspection/pages")),
  invitations: () => import("./features/invitations/pages"),
  kiosk: withFeatureStrings(() => import("./features/kiosk/pages")),
  people: withFeatureStrings(() => import("./features/people/pages")),
  peopleImport: withFeatureStrings(() => import("./features/people/import/pages")),
  policies: withFeatureStrings(() => import("./features/policies/pages")),
  privacy: withFeatureStrings(() => import("./features/privacy/pages")),
  reports: withFeatureStrings(() => import("./features/reports/pages")),
  requests: withFeatureStrings(() => import("./features/requests/pages")),
  settings: withFeatureStrings(() => import("./features/settings/pages")),
  setup: () => import("./features/setup/pages"),
  shell: withFeatureStrings(() => import("./features/shell/AppLayout")),
  training: withFeatureStrings(() => import("./features/training/pages")),
  trust: withFeatureStrings(() => import("./features/trust/pages")),
};

function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

// The first page's chunk is fetched while the set-up and session checks are in flight, not after.
const firstChunks: Record<string, Array<() => Promise<unknown>>> = {
  "sign-in": [features.auth],
  "forgot-password": [features.auth],
  "reset-password": [features.auth],
  setup: [features.setup],
  invite: [features.invitations],
  kiosk: [features.kiosk],
  class: [features.classSessions],
  sign: [features.agreements],
  verify: [features.agreements],
  "consent/answer": [features.consentAnswer],
};
// Keyed by the path's first segment, or its first two where a public page shares its first with
// signed-in ones (/consent/answer/… is a parent's link; /consent/… is the staff's pages).
const [first, second] = window.location.pathname.split("/").slice(1);
for (const load of firstChunks[`${first}/${second}`] ?? firstChunks[first] ?? [features.shell]) void load();

const AppLayout = lazyPage(features.shell, "AppLayout");
const AccountPage = lazyPage(features.account, "AccountPage");
const TwoStepPage = lazyPage(features.twoStep, "TwoStepPage");
const SignInPage = lazyPage(features.auth, "SignInPage");
const ForgotPasswordPage = lazyPage(features.auth, "ForgotPasswordPage");
const ResetPasswordPage = lazyPage(features.auth, "ResetPasswordPage");
const SetupPage = lazyPage(features.setup, "SetupPage");
const AcceptInvitationPage = lazyPage(features.invitations, "AcceptInvitationPage");
const KioskPage = lazyPage(features.kiosk, "KioskPage");
const KiosksPage = lazyPage(features.kiosk, "KiosksPage");
const ClassCodePage = lazyPage(features.classSessions, "ClassCodePage");
const ClassDevicePage = lazyPage(features.classSessions, "ClassDevicePage");
const ClassSessionsPage = lazyPage(features.classSessions, "ClassSessionsPage");
const CorrectSignaturePage = lazyPage(features.agreements, "CorrectSignaturePage");
const ManageAgreementsPage = lazyPage(features.agreements, "ManageAgreementsPage");
const MyAgreementsPage = lazyPage(features.agreements, "MyAgreementsPage");
const NewAgreementPage = lazyPage(features.agreements, "NewAgreementPage");
const ParentSignPage = lazyPage(features.agreements, "ParentSignPage");
const SignAgreementPage = lazyPage(features.agreements, "SignAgreementPage");
const VerifyPage = lazyPage(features.agreements, "VerifyPage");
const CheckPage = lazyPage(features.consent, "CheckPage");
const ConsentAnswerPage = lazyPage(features.consentAnswer, "ConsentAnswerPage");
const ConsentPage = lazyPage(features.consent, "ConsentPage");
const ConsentSettingsPage = lazyPage(features.consent, "ConsentSettingsPage");
const PupilConsentPage = lazyPage(features.consent, "PupilConsentPage");
const RemovalsPage = lazyPage(features.consent, "RemovalsPage");
const DeviceImportPage = lazyPage(features.devices, "DeviceImportPage");
const DevicePage = lazyPage(features.devices, "DevicePage");
const DevicesPage = lazyPage(features.devices, "DevicesPage");
const LeaverChecklistPage = lazyPage(features.devices, "LeaverChecklistPage");
const MyDevicesPage = lazyPage(features.devices, "MyDevicesPage");
const FilteringPage = lazyPage(features.filtering, "FilteringPage");
const InspectionPage = lazyPage(features.inspection, "InspectionPage");
const MyFilteringActionsPage = lazyPage(features.filtering, "MyActionsPage");
const NewFilteringReviewPage = lazyPage(features.filtering, "NewReviewPage");
const FilteringReviewPage = lazyPage(features.filtering, "ReviewPage");
const HomePage = lazyPage(features.home, "HomePage");
const AlertsPage = lazyPage(features.incidents, "AlertsPage");
const BreachesPage = lazyPage(features.incidents, "BreachesPage");
const ChronologyPage = lazyPage(features.incidents, "ChronologyPage");
const IncidentPage = lazyPage(features.incidents, "IncidentPage");
const IncidentsPage = lazyPage(features.incidents, "IncidentsPage");
const ReportPage = lazyPage(features.incidents, "ReportPage");
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
const VisitorRegisterPage = lazyPage(features.compliance, "VisitorRegisterPage");
const AuditPage = lazyPage(features.audit, "AuditPage");
const SubjectAccessPage = lazyPage(features.privacy, "SubjectAccessPage");
const RetentionPage = lazyPage(features.privacy, "RetentionPage");
const AskPage = lazyPage(features.requests, "AskPage");
const DecidePage = lazyPage(features.requests, "DecidePage");
const MyRequestsPage = lazyPage(features.requests, "MyRequestsPage");
const RegisterPage = lazyPage(features.requests, "RegisterPage");
const RequestPage = lazyPage(features.requests, "RequestPage");
const ServicesPage = lazyPage(features.requests, "ServicesPage");
const SocialAccountsPage = lazyPage(features.requests, "SocialAccountsPage");
const TypesPage = lazyPage(features.requests, "TypesPage");
const CoursesPage = lazyPage(features.training, "CoursesPage");
const InsetPage = lazyPage(features.training, "InsetPage");
const MatrixPage = lazyPage(features.training, "MatrixPage");
const DashboardPage = lazyPage(features.reports, "DashboardPage");
const GovernorsReportPage = lazyPage(features.reports, "GovernorsReportPage");
const TrustPage = lazyPage(features.trust, "TrustPage");
const TrustSchoolPage = lazyPage(features.trust, "TrustSchoolPage");
const MyTrainingPage = lazyPage(features.training, "MyTrainingPage");
const TrainingImportPage = lazyPage(features.training, "TrainingImportPage");
const OutboxPage = lazyPage(features.settings, "OutboxPage");
const SettingsIndex = lazyPage(features.settings, "SettingsIndex");
const SchoolSettingsPage = lazyPage(features.settings, "SchoolSettingsPage");
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
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
          <Route path="/invite/:token" element={<AcceptInvitationPage />} />
          {/* Shared devices: the reception kiosk and a class's signing device, without the app shell. */}
          <Route path="/kiosk" element={<KioskPage />} />
          <Route path="/class" element={<ClassCodePage />} />
          <Route path="/class/:token" element={<ClassDevicePage />} />
          <Route path="/sign/:token" element={<ParentSignPage />} />
          <Route path="/verify" element={<VerifyPage />} />
          <Route path="/consent/answer/:token" element={<ConsentAnswerPage />} />
          <Route element={<RequireSignIn />}>
            {/* Outside the app's frame: past the grace it is all a session without a second step reaches. */}
            <Route path="/security" element={<TwoStepPage />} />
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
              <Route path="people" element={<RequirePermission action="leavers.checklist" />}>
                <Route path=":id/leaver" element={<LeaverChecklistPage />} />
              </Route>
              <Route path="devices" element={<RequirePermission action="devices.read" />}>
                <Route index element={<DevicesPage />} />
              </Route>
              <Route path="devices" element={<RequirePermission action="devices.manage" />}>
                <Route path="import" element={<DeviceImportPage />} />
              </Route>
              {/* A member's own devices, and one device's page: what its QR label opens on a phone. */}
              <Route path="devices" element={<RequirePermission action="devices.mine" />}>
                <Route path="mine" element={<MyDevicesPage />} />
                <Route path=":id" element={<DevicePage />} />
              </Route>
              {/* Filtering and monitoring: each member's own actions; the reviews for those who read them. */}
              <Route path="filtering" element={<RequirePermission action="filtering.actions" />}>
                <Route path="actions" element={<MyFilteringActionsPage />} />
              </Route>
              <Route path="filtering" element={<RequirePermission action="filtering.record" />}>
                <Route path="new" element={<NewFilteringReviewPage />} />
              </Route>
              {/* The inspector pack: one ZIP of the school's evidence, for those who prepare for an inspection. */}
              <Route path="inspection" element={<RequirePermission action="reports.inspection" />}>
                <Route index element={<InspectionPage />} />
              </Route>
              <Route path="filtering" element={<RequirePermission action="filtering.read" />}>
                <Route index element={<FilteringPage />} />
                <Route path=":id" element={<FilteringReviewPage />} />
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
              <Route path="compliance/visitors" element={<RequirePermission action="visitors.read" />}>
                <Route index element={<VisitorRegisterPage />} />
              </Route>
              <Route path="kiosks" element={<RequirePermission action="agreements.manage" />}>
                <Route index element={<KiosksPage />} />
              </Route>
              <Route path="class-sessions" element={<RequirePermission action="classSessions.run" />}>
                <Route index element={<ClassSessionsPage />} />
              </Route>
              <Route path="incidents" element={<RequirePermission action="incidents.report" />}>
                <Route index element={<IncidentsPage />} />
                <Route path="report" element={<ReportPage />} />
                <Route path=":id" element={<IncidentPage />} />
              </Route>
              <Route
                path="incidents/chronology"
                element={<RequirePermission action="incidents.chronology" />}
              >
                <Route path=":personId" element={<ChronologyPage />} />
              </Route>
              <Route path="incidents/alerts" element={<RequirePermission action="incidents.alerts" />}>
                <Route index element={<AlertsPage />} />
              </Route>
              <Route path="incidents/breaches" element={<RequirePermission action="incidents.breaches" />}>
                <Route index element={<BreachesPage />} />
              </Route>
              <Route path="consent" element={<RequirePermission action="consent.check" />}>
                <Route path="check" element={<CheckPage />} />
              </Route>
              <Route path="consent" element={<RequirePermission action="consent.read" />}>
                <Route index element={<ConsentPage />} />
                <Route path="pupils/:id" element={<PupilConsentPage />} />
              </Route>
              <Route path="consent" element={<RequirePermission action="consent.manage" />}>
                <Route path="settings" element={<ConsentSettingsPage />} />
              </Route>
              {/* The website and social media managers asked to take images down, and admins. */}
              <Route path="consent" element={<RequirePermission action="consent.confirmRemoval" />}>
                <Route path="removals" element={<RemovalsPage />} />
              </Route>
              <Route path="requests" element={<RequirePermission action="requests.make" />}>
                <Route index element={<MyRequestsPage />} />
                <Route path="new" element={<AskPage />} />
                <Route path=":id" element={<RequestPage />} />
              </Route>
              <Route path="requests" element={<RequirePermission action="requests.decide" />}>
                <Route path="decide" element={<DecidePage />} />
              </Route>
              <Route path="requests" element={<RequirePermission action="requests.registers" />}>
                <Route path="register" element={<RegisterPage />} />
                <Route path="services" element={<ServicesPage />} />
                <Route path="social-accounts" element={<SocialAccountsPage />} />
              </Route>
              <Route path="requests" element={<RequirePermission action="requests.types" />}>
                <Route path="types" element={<TypesPage />} />
              </Route>
              <Route path="training" element={<RequirePermission action="training.mine" />}>
                <Route index element={<MyTrainingPage />} />
              </Route>
              <Route path="training" element={<RequirePermission action="training.read" />}>
                <Route path="matrix" element={<MatrixPage />} />
              </Route>
              <Route path="training" element={<RequirePermission action="training.manage" />}>
                <Route path="record" element={<InsetPage />} />
                <Route path="import" element={<TrainingImportPage />} />
                <Route path="courses" element={<CoursesPage />} />
              </Route>
              <Route path="dashboard" element={<RequirePermission action="reports.dashboard" />}>
                <Route index element={<DashboardPage />} />
              </Route>
              {/* The trust's schools side by side, and one drilled into (trust roles: access/trust.ts). */}
              <Route path="trust" element={<RequirePermission action="trust.read" />}>
                <Route index element={<TrustPage />} />
                <Route path="schools/:id" element={<TrustSchoolPage />} />
              </Route>
              <Route path="reports" element={<RequirePermission action="reports.governors" />}>
                <Route path="governors" element={<GovernorsReportPage />} />
              </Route>
              <Route path="audit" element={<RequirePermission action="audit.read" />}>
                <Route index element={<AuditPage />} />
              </Route>
              {/* Subject access and retention (decision 034): the DPO's export; the rules and the queue. */}
              <Route
                path="privacy/subject-access"
                element={<RequirePermission action="privacy.subjectAccess" />}
              >
                <Route index element={<SubjectAccessPage />} />
              </Route>
              <Route path="privacy/retention" element={<RequirePermission action="retention.rules" />}>
                <Route index element={<RetentionPage />} />
              </Route>
              <Route path="settings">
                <Route index element={<SettingsIndex />} />
                <Route path="tokens" element={<RequirePermission action="settings.manage" />}>
                  <Route index element={<TokensPage />} />
                </Route>
                <Route path="school" element={<RequirePermission action="settings.manage" />}>
                  <Route index element={<SchoolSettingsPage />} />
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
