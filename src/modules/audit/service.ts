import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { auditEvents } from "../../db/schema.js";
import type { Actor } from "../access/roles.js";
import { eventHash, GENESIS } from "./chain.js";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed, in words and values a reader understands; never a password or token. */
  summary?: Record<string, unknown>;
};

/**
 * Write one audit event inside the caller's transaction, chained to the school's previous event.
 * The advisory lock serialises writers per school so two transactions cannot take the same seq.
 */
/**
 * The per-school lock is held until the caller's transaction commits, so callers on a hot path
 * (signing) record their event last, with an id chosen beforehand (`id`), to hold it briefly.
 */
export async function recordEvent(
  tx: Tx,
  actor: Actor,
  input: AuditInput & { id?: string },
): Promise<{ id: string }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${actor.schoolId}::text, 42))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.schoolId, actor.schoolId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields = {
    schoolId: actor.schoolId,
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision survives the timestamptz round trip, so the hash can be recomputed.
    at: new Date(Math.floor(Date.now())),
    actorPersonId: actor.personId,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: input.summary ?? {},
    ip: actor.ip,
    prevHash: last?.hash ?? GENESIS,
  };
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...fields, hash: eventHash(fields), ...(input.id ? { id: input.id } : {}) })
    .returning({ id: auditEvents.id });
  return row;
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
  return {
    total,
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary,
      ip: e.ip,
    })),
  };
}
