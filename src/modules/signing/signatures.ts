/**
 * Signatures: checking and recording one, declining, the receipt email, presenting a signer's
 * history and checking a receipt's reference. Every way to sign (signed in, parent link, kiosk,
 * class session) records through `newSignature`/`insertSignature` here. A signature is of a
 * subject (subjects.ts), described by the module that owns it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import type { signatures } from "../../db/schema.js";
import { londonDateTime } from "../../kernel/dates.js";
import { type Message, msg, type Readers } from "../../kernel/i18n/index.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { canReadSignature, canSign } from "../access/signatures.js";
import {
  type AuditInput,
  bindRecord,
  lockChain,
  recordEvent,
  recordMatchesItsEvent,
} from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import {
  findSigned,
  insertDecline,
  insertSignatureRow,
  isPersonOf,
  kioskSignatureByReference,
  laterRecordOf,
  latestKindOf,
  recordByReference,
  schoolAdminEmails,
  signatureByKey,
  signaturesOfPerson,
} from "./queries.js";
import type { SignatureRecordView, SignatureView, VerificationView } from "./schema.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { loadSubject, ownerOf, type Subject, type SubjectLabel } from "./subjects.js";

/** How a signed-in signer proved who they were: a token, Google or Microsoft, or a password. */
export const authMethodOf = (actor: Actor): SignatureRow["authMethod"] =>
  actor.via === "token" ? "api_token" : actor.signedInWith === "sso" ? "sso" : "password";

type SignatureRow = typeof signatures.$inferSelect;

export type SigningContext = {
  authMethod: SignatureRow["authMethod"];
  ip: string | null;
  userAgent: string | null;
  personId: string | null;
  onBehalfOfId?: string | null;
  organisation?: string | null;
  visiting?: string | null;
  /** The reception kiosk a visitor signed at (the visitors' register names it). */
  kioskId?: string | null;
  /** A correction: the signature this one replaces. */
  correctsId?: string | null;
  /** The shared device's key for this signing, so that sending it again records it once (decision 039). */
  idempotencyKey?: string | null;
};

export type SignatureBody = {
  fullName: string;
  jobTitle?: string;
  choices: Record<string, string>;
  textSha256: string;
  signatureImage?: string;
};

// Random bytes for references come from a pool refilled 4 KB at a time, as Node does for
// randomUUID: one system call per ~200 signatures instead of one each (measured on the busy path).
let randomPool = Buffer.alloc(0);
let randomAt = 0;
function pooledRandomBytes(n: number) {
  if (randomAt + n > randomPool.length) {
    randomPool = randomBytes(4096);
    randomAt = 0;
  }
  randomAt += n;
  return randomPool.subarray(randomAt - n, randomAt);
}

export function newReference() {
  // 100 random bits in Crockford base32, grouped for reading aloud over the phone.
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const bytes = pooledRandomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

export const normaliseReference = (ref: string) =>
  ref
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1")
    .match(/.{1,4}/g)
    ?.join("-") ?? "";

function checkAnswers(agreement: SignableSubject, body: SignatureBody) {
  const errors: { field: string; message: Message }[] = [];
  for (const c of agreement.choices) {
    const answer = body.choices[c.key];
    if (!answer) errors.push({ field: `choices.${c.key}`, message: msg`Choose ${c.options.join(" or ")}.` });
    else if (!c.options.includes(answer))
      errors.push({ field: `choices.${c.key}`, message: msg`Choose one of: ${c.options.join(", ")}.` });
  }
  for (const key of Object.keys(body.choices))
    if (!agreement.choices.some((c) => c.key === key))
      errors.push({ field: `choices.${key}`, message: msg`This agreement has no such choice.` });
  if (agreement.requireJobTitle && !body.jobTitle?.trim())
    errors.push({ field: "jobTitle", message: msg`Type your job title.` });
  if (errors.length > 0) throw badRequest(msg`Some answers are missing or not allowed.`, errors);
}

/**
 * Check a signature against the subject in force and build its record and audit event (no
 * I/O). The hash the signer's screen sends must be the hash of the text in force (409
 * otherwise: they read something else). Ids are chosen here, so the signature can point at its
 * audit event and both can be written in whatever order suits the caller's transaction.
 */
/** What recording a signature needs to know about its subject. */
export type SignableSubject = Pick<
  Subject,
  | "type"
  | "id"
  | "schoolId"
  | "title"
  | "inForce"
  | "textSha256"
  | "choices"
  | "requireJobTitle"
  | "audienceKind"
>;

export function newSignature(
  actor: Actor,
  agreement: SignableSubject,
  body: SignatureBody,
  ctx: SigningContext,
): { row: SignatureRow; event: AuditInput & { id: string; actor: Actor } } {
  if (!agreement.inForce)
    throw conflict(
      msg`This agreement has been replaced by a newer version. Reload to read the text in force.`,
    );
  if (body.textSha256 !== agreement.textSha256)
    throw conflict(
      msg`The text you were shown is not the text in force (it has changed). Reload, read it again and sign.`,
      { textSha256: agreement.textSha256 },
    );
  checkAnswers(agreement, body);
  const auditEventId = randomUUID();
  const row: SignatureRow = {
    id: randomUUID(),
    schoolId: agreement.schoolId,
    subjectType: agreement.type,
    subjectId: agreement.id,
    kind: "signed",
    personId: ctx.personId,
    onBehalfOfId: ctx.onBehalfOfId ?? null,
    fullName: body.fullName,
    jobTitle: body.jobTitle?.trim() || null,
    organisation: ctx.organisation ?? null,
    visiting: ctx.visiting ?? null,
    choices: body.choices,
    signatureImage: body.signatureImage ?? null,
    reason: null,
    textSha256: agreement.textSha256,
    authMethod: ctx.authMethod,
    signedAt: new Date(),
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    auditEventId,
    verificationRef: newReference(),
    answersId: null,
    kioskId: ctx.kioskId ?? null,
    correctsId: ctx.correctsId ?? null,
    idempotencyKey: ctx.idempotencyKey ?? null,
  };
  const event = {
    id: auditEventId,
    actor,
    action: `${agreement.type}.signed`,
    entityType: agreement.type,
    entityId: agreement.id,
    summary: {
      title: agreement.title,
      signatureId: row.id,
      fullName: body.fullName,
      onBehalfOf: ctx.onBehalfOfId ?? null,
      authMethod: ctx.authMethod,
      textSha256: agreement.textSha256,
      choices: body.choices,
    },
    // The whole signature, bound into the chain: an edit to it afterwards is caught (decision 028).
    records: [bindRecord("signature", row)],
  };
  return { row, event };
}

/**
 * Record one signature and its audit event in the caller's transaction. The audit event is
 * written last: the per-school audit lock is then held only for that insert and the commit.
 */
export async function insertSignature(
  tx: Tx,
  actor: Actor,
  agreement: SignableSubject,
  body: SignatureBody,
  ctx: SigningContext,
  /** Work to do in the same transaction before the audit event (e.g. queue the receipt email). */
  beforeAudit?: (row: SignatureRow) => Promise<void>,
) {
  const { row, event } = newSignature(actor, agreement, body, ctx);
  await insertSignatureRow(tx, row);
  if (beforeAudit) await beforeAudit(row);
  await recordEvent(tx, actor, event);
  return row;
}

/**
 * A shared device (kiosk, class) sends a signature again when it could not tell whether the first
 * try arrived, or from its offline queue (decision 039). Under the chain lock (the caller takes
 * it, as every signature writer does), a key already recorded in this school gives back the first
 * answer and records nothing; a key recorded for someone else's signing is refused.
 */
export async function alreadyRecorded(
  tx: Tx,
  schoolId: string,
  key: string | undefined,
  isSameSigning: (row: SignatureRow) => boolean,
) {
  if (!key) return null;
  const earlier = await signatureByKey(tx, schoolId, key);
  if (!earlier) return null;
  if (!isSameSigning(earlier))
    throw conflict(msg`This signature's key was already used for another signature. Please sign again.`);
  return { signedAt: earlier.signedAt.toISOString(), verificationReference: earlier.verificationRef };
}

/** The email that gives a signer their own copy. */
export function receiptEmail(
  to: string,
  readers: Readers,
  title: string,
  signature: SignatureRow,
  publicUrl: string,
) {
  return { to, readers, ...receiptMessage(title, signature, publicUrl) };
}

/** The receipt email's subject and text (the address is the signer's, looked up where it is sent). */
export function receiptMessage(title: string, signature: SignatureRow, publicUrl: string) {
  return {
    subject: msg`Your signed copy: ${title}`,
    lines: [
      msg`You signed "${title}" on ${{ dateTime: signature.signedAt }}.`,
      "",
      msg`Your receipt (keep your own copy): ${publicUrl}/api/v1/signatures/${signature.id}/receipt.pdf`,
      msg`Verification reference: ${signature.verificationRef}`,
      msg`Check it any time at ${publicUrl}/verify`,
    ],
  };
}

async function mayActOn(tx: DbOrTx, actor: Actor, subject: Subject) {
  const assigned = await ownerOf(subject.type).isAssigned(tx, subject, actor.personId!);
  checkAudience(actor, subject, assigned);
}

/** A person signs what they are asked to sign, or what is addressed to their kind of person. */
export function checkAudience(
  actor: Actor,
  subject: Pick<Subject, "schoolId" | "audienceKind">,
  assigned: boolean,
) {
  if (!canSign(actor, subject, assigned))
    throw forbidden(msg`This agreement is not one you are asked to sign.`);
}

/** Whether only being asked lets this person sign it (it is not addressed to their kind). */
export function needsAssignment(actor: Actor, subject: Pick<Subject, "schoolId" | "audienceKind">) {
  return !canSign(actor, subject, false);
}

/** Email the school's admins (a decline, a withdrawal: someone should talk to the person). */
export async function tellAdmins(
  tx: Tx,
  schoolId: string,
  mail: { subject: Message; lines: readonly (Message | string)[] },
) {
  const admins = await schoolAdminEmails(tx, schoolId);
  const readers = await readersOf(
    tx,
    schoolId,
    admins.map((a) => a.id),
  );
  for (const a of admins) await queueMail(tx, schoolId, { to: a.email!, readers: readers(a.id), ...mail });
}

export async function declineAsMember(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  agreementId: string,
  reason: string,
) {
  return db.transaction(async (tx) => {
    // The school's chain lock first, as signing takes it before its checks: a decline and a
    // signature sent at the same moment are then decided one after the other.
    await lockChain(tx, actor.schoolId);
    const agreement = await loadSubject(tx, subjectType, actor.schoolId, agreementId);
    if (!agreement) throw notFound(SUBJECT_NOUNS[subjectType]);
    await mayActOn(tx, actor, agreement);
    if (!agreement.inForce) throw conflict(msg`This agreement has been replaced by a newer version.`);
    const latest = await latestKindOf(tx, actor.schoolId, agreementId, actor.personId!);
    if (latest && latest.kind !== "withdrawn")
      throw conflict(
        msg`You have already ${latest.kind === "declined" ? "declined" : "signed"} this agreement.`,
      );
    const eventId = randomUUID();
    const row = await insertDecline(tx, {
      schoolId: actor.schoolId,
      subjectType,
      subjectId: agreementId,
      kind: "declined",
      personId: actor.personId,
      fullName: actor.name ?? "",
      reason,
      textSha256: agreement.textSha256,
      authMethod: actor.via === "token" ? "api_token" : "password",
      signedAt: new Date(),
      auditEventId: eventId,
      verificationRef: newReference(),
    });
    await recordEvent(tx, actor, {
      id: eventId,
      action: `${subjectType}.declined`,
      entityType: subjectType,
      entityId: agreementId,
      summary: { title: agreement.title, reason },
      records: [bindRecord("signature", row)],
    });
    // The school's admins are told, so someone can talk to the person.
    await tellAdmins(tx, actor.schoolId, {
      subject: msg`Agreement declined: ${agreement.title}`,
      lines: [
        msg`${actor.name} has declined "${agreement.title}".`,
        "",
        msg`Their reason: ${reason}`,
        "",
        msg`See the compliance view in Accord for details.`,
      ],
    });
    return presentSignature(row);
  });
}

export function presentSignature(s: SignatureRow): SignatureView {
  return {
    id: s.id,
    // The API names the subject by its type: an agreement's signature carries `agreementId`.
    agreementId: s.subjectId,
    kind: s.kind,
    fullName: s.fullName,
    jobTitle: s.jobTitle,
    onBehalfOfId: s.onBehalfOfId,
    choices: s.choices as Record<string, string>,
    reason: s.reason,
    textSha256: s.textSha256,
    authMethod: s.authMethod,
    signedAt: s.signedAt.toISOString(),
    verificationReference: s.verificationRef,
    correctsId: s.correctsId,
  };
}

export async function loadSignatureFor(db: Db, actor: Actor, id: string) {
  const row = await findSigned(db, actor.schoolId, id);
  if (!row || !canReadSignature(actor, row)) throw notFound(msg`signature`);
  return row;
}

export async function signatureHistory(
  db: Db,
  schoolId: string,
  personId: string,
): Promise<SignatureRecordView[]> {
  if (!(await isPersonOf(db, schoolId, personId))) throw notFound(msg`person`);
  const rows = await signaturesOfPerson(db, schoolId, personId);
  const labels = await labelsOf(db, rows);
  // A signature that a later record withdrew or corrected no longer stands; say so beside it.
  const replacedBy = new Map(rows.filter((r) => r.correctsId).map((r) => [r.correctsId!, r]));
  return rows.flatMap((r) => {
    const label = labels.get(`${r.subjectType}:${r.subjectId}`);
    if (!label) return [];
    const later = replacedBy.get(r.id);
    return [
      {
        ...presentSignature(r),
        agreementTitle: label.title,
        versionNumber: label.versionNumber,
        // A signature of a replaced version is history: the person signs the new version instead.
        agreementInForce: label.inForce,
        withdrawnAt: later?.kind === "withdrawn" ? later.signedAt.toISOString() : null,
        correctedAt: later?.kind === "signed" ? later.signedAt.toISOString() : null,
      },
    ];
  });
}

/** Each row's subject (a signature's, a kiosk's…), titled and numbered by its owner, keyed "type:id". */
export async function labelsOf(db: DbOrTx, rows: Pick<SignatureRow, "subjectType" | "subjectId">[]) {
  const byType = new Map<SubjectType, string[]>();
  for (const r of rows) byType.set(r.subjectType, [...(byType.get(r.subjectType) ?? []), r.subjectId]);
  const labels = new Map<string, SubjectLabel>();
  for (const [type, ids] of byType)
    for (const [id, label] of await ownerOf(type).labels(db, [...new Set(ids)]))
      labels.set(`${type}:${id}`, label);
  return labels;
}

/**
 * A visitor's signature by its reference: the 100-bit reference in their email is what lets them
 * download their receipt, having no account. Only kiosk signatures are served this way; everyone
 * else has their own way back (their account, or the parent's link).
 */
export async function visitorSignatureByReference(db: Db, reference: string) {
  const row = await kioskSignatureByReference(db, normaliseReference(reference));
  if (!row) throw notFound(msg`receipt`);
  return row;
}

export async function verifyReference(db: Db, reference: string): Promise<VerificationView> {
  const row = await recordByReference(db, normaliseReference(reference));
  if (row?.s.kind !== "signed") return { valid: false as const };
  // A receipt whose signature was edited in the database is not shown as valid (decision 028).
  if ((await recordMatchesItsEvent(db, row.s.schoolId, row.s.auditEventId, "signature", row.s)) === "changed")
    return { valid: false as const, reason: "record_mismatch" as const };
  const label = (await labelsOf(db, [row.s])).get(`${row.s.subjectType}:${row.s.subjectId}`);
  if (!label) return { valid: false as const };
  // The receipt is genuine either way; the checker is also told if it no longer stands.
  const later = await laterRecordOf(db, row.s.schoolId, row.s.id);
  return {
    withdrawnAt: later?.kind === "withdrawn" ? later.at.toISOString() : null,
    correctedAt: later?.kind === "signed" ? later.at.toISOString() : null,
    valid: true as const,
    schoolName: row.schoolName,
    agreementTitle: label.title,
    versionNumber: label.versionNumber,
    signerName: row.s.fullName,
    signedAt: row.s.signedAt.toISOString(),
    textSha256: row.s.textSha256,
  };
}
