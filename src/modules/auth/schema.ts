import { z } from "zod";
import { Id, IsoMoment, MailDelivery } from "../../kernel/responses.js";
import { KINDS, ROLES } from "../access/roles.js";

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
export const ApiTokenInput = z.object({ name: z.string().trim().min(1, "Give the token a name.").max(100) });

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
});
export type MeView = z.infer<typeof MeView>;

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
  createdByName: z.string(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;
export const ApiTokenListView = z.object({ tokens: z.array(ApiTokenView) });
export type ApiTokenListView = z.infer<typeof ApiTokenListView>;

/** A new API token: the secret is shown this once (it is stored hashed). */
export const ApiTokenCreatedView = z.object({ id: Id, token: z.string() });
export type ApiTokenCreatedView = z.infer<typeof ApiTokenCreatedView>;

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

export const SIGN_IN_OUTCOMES = ["success", "wrong_password", "locked", "password_reset"] as const;
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
