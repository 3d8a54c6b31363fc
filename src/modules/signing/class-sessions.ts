import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { classSessionDevices, classSessions, people, schools } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { fullName } from "../../kernel/names.js";
import { badRequest, conflict, forbidden, gone, notFound } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { canRunClassSession, canUseClassSession } from "../access/class-sessions.js";
import type { Actor } from "../access/roles.js";
import { lockChain, recordEvent } from "../audit/service.js";
import { invalidLink, newDeviceCode, normaliseDeviceCode } from "./device-codes.js";
import { alreadyRecorded, insertSignature, type SignatureBody } from "./signatures.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { ownerOf } from "./subjects.js";

/** A lesson, with some slack: the session closes itself after two hours if the teacher forgets. */
const SESSION_MINUTES = 120;

const NOT_STAFF = msg`Only staff can run a class signing session.`;

export async function classSessionOptions(db: Db, actor: Actor) {
  if (!canRunClassSession(actor)) throw forbidden(NOT_STAFF);
  const today = todayInLondon();
  const groups = await db
    .selectDistinct({ regGroup: people.regGroup })
    .from(people)
    .where(
      and(
        eq(people.schoolId, actor.schoolId),
        sql`'pupil' = ANY(${people.kinds})`,
        sql`${people.regGroup} IS NOT NULL`,
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
      ),
    )
    .orderBy(asc(people.regGroup));
  const pupilAgreements = await ownerOf("agreement").offered(db, actor.schoolId, "pupil");
  return { regGroups: groups.map((g) => g.regGroup!), agreements: pupilAgreements.map((a) => a.shown) };
}

/**
 * How a pupil is named in a class session, on the teacher's screen and the class device alike:
 * first name and the initial of the surname ("Cai P."), which is how a pupil finds themselves.
 * A class session is open to any teacher for any class, so it shows no more than that; pupils'
 * full names are in the directory, for the leaders who hold it (decision 027).
 */
const rosterName = (p: { givenName: string; familyName: string }) =>
  p.familyName ? `${p.givenName} ${p.familyName.charAt(0)}.` : p.givenName;

async function roster(db: DbOrTx, schoolId: string, regGroup: string, agreementId: string) {
  const today = todayInLondon();
  return db
    .select({
      id: people.id,
      givenName: sql<string>`coalesce(${people.preferredName}, ${people.givenName})`,
      familyName: people.familyName,
      // Written out in full: in a single-table select Drizzle leaves ${people.id} unqualified, which
      // inside this subquery would mean the signature's own id.
      signed: sql<boolean>`EXISTS (SELECT 1 FROM signatures s WHERE s.subject_id = ${agreementId} AND s.person_id = people.id AND s.kind = 'signed')`,
    })
    .from(people)
    .where(
      and(
        eq(people.schoolId, schoolId),
        eq(people.regGroup, regGroup),
        sql`'pupil' = ANY(${people.kinds})`,
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
      ),
    )
    .orderBy(asc(sql`coalesce(${people.preferredName}, ${people.givenName})`), asc(people.familyName));
}

export async function openClassSession(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  input: { agreementId: string; regGroup: string },
) {
  if (!canRunClassSession(actor)) throw forbidden(NOT_STAFF);
  return db.transaction(async (tx) => {
    const owner = ownerOf(subjectType);
    const agreement = await owner.load(tx, actor.schoolId, input.agreementId);
    if (!agreement?.inForce) throw notFound(SUBJECT_NOUNS[subjectType]);
    if (agreement.audienceKind !== "pupil")
      throw conflict(msg`A class session is for an agreement addressed to pupils.`);
    const pupils = await roster(tx, actor.schoolId, input.regGroup, agreement.id);
    if (pupils.length === 0)
      throw badRequest(msg`There are no pupils in ${input.regGroup}.`, [
        { field: "regGroup", message: msg`No pupils in this class.` },
      ]);
    // Opening a session asks the class to sign: the compliance view then counts who has and who
    // has not (due today). Pupils already asked keep their due date.
    await owner.ask(
      tx,
      actor,
      agreement,
      pupils.map((p) => p.id),
      todayInLondon(),
    );
    const { secret, hash } = newSecret("class_");
    // Typed at /class on a device that cannot scan the QR code; dies with the session.
    const shortCode = newDeviceCode();
    const expiresAt = new Date(Date.now() + SESSION_MINUTES * 60_000);
    const [row] = await tx
      .insert(classSessions)
      .values({
        schoolId: actor.schoolId,
        subjectType,
        subjectId: agreement.id,
        teacherId: actor.personId!,
        regGroup: input.regGroup,
        tokenHash: hash,
        shortCodeHash: hashSecret(shortCode),
        expiresAt,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "class_session.opened",
      entityType: "class_session",
      entityId: row.id,
      summary: { agreement: agreement.title, regGroup: input.regGroup },
    });
    return {
      id: row.id,
      token: secret,
      shortCode,
      regGroup: row.regGroup,
      agreementTitle: agreement.title,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

async function ownSession(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(classSessions)
    .where(and(eq(classSessions.schoolId, actor.schoolId), eq(classSessions.id, id)));
  if (!row || !canUseClassSession(actor, row)) throw notFound(msg`class session`);
  return row;
}

/** The pledge in force for this session (a new policy version moves it on). */
async function sessionAgreement(db: DbOrTx, row: typeof classSessions.$inferSelect) {
  const agreement = await ownerOf(row.subjectType).inForce(db, row.schoolId, row.subjectId);
  if (!agreement) throw gone(msg`The pledge for this class session has been withdrawn.`);
  return agreement;
}

export async function describeClassSession(db: Db, actor: Actor, id: string) {
  const row = await ownSession(db, actor, id);
  const agreement = await sessionAgreement(db, row);
  const pupils = await roster(db, actor.schoolId, row.regGroup, agreement.id);
  return {
    id: row.id,
    regGroup: row.regGroup,
    agreementTitle: agreement.title,
    ended: row.endedAt !== null || row.expiresAt.getTime() <= Date.now(),
    pupils: pupils.map((p) => ({ id: p.id, name: rosterName(p), signed: p.signed })),
  };
}

export async function endClassSession(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const row = await ownSession(tx, actor, id);
    if (row.endedAt) return;
    await tx.update(classSessions).set({ endedAt: new Date() }).where(eq(classSessions.id, id));
    await recordEvent(tx, actor, {
      action: "class_session.ended",
      entityType: "class_session",
      entityId: id,
      summary: { regGroup: row.regGroup },
    });
  });
}

const ENDED = msg`This class session has ended.`;
const stillOpen = and(isNull(classSessions.endedAt), gt(classSessions.expiresAt, sql`now()`));

/**
 * The session a shared device's key opens: the teacher's link (or QR code), or the key a device
 * got for typing the short code. A key that never was one is an invalid link (404); one whose
 * session is over says so (410).
 */
async function sessionByToken(db: DbOrTx, token: string) {
  const hash = hashSecret(token);
  const [row] = await db.select().from(classSessions).where(eq(classSessions.tokenHash, hash));
  const session =
    row ??
    (
      await db
        .select({ s: classSessions })
        .from(classSessionDevices)
        .innerJoin(classSessions, eq(classSessions.id, classSessionDevices.sessionId))
        .where(eq(classSessionDevices.tokenHash, hash))
    )[0]?.s;
  if (!session) throw invalidLink();
  return session;
}

function refuseEnded(session: typeof classSessions.$inferSelect) {
  if (session.endedAt || session.expiresAt.getTime() <= Date.now()) throw gone(ENDED);
  return session;
}

const openByToken = async (db: DbOrTx, token: string) => refuseEnded(await sessionByToken(db, token));

/**
 * A shared device typed the session's short code at /class: it gets a key of its own for the
 * rest of the session. Only an open session's code works, and the route allows ten tries a
 * minute, so codes cannot be found by trying.
 */
export async function openClassByCode(db: Db, code: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(classSessions)
      .where(and(eq(classSessions.shortCodeHash, hashSecret(normaliseDeviceCode(code))), stillOpen));
    if (!row)
      throw badRequest(msg`That code is not open. Check it with your teacher.`, [
        { field: "code", message: msg`That code is not open. Check it with your teacher.` },
      ]);
    const { secret, hash } = newSecret("class_");
    await tx
      .insert(classSessionDevices)
      .values({ schoolId: row.schoolId, sessionId: row.id, tokenHash: hash });
    return { token: secret };
  });
}

/** The shared device sees first names and an initial only, and who has signed: nothing else. */
export async function classView(db: Db, token: string) {
  const row = await openByToken(db, token);
  const agreement = await sessionAgreement(db, row);
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, row.schoolId));
  const pupils = await roster(db, row.schoolId, row.regGroup, agreement.id);
  return {
    schoolName: school.name,
    regGroup: row.regGroup,
    agreement: agreement.shown,
    pupils: pupils.map((p) => ({
      id: p.id,
      displayName: rosterName(p),
      signed: p.signed,
    })),
  };
}

export async function signInClass(
  db: Db,
  token: string,
  body: SignatureBody & { pupilId: string; idempotencyKey?: string },
  ctx: { ip: string | null; userAgent: string | null },
) {
  return db.transaction(async (tx) => {
    const row = await sessionByToken(tx, token);
    // Sent again by the class device (its offline queue, or an answer lost on the way): the first
    // answer, even if the teacher has ended the session since. The chain lock, taken by every
    // signature writer, makes the look-up and the insert one step for this school.
    await lockChain(tx, row.schoolId);
    const earlier = await alreadyRecorded(
      tx,
      row.schoolId,
      body.idempotencyKey,
      (s) => s.personId === body.pupilId && s.authMethod === "class_session",
    );
    if (earlier) return earlier;
    refuseEnded(row);
    const agreement = await sessionAgreement(tx, row);
    const pupil = (await roster(tx, row.schoolId, row.regGroup, agreement.id)).find(
      (p) => p.id === body.pupilId,
    );
    if (!pupil)
      throw badRequest(msg`That pupil is not in this class.`, [
        { field: "pupilId", message: msg`Not in this class.` },
      ]);
    if (pupil.signed) throw conflict(msg`${pupil.givenName} has already signed.`);
    // The teacher is the witness: the audit event names them as the actor for the session.
    const [teacher] = await tx
      .select({ givenName: people.givenName, familyName: people.familyName })
      .from(people)
      .where(eq(people.id, row.teacherId));
    const actor: Actor = {
      schoolId: row.schoolId,
      personId: row.teacherId,
      name: `${fullName(teacher)} (class session)`,
      roles: [],
      kinds: [],
      ip: ctx.ip,
      via: "class_session",
    };
    const s = await insertSignature(tx, actor, agreement, body, {
      ...ctx,
      personId: pupil.id,
      authMethod: "class_session",
      idempotencyKey: body.idempotencyKey,
    });
    return { signedAt: s.signedAt.toISOString(), verificationReference: s.verificationRef };
  });
}
