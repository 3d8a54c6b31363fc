import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import {
  type Db,
  type DbOrTx,
  queryRows,
  queryRowsPrepared,
  type Tx,
  withClauses,
  writeTogether,
} from "../../db/client.js";
import { auditEvents } from "../../db/schema.js";
import type { Actor } from "../access/roles.js";
import { eventHash, GENESIS } from "./chain.js";

// Retention binds a tombstoned evidence row by the same canonical JSON the chain hashes (decision 034).
export { canonicalJson } from "./chain.js";

import { namesOfEvents } from "./names.js";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed, in words and values a reader understands; never a password or token. */
  summary?: Record<string, unknown>;
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
    };
    const hash = eventHash(fields);
    head.seq = fields.seq;
    head.hash = hash;
    return { ...fields, hash, id: input.id ?? randomUUID() };
  });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
  // One array per column (unnest): a batch is one statement whatever its size.
  return sql`INSERT INTO audit_events (id, school_id, seq, at, actor_person_id, actor_name, action, entity_type, entity_id, summary, ip, prev_hash, hash)
    SELECT * FROM unnest(${col("id")}::uuid[], ${col("schoolId")}::uuid[], ${col("seq")}::bigint[],
      ${sql.param(rows.map((r) => r.at.toISOString()))}::timestamptz[], ${col("actorPersonId")}::uuid[],
      ${col("actorName")}::text[], ${col("action")}::text[], ${col("entityType")}::text[], ${col("entityId")}::text[],
      ${sql.param(rows.map((r) => JSON.stringify(r.summary)))}::jsonb[], ${col("ip")}::text[],
      ${col("prevHash")}::text[], ${col("hash")}::text[])${onlyIf ? sql` WHERE ${onlyIf}` : sql``}`;
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
  | { ok: true; events: number }
  | { ok: false; events: number; firstBrokenId: string };

/** Walk a school's chain in order; report the first event whose hash or link does not hold. */
export async function verifyChain(db: DbOrTx, schoolId: string): Promise<VerifyResult> {
  const pageSize = 2000;
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.schoolId, schoolId), gte(auditEvents.seq, expectedSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const row of rows) {
      const intact = row.seq === expectedSeq && row.prevHash === prevHash && eventHash(row) === row.hash;
      if (!intact) return { ok: false, events: checked, firstBrokenId: row.id };
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, events: checked };
  }
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
  return {
    total,
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: e.actorName,
      actorPersonId: e.actorPersonId,
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
