import { z } from "zod";
import { Id, IsoMoment, MailDelivery } from "../../kernel/responses.js";
import { KINDS, ROLES, TOKEN_SCOPES } from "../access/roles.js";
import { TrustStandingView } from "../trust/schema.js";

export const LoginInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1000),
});
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1000),
  newPassword: z.string().max(1000),
});
export const AcceptInvitationInput = z.object({ password: z.string().max(1000) });
export const TokenParams = z.object({ token: z.string().min(10).max(200) });
/**
 * A new API token. A name alone gives the `full` scope for 90 days (API.md's fixed point);
 * `scopes` narrows it, `expiresAt` (within a year) shortens or lengthens it.
 */
export const ApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, "Choose read, import or full."))
    .min(1, "Choose at least one scope.")
    .max(TOKEN_SCOPES.length)
    .optional(),
  expiresAt: z.iso.datetime({ offset: true, message: "Give the expiry as a date and time." }).optional(),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

// --- Responses

/** The signed-in person (`GET /me`, and the answer to a sign-in). */
export const MeView = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  /** The signing form starts from it; the signer may still change it. */
  jobTitle: z.string().nullable(),
  kinds: z.array(z.enum(KINDS)),
  roles: z.array(z.enum(ROLES)),
  school: z.object({ id: Id, name: z.string() }),
  /** The actions of access/matrix.ts this person may perform: the web app's navigation by capability. */
  permissions: z.array(z.string()),
  /**
   * Two-step sign-in: required of this person (access/mfa.ts), set up or not, and the moment the
   * grace to set it up ends (null when it is not required). Past it, a session reaches only enrolment.
   */
  mfa: z.object({ required: z.boolean(), enrolled: z.boolean(), enrolBy: IsoMoment.nullable() }),
  /** The school's trust and this person's roles in it (none: an empty list); null outside a trust. */
  trust: TrustStandingView.nullable(),
  /** The language they chose for emails and documents; null: the school's (decision 038). */
  language: z.enum(["en-GB", "cy"]).nullable(),
});
export type MeView = z.infer<typeof MeView>;

// --- Two-step sign-in (docs/decisions/032)

export const MFA_METHODS = ["totp", "passkey", "recovery_code"] as const;

/**
 * The answer to a right password when a second step is due: no session yet, only a pending
 * sign-in (its own short-lived cookie). A script tells it from a signed-in answer by `mfaRequired`.
 */
export const MfaChallengeView = z.object({
  mfaRequired: z.literal(true),
  methods: z.array(z.enum(MFA_METHODS)),
});
export type MfaChallengeView = z.infer<typeof MfaChallengeView>;
export const LoginView = z.union([MeView, MfaChallengeView]);
export type LoginView = z.infer<typeof LoginView>;

export const CodeInput = z.object({ code: z.string().trim().min(1, "Enter the code.").max(40) });

/** A WebAuthn answer from the browser (@simplewebauthn/browser): checked in full by the server library. */
const WebAuthnResponse = z.object({
  id: z.string().min(1).max(1500),
  rawId: z.string().min(1).max(1500),
  type: z.literal("public-key"),
  response: z.record(z.string(), z.unknown()),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(40).optional(),
});
export const PasskeySignInInput = z.object({ response: WebAuthnResponse });
export const PasskeyAddInput = z.object({
  name: z.string().trim().min(1, "Give the passkey a name.").max(80),
  response: WebAuthnResponse,
});
/** Options for the browser's WebAuthn prompt, passed as they are to @simplewebauthn/browser. */
export const WebAuthnOptionsView = z.object({ challenge: z.string() }).passthrough();

export const TotpSetupView = z.object({
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  /** otpauth:// URI, shown as a QR code. */
  uri: z.string(),
});
export type TotpSetupView = z.infer<typeof TotpSetupView>;
/** Shown this once; only their hashes are kept. Empty when earlier codes are still unused. */
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesView = z.infer<typeof RecoveryCodesView>;
export const PasskeyAddedView = z.object({ id: Id, recoveryCodes: z.array(z.string()) });
export type PasskeyAddedView = z.infer<typeof PasskeyAddedView>;

/** A person's own security page. */
export const SecurityView = z.object({
  required: z.boolean(),
  enrolled: z.boolean(),
  enrolBy: IsoMoment.nullable(),
  totp: z.boolean(),
  passkeys: z.array(
    z.object({ id: Id, name: z.string(), createdAt: IsoMoment, lastUsedAt: IsoMoment.nullable() }),
  ),
  recoveryCodesLeft: z.number().int(),
});
export type SecurityView = z.infer<typeof SecurityView>;

/**
 * How an email leaves Accord: "smtp" when a mail server is set up, "outbox" when it is only
 * queued (ACCORD_SMTP_URL unset), which the screens then say plainly instead of "emailed".
 */

/** `POST /invitations`: who to invite, as the people directory filters them. */
export const BulkInvitationInput = z.object({
  kind: z.enum(KINDS).optional(),
  role: z.enum(ROLES).optional(),
  department: z.string().trim().max(120).optional(),
  q: z.string().trim().max(100).optional(),
});
export type BulkInvitationInput = z.infer<typeof BulkInvitationInput>;

export const BulkInvitationView = z.object({
  /** Invitations made (or, on a dry run, that would be): people with an email address and no account. */
  invited: z.number().int(),
  /** People who match but have no email address: add one, then invite them. */
  withoutEmail: z.array(z.object({ id: Id, name: z.string() })),
  /** When the links made now expire; null on a dry run or when nobody was invited. */
  expiresAt: IsoMoment.nullable(),
  delivery: MailDelivery,
});
export type BulkInvitationView = z.infer<typeof BulkInvitationView>;

/** What an invitation link shows before its password is chosen. */
export const InvitationView = z.object({ name: z.string(), email: z.string(), schoolName: z.string() });
export type InvitationView = z.infer<typeof InvitationView>;

export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  createdAt: IsoMoment,
  lastUsedAt: IsoMoment.nullable(),
  revokedAt: IsoMoment.nullable(),
  /** Why it was revoked: "revoked" (by an admin), "password_changed" or "access_reset" (its creator's). */
  revokedReason: z.string().nullable(),
  createdByName: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  expiresAt: IsoMoment,
  /** "active", or why it no longer works: revoked, expired, or its creator has left. */
  status: z.enum(["active", "revoked", "expired", "creator_left"]),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;
export const ApiTokenListView = z.object({ tokens: z.array(ApiTokenView) });
export type ApiTokenListView = z.infer<typeof ApiTokenListView>;

/** A new API token: the secret is shown this once (it is stored hashed). */
export const ApiTokenCreatedView = z.object({
  id: Id,
  token: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  expiresAt: IsoMoment,
});
export type ApiTokenCreatedView = z.infer<typeof ApiTokenCreatedView>;

// --- Sign-in with Google or Microsoft (OpenID Connect; decision 031)

export const SSO_PROVIDERS = ["google", "microsoft"] as const;
export type SsoProviderKind = (typeof SSO_PROVIDERS)[number];

/**
 * Why a sign-in with a provider was refused: the sign-in page shows each in the person's words
 * (signIn.sso.refused.<code>), after the callback sends the browser back to it.
 */
export const SSO_REFUSALS = [
  "not_set_up",
  "choose_school",
  "cancelled",
  "expired",
  "token_rejected",
  "wrong_tenant",
  "unverified_email",
  "no_email",
  "domain_not_allowed",
  "unknown_person",
  "leaver",
  "unavailable",
] as const;
export type SsoRefusalCode = (typeof SSO_REFUSALS)[number];

/** Email domains, as typed: "@oakfield.sch.uk", "Oakfield.sch.uk" → "oakfield.sch.uk". */
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "Enter a domain such as oakfield.sch.uk."));

export const SsoProviderParams = z.object({ provider: z.enum(SSO_PROVIDERS) });

/** An admin sets a provider up: the secret is write-only (left out, the one kept stays). */
export const SsoProviderInput = z.object({
  issuer: z.url({ protocol: /^https?$/, error: "Enter the issuer's address, starting https://." }).max(500),
  clientId: z.string().trim().min(1, "Enter the client id.").max(500),
  clientSecret: z.string().trim().max(2000).optional(),
  allowedDomains: z.array(Domain).min(1, "Name at least one email domain.").max(20),
  tenantId: z.string().trim().max(100).nullish(),
  trustsMfa: z.boolean().default(false),
});
export type SsoProviderInput = z.input<typeof SsoProviderInput>;

export const SsoStartQuery = z.object({
  provider: z.uuid().optional(),
  email: z.string().trim().max(254).optional(),
});
export const SsoProvidersQuery = z.object({ email: z.string().trim().max(254).optional() });

/** A provider as its school's admins see it: never the secret, only that one is kept. */
export const SsoProviderView = z.object({
  id: Id,
  provider: z.enum(SSO_PROVIDERS),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  allowedDomains: z.array(z.string()),
  tenantId: z.string().nullable(),
  trustsMfa: z.boolean(),
  updatedAt: IsoMoment,
});
export type SsoProviderView = z.infer<typeof SsoProviderView>;

export const SsoSettingsView = z.object({
  /** The address to register with Google or Microsoft as the redirect URI. */
  redirectUri: z.string(),
  providers: z.array(SsoProviderView),
});
export type SsoSettingsView = z.infer<typeof SsoSettingsView>;

/** The sign-in page's buttons: a school's providers, for the email typed or for every school. */
export const SsoChoicesView = z.object({
  providers: z.array(z.object({ id: Id, provider: z.enum(SSO_PROVIDERS), schoolName: z.string() })),
});
export type SsoChoicesView = z.infer<typeof SsoChoicesView>;

/** A redirect (302, no body; `Location` says where): to the provider, or back to the sign-in page or the app. */
export const Redirect = z.undefined().meta({ description: "Redirect: the Location header says where" });

// --- Sign-in and security (one's own sessions and sign-in history), and password reset

export const PasswordResetRequestInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254),
});
export const PasswordResetInput = z.object({ password: z.string().max(1000) });

/** The same answer whatever the address: the form cannot be used to find accounts. */
export const PasswordResetRequestedView = z.object({ detail: z.string() });
export type PasswordResetRequestedView = z.infer<typeof PasswordResetRequestedView>;
/** What a reset link shows before the new password is chosen. */
export const PasswordResetView = z.object({ email: z.string() });
export type PasswordResetView = z.infer<typeof PasswordResetView>;

export const SIGN_IN_OUTCOMES = [
  "success",
  "wrong_password",
  "locked",
  "password_reset",
  "second_step",
  "wrong_second_step",
  "password_changed",
] as const;
export const MySessionView = z.object({
  id: Id,
  /** "Chrome on Windows". */
  device: z.string(),
  ip: z.string().nullable(),
  signedInAt: IsoMoment,
  lastSeenAt: IsoMoment,
  /** The session this request came with. */
  current: z.boolean(),
});
export const SignInAttemptView = z.object({
  id: z.string(),
  at: IsoMoment,
  device: z.string(),
  ip: z.string().nullable(),
  outcome: z.enum(SIGN_IN_OUTCOMES),
});
export const MySessionsView = z.object({
  sessions: z.array(MySessionView),
  signIns: z.array(SignInAttemptView),
});
export type MySessionsView = z.infer<typeof MySessionsView>;
export const SignedOutElsewhereView = z.object({ ended: z.number().int() });
export type SignedOutElsewhereView = z.infer<typeof SignedOutElsewhereView>;
