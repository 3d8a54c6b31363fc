import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import {
  type Db,
  type DbOrTx,
  queryRows,
  queryRowsPrepared,
  type Tx,
  withClauses,
  writeTogether,
} from "../../db/client.js";
import { apiTokens, auditEvents } from "../../db/schema.js";
import { ACTOR_VIAS, type Actor, type ActorVia } from "../access/roles.js";
import { CURRENT_HASH_FORM, eventHash, GENESIS } from "./chain.js";

export { bindRecord, type RecordBinding, recordSha256 } from "./evidence.js";

import {
  bindingsOf,
  firstUnmatched,
  loadBoundRecords,
  type RecordBinding,
  type RecordProblem,
} from "./evidence.js";

// Retention binds a tombstoned evidence row by the same canonical JSON the chain hashes (decision 034).
export { canonicalJson } from "./chain.js";

import { namesOfEvents } from "./names.js";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed, in words and values a reader understands; never a password or token. */
  summary?: Record<string, unknown>;
  /** The evidence this event records, bound into the chain by its hash (decision 028). */
  records?: RecordBinding[];
};

/** The end of a school's chain: the next event takes `seq + 1` and points at `hash`. */
export type ChainHead = { schoolId: string; seq: number; hash: string };

/**
 * Lock the school's chain until the caller's transaction ends, and read its end: one statement.
 * The upsert locks the school's head row (creating it for a new school); under READ COMMITTED
 * an ON CONFLICT update acts on the newest committed version of the row, so a writer that
 * waited for the lock sees the head its predecessor left. Two transactions cannot take one seq.
 */
export async function lockChain(tx: Tx, schoolId: string): Promise<ChainHead> {
  const [head] = await queryRows<{ seq: string | number; hash: string }>(
    tx,
    sql`INSERT INTO audit_chain_heads (school_id, seq, hash) VALUES (${schoolId}, 0, ${GENESIS})
      ON CONFLICT (school_id) DO UPDATE SET seq = audit_chain_heads.seq
      RETURNING seq, hash`,
  );
  return { schoolId, seq: Number(head.seq), hash: head.hash };
}

type EventInput = AuditInput & { actor: Actor; id?: string };

/**
 * The INSERT of `events` chained after `head`, in order; `head` moves to the last event. With
 * `onlyIf`, rows are inserted only when that condition holds (see `appendIfChainUnchanged`).
 */
function insertEventsSql(head: ChainHead, events: EventInput[], onlyIf?: SQL): SQL {
  // Millisecond precision survives the timestamptz round trip, so the hash can be recomputed.
  const at = new Date(Math.floor(Date.now()));
  const rows = events.map((input) => {
    const fields = {
      schoolId: head.schoolId,
      seq: head.seq + 1,
      at,
      actorPersonId: input.actor.personId,
      actorName: input.actor.name,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      summary: input.summary ?? {},
      ip: input.actor.ip,
      prevHash: head.hash,
      hashForm: CURRENT_HASH_FORM,
      actorVia: input.actor.via ?? null,
      actorTokenId: input.actor.token?.id ?? null,
      records: input.records && input.records.length > 0 ? input.records : null,
    };
    const hash = eventHash(fields);
    head.seq = fields.seq;
    head.hash = hash;
    // How the actor came (session, API token, parent link…) is bound into the hash: decision 029.
    return { ...fields, hash, id: input.id ?? randomUUID() };
  });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
  // One array per column (unnest): a batch is one statement whatever its size.
  return sql`INSERT INTO audit_events (id, school_id, seq, at, actor_person_id, actor_name, actor_via, actor_token_id, action, entity_type, entity_id, summary, ip, prev_hash, hash, records, hash_form)
    SELECT * FROM unnest(${col("id")}::uuid[], ${col("schoolId")}::uuid[], ${col("seq")}::bigint[],
      ${sql.param(rows.map((r) => r.at.toISOString()))}::timestamptz[], ${col("actorPersonId")}::uuid[],
      ${col("actorName")}::text[], ${col("actorVia")}::text[], ${col("actorTokenId")}::uuid[], ${col("action")}::text[], ${col("entityType")}::text[], ${col("entityId")}::text[],
      ${sql.param(rows.map((r) => JSON.stringify(r.summary)))}::jsonb[], ${col("ip")}::text[],
      ${col("prevHash")}::text[], ${col("hash")}::text[],
      ${sql.param(rows.map((r) => (r.records ? JSON.stringify(r.records) : null)))}::jsonb[],
      ${col("hashForm")}::smallint[])${onlyIf ? sql` WHERE ${onlyIf}` : sql``}`;
}

/**
 * The statements that write events after `head` (from lockChain, in this transaction), in
 * order, and move the head on; `head` moves to the last event. Busy paths (signing) put these
 * into one statement with their own writes (see `writeTogether`).
 */
export function appendEventsSql(head: ChainHead, events: EventInput[]): SQL[] {
  if (events.length === 0) return [];
  return [
    insertEventsSql(head, events),
    sql`UPDATE audit_chain_heads SET seq = ${head.seq}, hash = ${head.hash} WHERE school_id = ${head.schoolId}`,
  ];
}

/**
 * Optimistic append, for the busiest path (staff signing, docs/decisions/010): one statement,
 * so one round trip and its own implicit transaction, that moves the chain on from `expected`
 * and writes `events` with the caller's `writes` — only if the chain still ends at `expected`
 * and `condition` holds. Otherwise nothing is written and it answers null: the caller then
 * takes the lock (`lockChain`) and does it the careful way.
 *
 * Why this is as safe as the lock: every audited write moves the head, and the head row is
 * updated under its row lock. If another writer committed after this statement's snapshot, the
 * update re-reads the newest head (READ COMMITTED), finds it moved, and matches nothing. So when
 * it matches, `condition` was judged on the same state a lock holder would have seen.
 * `writes` get the guard to put in their own WHERE (`INSERT … SELECT … WHERE ${onlyIf}`), and
 * must be key look-ups only: the statement is prepared once per connection (`queryRowsPrepared`).
 */
export async function appendIfChainUnchanged(
  db: Db,
  expected: ChainHead,
  events: EventInput[],
  condition: SQL,
  writes: (onlyIf: SQL) => SQL[],
): Promise<ChainHead | null> {
  const head = { ...expected };
  const onlyIf = sql`EXISTS (SELECT 1 FROM chain_moved)`;
  const statements = [insertEventsSql(head, events, onlyIf), ...writes(onlyIf)];
  const [moved] = await queryRowsPrepared<{ n: number }>(
    db,
    sql`WITH chain_moved AS (
        UPDATE audit_chain_heads SET seq = ${head.seq}, hash = ${head.hash}
        WHERE school_id = ${expected.schoolId} AND seq = ${expected.seq} AND hash = ${expected.hash} AND (${condition})
        RETURNING 1
      ), ${withClauses(statements)}
      SELECT count(*)::int AS n FROM chain_moved`,
  );
  return moved.n === 1 ? head : null;
}

/**
 * Write one audit event inside the caller's transaction, chained to the school's previous event.
 * The per-school lock is held until the caller's transaction commits, so callers on a hot path
 * record their event last, with an id chosen beforehand (`id`), to hold it briefly.
 */
export async function recordEvent(
  tx: Tx,
  actor: Actor,
  input: AuditInput & { id?: string },
): Promise<{ id: string }> {
  const head = await lockChain(tx, actor.schoolId);
  const id = input.id ?? randomUUID();
  await writeTogether(tx, appendEventsSql(head, [{ ...input, id, actor }]));
  return { id };
}

export type VerifyResult =
  | { ok: true; events: number; head: { seq: number; hash: string } }
  | {
      ok: false;
      events: number;
      /** The first event that does not hold; null when what is wrong is missing events. */
      firstBrokenId: string | null;
      /** What is wrong, in words an administrator can act on. */
      reason: string;
      /** A signature, consent answer or incident entry that no longer matches its event. */
      record?: RecordProblem;
    };

const RECORD_WORDS: Record<RecordProblem["type"], string> = {
  signature: "Signature",
  consent_answer: "Consent answer",
  incident_entry: "Incident entry",
};

/**
 * Walk a school's chain in order; report the first event whose hash or link does not hold, the
 * first record (signature, consent answer, incident entry) that no longer matches the hash its
 * event recorded, or a chain that ends before its head says it does (decision 028). With
 * `expectHead`, the head must also be the one kept elsewhere (or a later one that chains from it).
 */
export async function verifyChain(
  db: DbOrTx,
  schoolId: string,
  options: { expectHash?: string } = {},
): Promise<VerifyResult> {
  const pageSize = 2000;
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let sawExpected = options.expectHash === undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.schoolId, schoolId), gte(auditEvents.seq, expectedSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      const intact = row.seq === expectedSeq && row.prevHash === prevHash && eventHash(row) === row.hash;
      if (!intact) {
        const reason =
          row.seq !== expectedSeq
            ? `Event ${expectedSeq} is missing (the next event found is ${row.seq}).`
            : `Event ${row.seq} does not match its hash or its link to the event before.`;
        return { ok: false, events: checked, firstBrokenId: row.id, reason };
      }
      if (row.hash === options.expectHash) sawExpected = true;
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    // A record bound again later (retention's tombstone, decision 034) is checked against its latest
    // binding: the later event, itself chained, explains the change.
    const latest = new Map<string, { b: RecordBinding; event: (typeof rows)[number] }>();
    for (const row of rows)
      for (const b of bindingsOf(row.records)) latest.set(`${b.type}:${b.id}`, { b, event: row });
    const bindings = [...latest.values()];
    if (bindings.length > 0) {
      const found = await loadBoundRecords(
        db,
        schoolId,
        bindings.map(({ b }) => b),
      );
      for (const { b, event } of bindings) {
        const problem = firstUnmatched([b], found);
        if (problem)
          return {
            ok: false,
            events: checked,
            firstBrokenId: event.id,
            record: problem,
            reason:
              problem.problem === "missing"
                ? `${RECORD_WORDS[b.type]} ${b.id}, recorded by event ${event.seq}, is missing.`
                : `${RECORD_WORDS[b.type]} ${b.id} does not match what event ${event.seq} recorded: it was changed after it was made.`,
          };
      }
    }
    if (rows.length < pageSize) break;
  }
  const head = await chainHeadOf(db, schoolId);
  const end = { seq: expectedSeq - 1, hash: prevHash };
  if (head && (head.seq !== end.seq || head.hash !== end.hash))
    return {
      ok: false,
      events: checked,
      firstBrokenId: null,
      reason:
        head.seq > end.seq
          ? `The chain ends at event ${end.seq}, but its head records event ${head.seq} (hash ${head.hash}): ${head.seq - end.seq} event(s) at the end are missing.`
          : `The chain's head (event ${head.seq}) does not match its last event (${end.seq}).`,
    };
  if (!head && checked > 0)
    return { ok: false, events: checked, firstBrokenId: null, reason: "The chain's head is missing." };
  if (!sawExpected)
    return {
      ok: false,
      events: checked,
      firstBrokenId: null,
      reason: `No event in the chain has the hash ${options.expectHash} kept elsewhere: the chain was rewritten or cut back.`,
    };
  return { ok: true, events: checked, head: end };
}

/**
 * Whether a record still says what the event that recorded it bound into the chain: "unbound"
 * for records made before decision 028 (or whose event is gone; verify names that).
 */
export async function recordMatchesItsEvent(
  db: DbOrTx,
  schoolId: string,
  eventId: string,
  type: RecordBinding["type"],
  row: { id: string } & Record<string, unknown>,
): Promise<"matches" | "changed" | "unbound"> {
  const [event] = await db
    .select({ records: auditEvents.records })
    .from(auditEvents)
    .where(and(eq(auditEvents.schoolId, schoolId), eq(auditEvents.id, eventId)));
  let binding = bindingsOf(event?.records).find((b) => b.type === type && b.id === row.id);
  if (!binding) return "unbound";
  // Bound again since (retention replaced its personal details, decision 034): the latest binding holds.
  const [later] = await queryRows<{ records: unknown }>(
    db,
    sql`SELECT records FROM audit_events WHERE school_id = ${schoolId}
      AND records @> ${JSON.stringify([{ type, id: row.id }])}::jsonb ORDER BY seq DESC LIMIT 1`,
  );
  binding = bindingsOf(later?.records).find((b) => b.type === type && b.id === row.id) ?? binding;
  return firstUnmatched([binding], new Map([[`${type}:${row.id}`, row]])) ? "changed" : "matches";
}

/** The head a school's chain should end at (kept outside the events; decision 028). */
export async function chainHeadOf(db: DbOrTx, schoolId: string) {
  const [head] = await queryRows<{ seq: string | number; hash: string }>(
    db,
    sql`SELECT seq, hash FROM audit_chain_heads WHERE school_id = ${schoolId}`,
  );
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

export type AuditFilter = {
  action?: string;
  /** Events by this person, about them, or about a child they signed for. */
  personId?: string;
  entityType?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

export async function listEvents(db: DbOrTx, schoolId: string, f: AuditFilter) {
  const where: SQL[] = [eq(auditEvents.schoolId, schoolId)];
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.personId)
    where.push(sql`(${auditEvents.actorPersonId} = ${f.personId}
      OR (${auditEvents.entityType} = 'person' AND ${auditEvents.entityId} = ${f.personId})
      OR ${auditEvents.summary}->>'onBehalfOf' = ${f.personId}
      OR (${auditEvents.entityType} = 'assignment' AND ${auditEvents.entityId} IN (
        SELECT id::text FROM assignments WHERE school_id = ${schoolId} AND person_id = ${f.personId})))`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(auditEvents.actorName, like), ilike(sql`${auditEvents.summary}::text`, like))!);
  }
  // Dates are school days in Europe/London, not UTC days.
  if (f.from) where.push(gte(auditEvents.at, sql`(${f.from}::date)::timestamp AT TIME ZONE 'Europe/London'`));
  if (f.to) where.push(lt(auditEvents.at, sql`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`));
  const filter = and(...where);
  const [events, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(filter)
      .orderBy(desc(auditEvents.seq))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ total: count() }).from(auditEvents).where(filter),
  ]);
  const names = await namesOfEvents(
    db,
    schoolId,
    events.map((e) => ({ ...e, summary: e.summary as Record<string, unknown> })),
  );
  const tokenNames = await tokenNamesOf(db, schoolId, events);
  return {
    total,
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: e.actorName,
      actorPersonId: e.actorPersonId,
      actorVia: (ACTOR_VIAS as readonly string[]).includes(e.actorVia ?? "")
        ? (e.actorVia as ActorVia)
        : null,
      actorToken: e.actorTokenId ? { id: e.actorTokenId, name: tokenNames.get(e.actorTokenId) ?? "" } : null,
      subject: names.get(e.id)?.subject ?? null,
      forPerson: names.get(e.id)?.forPerson ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary as Record<string, unknown>, // always an object: recordEvent writes `summary ?? {}`
      ip: e.ip,
    })),
  };
}

/** The names of the API tokens that acted in these events (a token's name never changes). */
async function tokenNamesOf(db: DbOrTx, schoolId: string, events: { actorTokenId: string | null }[]) {
  const ids = [...new Set(events.flatMap((e) => (e.actorTokenId ? [e.actorTokenId] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: apiTokens.id, name: apiTokens.name })
    .from(apiTokens)
    .where(and(eq(apiTokens.schoolId, schoolId), inArray(apiTokens.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
