import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx, writeTogether } from "../../db/client.js";
import { groupCommit, type Outcome } from "../../db/group-commit.js";
import type { signatures } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { appendEventsSql, appendIfChainUnchanged, type ChainHead, lockChain } from "../audit/service.js";
import { queueMailsToPeopleSql } from "../mail/service.js";
import {
  authMethodOf,
  checkAudience,
  needsAssignment,
  newSignature,
  presentSignature,
  receiptEmail,
  receiptMessage,
  type SignableSubject,
  type SignatureBody,
} from "./signatures.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { ownerOf } from "./subjects.js";

type SignatureRow = typeof signatures.$inferSelect;

/** One signed-in member's request to sign a subject (an agreement, today). */
export type MemberSigning = {
  actor: Actor;
  subjectType: SubjectType;
  subjectId: string;
  body: SignatureBody;
  ip: string | null;
  userAgent: string | null;
};

type Found = SignableSubject & {
  assigned: boolean;
  latestId: string | null;
  latestKind: string | null;
  email: string | null;
};

type Presented = ReturnType<typeof presentSignature>;

/** What this server learnt from its last batch: where each school's chain ends, and the subjects. */
type Known = { heads: Map<string, ChainHead>; subjects: Map<string, SignableSubject> };
const keyOf = (type: SubjectType, id: string) => `${type}:${id}`;

/**
 * Staff and governors signing, written by group commit (docs/decisions/007): on an INSET
 * morning hundreds sign within minutes, and every signature needs its school's audit chain.
 * Requests that arrive while one batch is at the database share the next, so the round trips
 * and the WAL flush are paid once per batch instead of once per signature. Each request still
 * gets its own answer: 201, or the same 403/404/409/400 it would get alone.
 *
 * A batch is first tried optimistically (docs/decisions/010): one statement that writes it only
 * if the school's chain has not moved since this server's last batch and every rule still holds
 * in the database. Anything else (the first batch, another writer in between, a double click, a
 * refusal) goes the careful way: lock the chain, read, decide, write, in one transaction.
 */
export function memberSigningWriter(db: Db, publicUrl: string) {
  const known: Known = { heads: new Map(), subjects: new Map() };
  /** How many batches went each way (tests check that the quick way is taken when it should be). */
  const batches = { optimistic: 0, careful: 0 };
  const writer = groupCommit<MemberSigning, Presented>(
    async (batch) => {
      const quick = await signOptimistically(db, batch, known, publicUrl);
      if (quick) {
        batches.optimistic += 1;
        return quick;
      }
      batches.careful += 1;
      const done = await db.transaction((tx) => signBatch(tx, batch, publicUrl));
      // Learnt only once committed: a head from a rolled-back batch would just fail next time.
      for (const head of done.heads) known.heads.set(head.schoolId, head);
      if (known.subjects.size > 1000) known.subjects.clear();
      for (const subject of done.subjects) known.subjects.set(keyOf(subject.type, subject.id), subject);
      return done.outcomes;
    },
    // One batch at a time: a second would find the chain moved by the first (or wait for its
    // lock), and halve the batches (measured: 1,617/s with two, 1,877/s with one).
    { maxInFlight: 1 },
  );
  return { ...writer, batches };
}

/**
 * The whole batch in one statement (one round trip, its own transaction), or null when it must
 * go the careful way. Everything decided here in memory (the text's hash, the answers) is decided
 * against agreements as this server last read them under the lock; the statement then holds only
 * if nothing audited has happened in the school since (the chain head is where we left it) and,
 * belt and braces, the database agrees each agreement is in force with that text, each person
 * who needs an assignment has one, and nobody has signed already.
 */
async function signOptimistically(
  db: Db,
  batch: MemberSigning[],
  known: Known,
  publicUrl: string,
): Promise<Outcome<Presented>[] | null> {
  const schoolId = batch[0].actor.schoolId;
  const subjectType = batch[0].subjectType;
  const expected = known.heads.get(schoolId);
  if (!expected) return null;
  const signed: (ReturnType<typeof newSignature> & { title: string; needsAssignment: boolean })[] = [];
  const pairs = new Set<string>();
  for (const request of batch) {
    const { actor, subjectId } = request;
    const agreement = known.subjects.get(keyOf(request.subjectType, subjectId));
    const pair = `${actor.personId}/${subjectId}`;
    if (
      !agreement ||
      request.subjectType !== subjectType ||
      actor.schoolId !== schoolId ||
      !actor.personId ||
      pairs.has(pair)
    )
      return null;
    pairs.add(pair);
    try {
      const made = signAs(request, agreement);
      signed.push({ ...made, title: agreement.title, needsAssignment: needsAssignment(actor, agreement) });
    } catch {
      return null; // a refusal: the careful way gives it with the same words as always
    }
  }
  const rows = signed.map((s) => s.row);
  const col = <V>(f: (s: (typeof signed)[number]) => V) => sql.param(signed.map(f));
  // The subject's owner says, in SQL, what it says in memory: in force, this text, asked or not.
  const subject = ownerOf(subjectType).signableSql(
    sql`r.subject_id`,
    sql`r.person_id`,
    sql`${schoolId}::uuid`,
    sql`r.needs_assignment`,
  );
  const everyRuleHolds = sql`NOT EXISTS (
    SELECT 1 FROM unnest(${col((s) => s.row.subjectId)}::uuid[], ${col((s) => s.row.personId)}::uuid[],
      ${col((s) => s.row.textSha256)}::text[], ${col((s) => s.needsAssignment)}::boolean[])
      AS r(subject_id, person_id, text_sha256, needs_assignment)
    LEFT JOIN LATERAL (${subject}) a ON a.in_force AND a.text_sha256 = r.text_sha256
    WHERE a.id IS NULL
      OR (r.needs_assignment AND NOT a.assigned)
      OR (SELECT s.kind FROM signatures s
        WHERE s.school_id = ${schoolId} AND s.person_id = r.person_id AND s.subject_id = r.subject_id
          AND s.subject_type = ${subjectType}
        ORDER BY s.signed_at DESC LIMIT 1) = 'signed')`;
  const head = await appendIfChainUnchanged(
    db,
    expected,
    signed.map((s) => s.event),
    everyRuleHolds,
    (onlyIf) => [
      insertSignaturesSql(rows, onlyIf),
      ...queueMailsToPeopleSql(
        signed.map((s) => ({
          schoolId,
          personId: s.row.personId!,
          ...receiptMessage(s.title, s.row, publicUrl),
        })),
        onlyIf,
      ),
    ],
  );
  if (!head) {
    known.heads.delete(schoolId);
    return null;
  }
  known.heads.set(schoolId, head);
  return rows.map((row) => ({ ok: true, value: presentSignature(row) }));
}

/** The careful way: the chain locked, everything read under the lock, decided, written. */
async function signBatch(tx: Tx, batch: MemberSigning[], publicUrl: string) {
  const outcomes: Outcome<Presented>[] = [];
  const schoolIds = [...new Set(batch.map((b) => b.actor.schoolId))].sort();
  // Each school's chain lock, in a fixed order (no deadlock between batches). Everything below
  // is read under the lock, so "already signed" cannot race another batch.
  const heads = new Map<string, ChainHead>();
  for (const id of schoolIds) heads.set(id, await lockChain(tx, id));
  const found = await checkAll(tx, batch);

  const rows: SignatureRow[] = [];
  const events: Parameters<typeof appendEventsSql>[1] = [];
  const mails: Parameters<typeof queueMailsToPeopleSql>[0] = [];
  const signedNow = new Set<string>();
  batch.forEach((request, i) => {
    try {
      const { actor } = request;
      const agreement = found[i];
      if (!agreement) throw notFound(SUBJECT_NOUNS[request.subjectType]);
      checkAudience(actor, agreement, agreement.assigned);
      const pair = `${actor.personId}/${agreement.id}`;
      if (agreement.latestKind === "signed" || signedNow.has(pair))
        throw conflict(msg`You have already signed this agreement.`, { signatureId: agreement.latestId });
      const { row, event } = signAs(request, agreement);
      signedNow.add(pair);
      rows.push(row);
      events.push(event);
      // To the signer's address and in their language, looked up as the batch is written.
      mails.push({
        schoolId: row.schoolId,
        personId: row.personId!,
        ...receiptMessage(agreement.title, row, publicUrl),
      });
      outcomes.push({ ok: true, value: presentSignature(row) });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  });
  // What the next batch may assume, if this one commits (the heads move as events are added).
  const learnt = {
    outcomes,
    heads: [...heads.values()],
    subjects: found.flatMap((f) => (f ? [signable(f)] : [])),
  };
  if (rows.length === 0) return learnt;
  // The signatures, their receipt emails and their audit events: one statement.
  await writeTogether(tx, [
    insertSignaturesSql(rows),
    ...queueMailsToPeopleSql(mails),
    ...schoolIds.flatMap((id) =>
      appendEventsSql(
        heads.get(id)!,
        events.filter((e) => e.actor.schoolId === id),
      ),
    ),
  ]);
  return learnt;
}

/** The signature a signed-in member's request makes (checks the text and the answers; no I/O). */
function signAs(request: MemberSigning, agreement: SignableSubject) {
  return newSignature(request.actor, agreement, request.body, {
    personId: request.actor.personId,
    authMethod: authMethodOf(request.actor),
    ip: request.ip,
    userAgent: request.userAgent,
  });
}

function signable(f: Found): SignableSubject {
  const { type, id, schoolId, title, inForce, textSha256, choices, requireJobTitle, audienceKind } = f;
  return { type, id, schoolId, title, inForce, textSha256, choices, requireJobTitle, audienceKind };
}

/**
 * Everything each request's rules need, one row per request in order: one query for each subject
 * type in the batch (all agreements, today), the subject's row coming from its owner's SQL.
 */
async function checkAll(tx: Tx, batch: MemberSigning[]): Promise<(Found | null)[]> {
  const found: (Found | null)[] = batch.map(() => null);
  for (const type of new Set(batch.map((b) => b.subjectType))) {
    const mine = batch.flatMap((b, n) => (b.subjectType === type ? [{ b, n }] : []));
    const col = (f: (b: MemberSigning) => string | null) => sql.param(mine.map((m) => f(m.b)));
    const subject = ownerOf(type).signableSql(
      sql`i.subject_id`,
      sql`i.person_id`,
      sql`i.school_id`,
      sql`true`,
    );
    const rows = await queryRows<Record<string, unknown>>(
      tx,
      sql`
      SELECT a.id, a.school_id, a.title, a.in_force, a.text_sha256, a.choices, a.require_job_title,
        a.audience_kind, a.assigned, latest.id AS latest_id, latest.kind AS latest_kind,
        (SELECT p.email FROM people p WHERE p.id = i.person_id) AS email
      FROM unnest(${col((b) => b.subjectId)}::uuid[], ${col((b) => b.actor.personId)}::uuid[],
        ${col((b) => b.actor.schoolId)}::uuid[]) WITH ORDINALITY AS i(subject_id, person_id, school_id, n)
      LEFT JOIN LATERAL (${subject}) a ON true
      LEFT JOIN LATERAL (
        SELECT s.id, s.kind FROM signatures s
        WHERE s.school_id = i.school_id AND s.person_id = i.person_id AND s.subject_id = i.subject_id
          AND s.subject_type = ${type}
        ORDER BY s.signed_at DESC LIMIT 1
      ) latest ON true
      ORDER BY i.n`,
    );
    rows.forEach((r, k) => {
      if (r.id === null) return;
      found[mine[k].n] = {
        type,
        id: r.id as string,
        schoolId: r.school_id as string,
        title: r.title as string,
        inForce: r.in_force as boolean,
        textSha256: r.text_sha256 as string,
        choices: r.choices as Found["choices"],
        requireJobTitle: r.require_job_title as boolean,
        audienceKind: r.audience_kind as Found["audienceKind"],
        assigned: r.assigned as boolean,
        latestId: r.latest_id as string | null,
        latestKind: r.latest_kind as string | null,
        email: r.email as string | null,
      };
    });
  }
  return found;
}

function insertSignaturesSql(rows: SignatureRow[], onlyIf?: SQL) {
  const col = <K extends keyof SignatureRow>(k: K) => sql.param(rows.map((r) => r[k]));
  return sql`
    INSERT INTO signatures (id, school_id, subject_type, subject_id, kind, person_id, full_name, job_title,
      choices, signature_image, text_sha256, auth_method, signed_at, ip, user_agent, audit_event_id, verification_ref)
    SELECT * FROM unnest(${col("id")}::uuid[], ${col("schoolId")}::uuid[], ${col("subjectType")}::text[],
      ${col("subjectId")}::uuid[],
      ${col("kind")}::text[], ${col("personId")}::uuid[], ${col("fullName")}::text[], ${col("jobTitle")}::text[],
      ${sql.param(rows.map((r) => JSON.stringify(r.choices)))}::jsonb[], ${col("signatureImage")}::text[],
      ${col("textSha256")}::text[], ${col("authMethod")}::text[],
      ${sql.param(rows.map((r) => r.signedAt.toISOString()))}::timestamptz[], ${col("ip")}::text[],
      ${col("userAgent")}::text[], ${col("auditEventId")}::uuid[], ${col("verificationRef")}::text[])${onlyIf ? sql` WHERE ${onlyIf}` : sql``}`;
}
