/**
 * Two-step sign-in (docs/decisions/032): an authenticator app (TOTP), passkeys (WebAuthn) and
 * recovery codes. Who must have it and by when is access/mfa.ts's rule; this file proves codes
 * and passkeys, opens the session once they are proven, and keeps each person's methods.
 */
import { randomBytes } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { Secret, TOTP } from "otpauth";
import type { Db, Tx } from "../../db/client.js";
import type { Config } from "../../kernel/config.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, gone, notFound, Problem, tooManyRequests } from "../../kernel/problem.js";
import { hashSecret, newSecret, type Sealer, sealerFor } from "../../kernel/secrets.js";
import { enrolBy, mfaRequired } from "../access/mfa.js";
import type { Actor, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { deviceLabel } from "./device.js";
import {
  closePendingSignIn,
  countPendingAttempt,
  deletePasskey,
  deletePasskeysOf,
  deleteTotp,
  insertPasskey,
  insertPendingSignIn,
  markPasskeyUsed,
  markSessionMfa,
  mfaStateOf,
  openPendingSignIn,
  passkeyByCredentialId,
  passkeysOf,
  replaceRecoveryCodes,
  savePasskeyChallenge,
  saveUnconfirmedTotp,
  setPendingChallenge,
  spendRecoveryCode,
  spendTotpStep,
  takePasskeyChallenge,
  totpOf,
  unusedRecoveryCodes,
} from "./mfa-queries.js";
import { openSession, type SignInMethod } from "./open-session.js";
import {
  credentialsOf,
  endAllSessions,
  findPerson,
  insertSignInAttempt,
  settleSignInAttempt,
} from "./queries.js";

export type MfaMethod = "totp" | "passkey" | "recovery_code";
/** A pending sign-in lasts this long: enough to find one's phone, not to leave it lying open. */
const PENDING_MINUTES = 5;
/** Wrong codes a pending sign-in takes before it ends (each also counts against the account). */
export const PENDING_ATTEMPTS = 5;
const RECOVERY_CODES = 10;
const ISSUER = "Accord";

export const WRONG_CODE = msg`That code is not right, or it has been used already. Try the next code from your app.`;
export const PENDING_GONE = msg`Your sign-in has timed out. Enter your email and password again.`;
/** A problem type a script can tell from a wrong password: the password was right, the second step is due. */
export const MFA_REQUIRED_TYPE = "https://accord.invalid/problems/mfa-required";

/** The context of the two-step routes: the sealing key and who the passkeys belong to. */
export type MfaContext = { sealer: () => Sealer; rpId: string; origin: string; rpName: string };

export function mfaContext(config: Config): MfaContext {
  let sealer: Sealer | null = null;
  const url = new URL(config.publicUrl);
  return {
    // Made on first use, so an app that never seals writes no key file.
    sealer: () => {
      sealer ??= sealerFor(config);
      return sealer;
    },
    rpId: url.hostname,
    origin: url.origin,
    rpName: ISSUER,
  };
}

const totpFor = (secretBase32: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

/** The time step a code belongs to (one step either side, for clocks a little out), or null. */
function stepOf(totp: TOTP, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / 30) + delta;
}

const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

function newRecoveryCodes() {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString("hex"); // 40 bits each; they work once and are throttled
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map((c) => hashSecret(normaliseRecoveryCode(c))) };
}

// ---- where a person stands

/** `GET /me`'s `mfa`: whether it is required of the person, whether they have it, and by when. */
export async function mfaSummary(db: Db, personId: string, roles: readonly Role[]) {
  const state = await mfaStateOf(db, personId);
  // A privileged school role, or any trust role (the same rule the session's gate reads).
  const required = mfaRequired(roles) || state.requiredSince !== null;
  return {
    required,
    enrolled: state.totpConfirmed || state.passkeys > 0,
    enrolBy: required ? (enrolBy(state.requiredSince)?.toISOString() ?? null) : null,
  };
}

export async function mfaMethodsOf(db: Db, personId: string): Promise<MfaMethod[]> {
  const state = await mfaStateOf(db, personId);
  const methods: MfaMethod[] = [];
  if (state.totpConfirmed) methods.push("totp");
  if (state.passkeys > 0) methods.push("passkey");
  if (methods.length && state.recoveryCodesLeft > 0) methods.push("recovery_code");
  return methods;
}

// ---- completing a sign-in

export type SignInOutcome =
  | { kind: "session"; token: string; personId: string }
  | { kind: "mfa"; pendingToken: string; methods: MfaMethod[] };

/**
 * The one decision after a first factor (a password, or a school's SSO): a session at once, or a
 * pending sign-in that waits for the second step. A person with a second step set up is asked for
 * it, unless their school's SSO has asserted MFA; a person without one gets a session, and
 * access/mfa.ts keeps a session past its grace to enrolment only. SSO calls this too.
 */
export async function completeSignIn(
  db: Db,
  person: { id: string; schoolId: string; email: string },
  how: {
    signIn: SignInMethod;
    ip: string | null;
    userAgent: string | null;
    /** The password's sign-in attempt (service.ts login): a success once a session opens. */
    attemptId?: number;
    publicUrl?: string;
  },
  actor: Actor,
): Promise<SignInOutcome> {
  // The school's provider asserted a second factor and the school trusts it to (decision 031).
  const mfaAsserted = how.signIn.method === "sso" && how.signIn.ssoMfaAsserted;
  const methods = mfaAsserted ? [] : await mfaMethodsOf(db, person.id);
  if (methods.length === 0) {
    const token = await db.transaction((tx) =>
      openSession(tx, actor, person.id, {
        ip: how.ip,
        userAgent: how.userAgent,
        signIn: how.signIn,
        mfaMethod: mfaAsserted ? "sso" : null,
        attemptId: how.attemptId,
        publicUrl: how.publicUrl,
      }),
    );
    return { kind: "session", token, personId: person.id };
  }
  const { secret, hash } = newSecret();
  await db.transaction(async (tx) => {
    // Neither a success nor a failure until the second step is done (decision 033's count).
    if (how.attemptId !== undefined) await settleSignInAttempt(tx, how.attemptId, "second_step");
    await insertPendingSignIn(tx, {
      tokenHash: hash,
      schoolId: person.schoolId,
      personId: person.id,
      expiresAt: new Date(Date.now() + PENDING_MINUTES * 60_000),
      // The first step, so the session made after the second says how the person signed in.
      firstStep: how.signIn.method === "sso" ? how.signIn.provider : "password",
      signInAttemptId: how.attemptId ?? null,
      ip: how.ip,
      userAgent: how.userAgent?.slice(0, 500) ?? null,
    });
  });
  return { kind: "mfa", pendingToken: secret, methods };
}

async function pendingFor(db: Db, pendingToken: string | undefined) {
  const pending = pendingToken ? await openPendingSignIn(db, hashSecret(pendingToken)) : undefined;
  // 410, not 401: the password was right; this step has simply run out (or never began).
  if (!pending) throw gone(PENDING_GONE);
  return pending;
}

type Pending = Awaited<ReturnType<typeof pendingFor>>;

/** A wrong second step: counted on the pending sign-in and, like a wrong password, on the account. */
async function refuse(db: Db, pending: Pending, ip: string | null, message: Message): Promise<never> {
  const attempts = await countPendingAttempt(db, pending.id);
  const cred = await credentialsOf(db, pending.personId);
  if (cred)
    await db.transaction((tx) =>
      insertSignInAttempt(tx, {
        email: cred.email.toLowerCase(),
        personId: pending.personId,
        schoolId: pending.schoolId,
        ip,
        userAgent: pending.userAgent,
        device: deviceLabel(pending.userAgent),
        outcome: "wrong_second_step",
      }),
    );
  if (attempts >= PENDING_ATTEMPTS) {
    await closePendingSignIn(db, pending.id);
    throw tooManyRequests(msg`Too many wrong codes. ${PENDING_GONE}`);
  }
  throw new Problem(401, msg`Unauthorized`, message, [{ field: "code", message }]);
}

async function finishPending(tx: Tx, pending: Pending, actor: Actor, method: MfaMethod, input: Client) {
  if (!(await closePendingSignIn(tx, pending.id))) throw gone(PENDING_GONE);
  const signIn: SignInMethod =
    pending.firstStep === "google" || pending.firstStep === "microsoft"
      ? { method: "sso", provider: pending.firstStep, ssoMfaAsserted: false }
      : { method: "password" };
  return openSession(tx, actor, pending.personId, {
    ...input,
    signIn,
    mfaMethod: method,
    attemptId: pending.signInAttemptId,
  });
}

type ActorLoader = (personId: string) => Promise<Actor | null>;
type Client = { ip: string | null; userAgent: string | null; publicUrl?: string };

/** Second step by a code from the authenticator app: each code works once. */
export async function signInWithTotp(
  db: Db,
  ctx: MfaContext,
  loadActor: ActorLoader,
  pendingToken: string | undefined,
  code: string,
  client: Client,
) {
  const pending = await pendingFor(db, pendingToken);
  const app = await totpOf(db, pending.personId);
  const step = app?.confirmedAt ? stepOf(totpFor(ctx.sealer().open(app.sealedSecret), "x"), code) : null;
  const actor = await loadActor(pending.personId);
  if (!actor) throw gone(PENDING_GONE);
  if (step !== null) {
    const token = await db.transaction(async (tx) => {
      if (!(await spendTotpStep(tx, pending.personId, step, false))) return null;
      return finishPending(tx, pending, actor, "totp", client);
    });
    if (token) return { token, actor };
  }
  return refuse(db, pending, client.ip, WRONG_CODE);
}

/** Second step by a recovery code (lost phone): each works once. */
export async function signInWithRecoveryCode(
  db: Db,
  loadActor: ActorLoader,
  pendingToken: string | undefined,
  code: string,
  client: Client,
) {
  const pending = await pendingFor(db, pendingToken);
  const actor = await loadActor(pending.personId);
  if (!actor) throw gone(PENDING_GONE);
  const token = await db.transaction(async (tx) => {
    if (!(await spendRecoveryCode(tx, pending.personId, hashSecret(normaliseRecoveryCode(code)))))
      return null;
    return finishPending(tx, pending, actor, "recovery_code", client);
  });
  if (token) return { token, actor, recoveryCodesLeft: await unusedRecoveryCodes(db, pending.personId) };
  return refuse(db, pending, client.ip, msg`That recovery code is not right, or it has been used already.`);
}

const transportsOf = (t: string[]) => t as AuthenticatorTransport[];

/** The options for the browser's passkey prompt during a pending sign-in. */
export async function passkeySignInOptions(db: Db, ctx: MfaContext, pendingToken: string | undefined) {
  const pending = await pendingFor(db, pendingToken);
  const keys = await passkeysOf(db, pending.personId);
  const options = await generateAuthenticationOptions({
    rpID: ctx.rpId,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: transportsOf(k.transports) })),
    userVerification: "preferred",
  });
  await setPendingChallenge(db, pending.id, options.challenge);
  return options;
}

/** Second step by a passkey: the signature must answer this pending sign-in's challenge. */
export async function signInWithPasskey(
  db: Db,
  ctx: MfaContext,
  loadActor: ActorLoader,
  pendingToken: string | undefined,
  response: AuthenticationResponseJSON,
  client: Client,
) {
  const pending = await pendingFor(db, pendingToken);
  const actor = await loadActor(pending.personId);
  if (!actor) throw gone(PENDING_GONE);
  const key = await passkeyByCredentialId(db, pending.personId, response.id);
  let verified = false;
  let newCounter = 0;
  if (key && pending.challenge) {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: pending.challenge,
        expectedOrigin: ctx.origin,
        expectedRPID: ctx.rpId,
        credential: {
          id: key.credentialId,
          publicKey: Buffer.from(key.publicKey, "base64url"),
          counter: key.counter,
          transports: transportsOf(key.transports),
        },
        requireUserVerification: false,
      });
      verified = result.verified;
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      verified = false;
    }
  }
  if (verified && key) {
    const token = await db.transaction(async (tx) => {
      await markPasskeyUsed(tx, key.id, newCounter);
      return finishPending(tx, pending, actor, "passkey", client);
    });
    return { token, actor };
  }
  return refuse(
    db,
    pending,
    client.ip,
    msg`That passkey was not accepted. Try again, or use a code from your app.`,
  );
}

// ---- a person's own methods (the security page)

export async function mySecurity(db: Db, actor: Actor) {
  const personId = actor.personId!;
  const [summary, app, keys, left] = await Promise.all([
    mfaSummary(db, personId, actor.roles),
    totpOf(db, personId),
    passkeysOf(db, personId),
    unusedRecoveryCodes(db, personId),
  ]);
  return {
    ...summary,
    totp: !!app?.confirmedAt,
    passkeys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    })),
    recoveryCodesLeft: left,
  };
}

/** Begin setting up an authenticator app: a new secret, shown once as a QR code and as text. */
export async function beginTotp(db: Db, ctx: MfaContext, actor: Actor, email: string) {
  const existing = await totpOf(db, actor.personId!);
  if (existing?.confirmedAt)
    throw conflict(msg`An authenticator app is already set up. Remove it first to set up another.`);
  const secret = new Secret({ size: 20 }).base32;
  await db.transaction(async (tx) => {
    await saveUnconfirmedTotp(tx, {
      personId: actor.personId!,
      schoolId: actor.schoolId,
      sealedSecret: ctx.sealer().seal(secret),
    });
  });
  return { secret, uri: totpFor(secret, email).toString() };
}

/**
 * The first method a person sets up comes with recovery codes, shown once. The session that set
 * it up has just proven a second step, so it counts as one.
 */
async function afterFirstMethod(tx: Tx, actor: Actor, sessionId: string | null, method: MfaMethod) {
  if (sessionId) await markSessionMfa(tx, sessionId, method);
  if ((await unusedRecoveryCodes(tx, actor.personId!)) > 0) return [];
  const { codes, hashes } = newRecoveryCodes();
  await replaceRecoveryCodes(tx, actor.schoolId, actor.personId!, hashes);
  return codes;
}

/** Confirm the app with its first code: from now on sign-in asks for one. */
export async function confirmTotp(
  db: Db,
  ctx: MfaContext,
  actor: Actor,
  sessionId: string | null,
  code: string,
) {
  const app = await totpOf(db, actor.personId!);
  if (!app || app.confirmedAt) throw conflict(msg`Start setting up the authenticator app again.`);
  const step = stepOf(totpFor(ctx.sealer().open(app.sealedSecret), "x"), code);
  return db.transaction(async (tx) => {
    if (step === null || !(await spendTotpStep(tx, actor.personId!, step, true)))
      throw badRequest(WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);
    const recoveryCodes = await afterFirstMethod(tx, actor, sessionId, "totp");
    await recordEvent(tx, actor, {
      action: "mfa.totp_added",
      entityType: "person",
      entityId: actor.personId,
    });
    return { recoveryCodes };
  });
}

export async function removeTotp(db: Db, actor: Actor) {
  await db.transaction(async (tx) => {
    if (!(await deleteTotp(tx, actor.personId!))) throw notFound(msg`authenticator app`);
    await recordEvent(tx, actor, {
      action: "mfa.totp_removed",
      entityType: "person",
      entityId: actor.personId,
    });
  });
}

/** New recovery codes: the old ones stop working. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor) {
  if ((await mfaMethodsOf(db, actor.personId!)).length === 0)
    throw conflict(msg`Set up an authenticator app or a passkey first.`);
  const { codes, hashes } = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.schoolId, actor.personId!, hashes);
    await recordEvent(tx, actor, {
      action: "mfa.recovery_codes_renewed",
      entityType: "person",
      entityId: actor.personId,
    });
  });
  return { recoveryCodes: codes };
}

export async function passkeyRegistrationOptions(db: Db, ctx: MfaContext, actor: Actor, email: string) {
  const keys = await passkeysOf(db, actor.personId!);
  const options = await generateRegistrationOptions({
    rpName: ctx.rpName,
    rpID: ctx.rpId,
    userName: email,
    userDisplayName: actor.name ?? email,
    userID: Buffer.from(actor.personId!),
    attestationType: "none",
    excludeCredentials: keys.map((k) => ({ id: k.credentialId, transports: transportsOf(k.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await db.transaction(async (tx) => {
    await savePasskeyChallenge(tx, {
      personId: actor.personId!,
      schoolId: actor.schoolId,
      challenge: options.challenge,
      expiresAt: new Date(Date.now() + PENDING_MINUTES * 60_000),
    });
  });
  return options;
}

export async function addPasskey(
  db: Db,
  ctx: MfaContext,
  actor: Actor,
  sessionId: string | null,
  name: string,
  response: RegistrationResponseJSON,
) {
  return db.transaction(async (tx) => {
    const challenge = await takePasskeyChallenge(tx, actor.personId!);
    if (!challenge) throw conflict(msg`Start adding the passkey again.`);
    let info: Awaited<ReturnType<typeof verifyRegistrationResponse>>["registrationInfo"];
    try {
      const result = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: ctx.origin,
        expectedRPID: ctx.rpId,
        requireUserVerification: false,
      });
      info = result.verified ? result.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (!info) throw badRequest(msg`That passkey could not be checked. Try again.`);
    const row = await insertPasskey(tx, {
      schoolId: actor.schoolId,
      personId: actor.personId!,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      name,
    });
    const recoveryCodes = await afterFirstMethod(tx, actor, sessionId, "passkey");
    await recordEvent(tx, actor, {
      action: "mfa.passkey_added",
      entityType: "person",
      entityId: actor.personId,
      summary: { name },
    });
    return { id: row.id, recoveryCodes };
  });
}

export async function removePasskey(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await deletePasskey(tx, actor.personId!, id);
    if (!row) throw notFound(msg`passkey`);
    await recordEvent(tx, actor, {
      action: "mfa.passkey_removed",
      entityType: "person",
      entityId: actor.personId,
      summary: { name: row.name },
    });
  });
}

/**
 * An admin resets someone's two-step sign-in (a lost phone and lost codes). Recovery must not
 * become a way round MFA: the admin must have proven their own second step in this session, the
 * person's sessions end, the reset is recorded, and the person is told by email (so a reset they
 * did not ask for is noticed). Their next sign-in goes straight to enrolment once the grace is over.
 */
export async function resetMfa(db: Db, actor: Actor, personId: string, schoolName: string) {
  // access/plugin.ts has refused this to anyone who has not proven their own second step here.
  await db.transaction(async (tx) => {
    const person = await findPerson(tx, actor.schoolId, personId);
    if (!person) throw notFound(msg`person`);
    const removed = (await deleteTotp(tx, personId)) + (await deletePasskeysOf(tx, personId));
    await replaceRecoveryCodes(tx, actor.schoolId, personId, []);
    await endAllSessions(tx, personId);
    if (person.email)
      await queueMail(tx, actor.schoolId, {
        to: person.email,
        readers: await readerOf(tx, actor.schoolId, personId),
        subject: msg`Your two-step sign-in for Accord at ${schoolName} was reset`,
        lines: [
          msg`Dear ${person.givenName},`,
          "",
          actor.name
            ? msg`${actor.name} has reset your two-step sign-in for Accord at ${schoolName}.`
            : msg`Your school admin has reset your two-step sign-in for Accord at ${schoolName}.`,
          msg`Your authenticator app, passkeys and recovery codes no longer work, and you have been signed out.`,
          msg`When you next sign in you will be asked to set up two-step sign-in again.`,
          "",
          msg`If you did not ask for this, tell your school's data protection officer straight away.`,
        ],
      });
    await recordEvent(tx, actor, {
      action: "mfa.reset",
      entityType: "person",
      entityId: personId,
      summary: { methodsRemoved: removed },
    });
  });
}
