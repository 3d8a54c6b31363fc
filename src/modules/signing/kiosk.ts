import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { kiosks, mailOutbox, schools, signatures } from "../../db/schema.js";
import { endOfLondonDay, endOfTerm, londonDateTime, todayInLondon } from "../../kernel/dates.js";
import { type Language, msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, gone, notFound, Problem } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { type Actor, systemActor } from "../access/roles.js";
import { lockChain, recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { newDeviceCode, normaliseDeviceCode } from "./device-codes.js";
import { alreadyRecorded, insertSignature, labelsOf, type SignatureBody } from "./signatures.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { ownerOf } from "./subjects.js";

/**
 * A kiosk is a named device at reception that stays open until the day the admin chose, at most
 * the end of the term (a day, a week, or the term: reception no longer opens it every morning).
 * It closes at the end of that day in London, or earlier when an admin revokes it.
 */
export async function openKiosk(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  input: { agreementId: string; deviceName: string; until: string; offlineMinutes?: number },
) {
  const { agreementId, deviceName, until } = input;
  const today = todayInLondon();
  const lastDay = endOfTerm(today);
  if (until < today || until > lastDay)
    throw badRequest(msg`A kiosk can stay open from today until the end of term (${lastDay}) at most.`, [
      { field: "until", message: msg`Choose a day from ${today} to ${lastDay}.` },
    ]);
  return db.transaction(async (tx) => {
    const agreement = await ownerOf(subjectType).load(tx, actor.schoolId, agreementId);
    if (!agreement) throw notFound(SUBJECT_NOUNS[subjectType]);
    if (agreement.audienceKind !== "visitor")
      throw conflict(msg`A kiosk is for an agreement addressed to visitors.`);
    if (!agreement.inForce)
      throw conflict(msg`This agreement has been replaced by a newer one; open the kiosk on that instead.`);
    const code = newDeviceCode();
    const expiresAt = endOfLondonDay(until);
    const [row] = await tx
      .insert(kiosks)
      .values({
        schoolId: actor.schoolId,
        subjectType,
        subjectId: agreementId,
        codeHash: hashSecret(code),
        deviceName,
        openedBy: actor.personId,
        expiresAt,
        offlineMinutes: input.offlineMinutes ?? 30,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "kiosk.opened",
      entityType: "kiosk",
      entityId: row.id,
      summary: {
        agreement: agreement.title,
        device: deviceName,
        expiresAt: expiresAt.toISOString(),
        offlineMinutes: row.offlineMinutes,
      },
    });
    return { id: row.id, code, deviceName, expiresAt: expiresAt.toISOString() };
  });
}

export async function listKiosks(db: Db, actor: Actor) {
  const rows = await db
    .select({
      k: kiosks,
      count: sql<number>`(SELECT count(*)::int FROM ${signatures} s WHERE s.auth_method = 'kiosk' AND s.subject_id = ${kiosks.subjectId} AND s.signed_at >= ${kiosks.openedAt} AND s.signed_at <= coalesce(${kiosks.closedAt}, now()))`,
    })
    .from(kiosks)
    .where(eq(kiosks.schoolId, actor.schoolId))
    .orderBy(desc(kiosks.openedAt))
    .limit(50);
  const labels = await labelsOf(
    db,
    rows.map((r) => r.k),
  );
  return rows.flatMap(({ k, count }) => {
    const label = labels.get(`${k.subjectType}:${k.subjectId}`);
    if (!label) return [];
    return [
      {
        id: k.id,
        agreementTitle: label.title,
        deviceName: k.deviceName,
        openedAt: k.openedAt.toISOString(),
        expiresAt: k.expiresAt.toISOString(),
        closedAt: k.closedAt?.toISOString() ?? null,
        signatures: count,
      },
    ];
  });
}

export async function closeKiosk(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(kiosks)
      .set({ closedAt: new Date(), tokenHash: null })
      .where(and(eq(kiosks.schoolId, actor.schoolId), eq(kiosks.id, id), isNull(kiosks.closedAt)))
      .returning();
    if (!row) throw notFound(msg`open kiosk`);
    await recordEvent(tx, actor, {
      action: "kiosk.closed",
      entityType: "kiosk",
      entityId: id,
      summary: { device: row.deviceName },
    });
  });
}

/**
 * The tablet exchanges the code for a kiosk token, once: a code seen over a shoulder or left on a
 * note cannot start a second tablet for the weeks the kiosk stays open (decision 027). A tablet
 * that lost its token (its storage cleared) is started again by closing the kiosk and opening a
 * new one, which the list of kiosks shows reception how to do.
 */
export async function startKiosk(db: Db, code: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(kiosks)
      .where(eq(kiosks.codeHash, hashSecret(normaliseDeviceCode(code))))
      .for("update");
    if (!row) throw notFound(msg`kiosk code`);
    if (row.closedAt || row.expiresAt.getTime() <= Date.now())
      throw gone(msg`This kiosk has been closed. Ask the school office to open a new one.`);
    if (row.tokenHash)
      throw conflict(
        msg`This code has already started a kiosk and works only once. Ask the school office to close that kiosk and open a new one.`,
      );
    const { secret, hash } = newSecret("kiosk_");
    await tx.update(kiosks).set({ tokenHash: hash }).where(eq(kiosks.id, row.id));
    return { token: secret, ...(await kioskView(tx, row)) };
  });
}

/** The visitor agreement in force for this kiosk (a new policy version moves it on). */
async function kioskAgreementRow(db: DbOrTx, row: typeof kiosks.$inferSelect) {
  const agreement = await ownerOf(row.subjectType).inForce(db, row.schoolId, row.subjectId);
  if (!agreement)
    throw gone(msg`The visitor agreement for this kiosk has been withdrawn. Please ask at reception.`);
  return agreement;
}

async function kioskView(db: DbOrTx, row: typeof kiosks.$inferSelect) {
  const agreement = await kioskAgreementRow(db, row);
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, row.schoolId));
  return { schoolName: school.name, agreement: agreement.shown, offlineMinutes: row.offlineMinutes };
}

async function openKioskByToken(db: DbOrTx, token: string | undefined) {
  if (!token) throw badRequest(msg`This request needs the kiosk's token.`);
  const [row] = await db
    .select()
    .from(kiosks)
    .where(
      and(eq(kiosks.tokenHash, hashSecret(token)), isNull(kiosks.closedAt), gt(kiosks.expiresAt, sql`now()`)),
    );
  if (!row) throw gone(msg`This kiosk has been closed. Ask the school office to open a new one.`);
  return row;
}

export const kioskAgreement = async (db: Db, token: string | undefined) =>
  kioskView(db, await openKioskByToken(db, token));

/** A visitor's receipt goes to the address typed on that signing, once, and to one address only so often. */
const RECEIPTS_PER_ADDRESS_PER_DAY = 3;
const RECEIPTS_PER_SCHOOL_PER_HOUR = 60;

/**
 * A kiosk is unattended and anyone at reception can type any address: without a limit it could
 * send the school's mail to a stranger again and again. Three receipts a day to one address (a
 * contractor in and out) and sixty an hour from the school's kiosks (a busy parents' evening) are
 * more than reception needs; beyond them the visitor is asked to sign without an email address.
 */
async function refuseTooManyReceipts(tx: Tx, schoolId: string, to: string) {
  const [{ toAddress, fromSchool }] = await tx
    .select({
      toAddress: sql<number>`count(*) FILTER (WHERE lower(${mailOutbox.toAddress}) = lower(${to}) AND ${mailOutbox.createdAt} > now() - interval '1 day')::int`,
      fromSchool: sql<number>`count(*) FILTER (WHERE ${mailOutbox.createdAt} > now() - interval '1 hour')::int`,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.schoolId, schoolId),
        // A visitor's receipt, in whichever language: it alone links to a receipt by reference.
        sql`${mailOutbox.bodyText} LIKE '%/api/v1/receipts/%'`,
        gt(mailOutbox.createdAt, sql`now() - interval '1 day'`),
      ),
    );
  if (toAddress >= RECEIPTS_PER_ADDRESS_PER_DAY || fromSchool >= RECEIPTS_PER_SCHOOL_PER_HOUR) {
    const message = msg`We cannot email a receipt to this address again today. Leave the email address empty to sign, and ask reception for a copy.`;
    throw new Problem(429, msg`Too many requests`, message, [{ field: "email", message }]);
  }
}

export type VisitorBody = SignatureBody & {
  organisation: string;
  visiting: string;
  email?: string;
  language?: Language;
  idempotencyKey?: string;
};

/** A visitor signs. The answer carries only the reference: the kiosk shows nothing of anyone earlier. */
export async function signAtKiosk(
  db: Db,
  token: string | undefined,
  body: VisitorBody,
  ctx: { ip: string | null; userAgent: string | null },
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    // Checked inside the transaction so a kiosk closed a moment ago cannot take one more signature.
    const kiosk = await openKioskByToken(tx, token);
    const agreement = await kioskAgreementRow(tx, kiosk);
    // A double tap on a slow connection must not sign twice. The chain lock (taken by every
    // signature writer) makes the check and the insert one step for this school.
    await lockChain(tx, kiosk.schoolId);
    // Sent again by the tablet (its offline queue, or an answer lost on the way): the first answer.
    const earlier = await alreadyRecorded(
      tx,
      kiosk.schoolId,
      body.idempotencyKey,
      (s) => s.kioskId === kiosk.id,
    );
    if (earlier) return earlier;
    const [again] = await tx
      .select({ id: signatures.id })
      .from(signatures)
      .where(
        and(
          eq(signatures.subjectId, agreement.id),
          eq(signatures.authMethod, "kiosk"),
          sql`lower(${signatures.fullName}) = lower(${body.fullName})`,
          sql`lower(${signatures.organisation}) = lower(${body.organisation})`,
          sql`lower(${signatures.visiting}) = lower(${body.visiting})`,
          gt(signatures.signedAt, sql`now() - interval '2 minutes'`),
        ),
      );
    if (again) throw conflict(msg`You have just signed this: thank you. There is no need to sign again.`);
    const actor: Actor = {
      ...systemActor(kiosk.schoolId),
      name: `${body.fullName} (visitor)`,
      ip: ctx.ip,
      via: "kiosk",
    };
    const s = await insertSignature(tx, actor, agreement, body, {
      ...ctx,
      personId: null,
      authMethod: "kiosk",
      organisation: body.organisation,
      visiting: body.visiting,
      kioskId: kiosk.id,
      idempotencyKey: body.idempotencyKey,
    });
    if (body.email) {
      await refuseTooManyReceipts(tx, kiosk.schoolId, body.email);
      await queueMail(tx, kiosk.schoolId, {
        to: body.email,
        // The language the visitor chose on the kiosk for this visit.
        readers: body.language ?? "en-GB",
        subject: msg`Your visitor agreement: ${agreement.title}`,
        lines: [
          msg`Thank you for signing "${agreement.title}" when you visited.`,
          "",
          msg`Your receipt (keep your own copy): ${publicUrl}/api/v1/receipts/${s.verificationRef}/receipt.pdf`,
          msg`Verification reference: ${s.verificationRef}`,
          msg`Signed: ${{ dateTime: s.signedAt }}`,
          msg`Check it any time at ${publicUrl}/verify`,
        ],
      });
    }
    return { signedAt: s.signedAt.toISOString(), verificationReference: s.verificationRef };
  });
}
