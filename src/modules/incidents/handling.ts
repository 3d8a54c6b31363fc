/**
 * Reading and working an incident: every look is audited; a refused look is 404. Handlers add
 * timeline entries (insert-only; a correction points at what it corrects), add people who need
 * to see it, record the regulator decision for a breach, close with an outcome, and reopen.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { incidentAttachments, incidentEntries, incidentHandlers, incidents } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { personNameSql as nameOf } from "../../kernel/names.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import { type IncidentAccess, incidentAccess } from "../access/incidents.js";
import type { Actor } from "../access/roles.js";
import { bindRecord, recordEvent } from "../audit/service.js";
import { type EntryInput, type IncidentView, NO_ATTACHMENTS, type ReporterView } from "./schema.js";

type IncidentRow = typeof incidents.$inferSelect;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The incident and the caller's access to it, or 404 (also when the caller may not see it). */
export async function incidentFor(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.schoolId, actor.schoolId), eq(incidents.id, id)));
  if (!row) throw notFound(msg`incident`);
  const handlers = await db
    .select({ personId: incidentHandlers.personId })
    .from(incidentHandlers)
    .where(eq(incidentHandlers.incidentId, row.id));
  const access = incidentAccess(actor, { ...row, handlerIds: handlers.map((h) => h.personId) });
  if (!access) throw notFound(msg`incident`);
  return { row, access };
}

async function mustHandle(db: DbOrTx, actor: Actor, id: string) {
  const found = await incidentFor(db, actor, id);
  // A reporter who is not a handler may read their report but not work it: as if not there.
  if (found.access !== "handler") throw notFound(msg`incident`);
  return found.row;
}

function base(row: IncidentRow) {
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    status: row.status,
    occurredAt: row.occurredAt.toISOString(),
    awareAt: row.awareAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    icoDeadline: iso(row.icoDeadline),
  };
}

async function handlerView(db: DbOrTx, row: IncidentRow): Promise<IncidentView> {
  const people = (ids: SQLish) =>
    queryRows<{ id: string; name: string; reg_group: string | null }>(
      db,
      sql`SELECT p.id, ${nameOf("p")} AS name, p.reg_group FROM people p WHERE p.school_id = ${row.schoolId} AND ${ids}`,
    );
  const [involved, subject, reporter, handlers, entries, attachments] = await Promise.all([
    people(sql`p.id IN (SELECT person_id FROM incident_people WHERE incident_id = ${row.id})`),
    row.subjectPersonId ? people(sql`p.id = ${row.subjectPersonId}`) : Promise.resolve([]),
    row.reporterId ? people(sql`p.id = ${row.reporterId}`) : Promise.resolve([]),
    queryRows<{ id: string; name: string; why: string }>(
      db,
      sql`SELECT p.id, ${nameOf("p")} AS name, h.why FROM incident_handlers h JOIN people p ON p.id = h.person_id
          WHERE h.incident_id = ${row.id} ORDER BY h.added_at, p.family_name`,
    ),
    queryRows<{
      id: string;
      kind: string;
      text: string;
      agency: string | null;
      reference: string | null;
      outcome: string | null;
      corrects_id: string | null;
      author_name: string | null;
      at: Date | string;
    }>(
      db,
      sql`SELECT e.id, e.kind, e.text, e.agency, e.reference, e.outcome, e.corrects_id, ${nameOf("a")} AS author_name, e.at
          FROM incident_entries e LEFT JOIN people a ON a.id = e.author_id
          WHERE e.school_id = ${row.schoolId} AND e.incident_id = ${row.id} ORDER BY e.at, e.id`,
    ),
    db
      .select({
        id: incidentAttachments.id,
        fileName: incidentAttachments.fileName,
        bytes: sql<number>`octet_length(${incidentAttachments.content})::int`,
        at: incidentAttachments.at,
      })
      .from(incidentAttachments)
      .where(eq(incidentAttachments.incidentId, row.id)),
  ]);
  const ref = (p: { id: string; name: string; reg_group: string | null }) => ({
    id: p.id,
    name: p.name,
    regGroup: p.reg_group,
  });
  return {
    ...base(row),
    access: "handler",
    location: row.location,
    summary: row.summary,
    actionsTaken: row.actionsTaken,
    reporter: { id: reporter[0]?.id ?? null, name: reporter[0]?.name ?? "Someone who has left" },
    involved: involved.map(ref),
    involvedDescribed: row.involvedDescribed,
    subject: subject[0] ? ref(subject[0]) : null,
    routedTo: row.routedRoles,
    handlers,
    outcome: row.outcome,
    firstOpenedAt: iso(row.firstOpenedAt),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      text: e.text,
      agency: e.agency,
      reference: e.reference,
      outcome: e.outcome,
      correctsId: e.corrects_id,
      authorName: e.author_name,
      at: new Date(e.at).toISOString(),
    })),
    attachments: attachments.map((a) => ({ ...a, at: a.at.toISOString() })),
    attachmentsAllowed: !NO_ATTACHMENTS.includes(row.category),
  };
}
type SQLish = ReturnType<typeof sql>;

function reporterView(row: IncidentRow): ReporterView {
  return {
    ...base(row),
    access: "reporter",
    location: row.location,
    summary: row.summary,
    actionsTaken: row.actionsTaken,
  };
}

/** One incident as the caller may see it. A handler's first look marks it opened (stopping escalation). */
export async function viewIncident(db: Db, actor: Actor, id: string) {
  const { row, access } = await incidentFor(db, actor, id);
  await db.transaction(async (tx: Tx) => {
    if (access === "handler") {
      await tx
        .update(incidentHandlers)
        .set({ openedAt: sql`coalesce(${incidentHandlers.openedAt}, now())` })
        .where(
          and(
            eq(incidentHandlers.incidentId, row.id),
            eq(incidentHandlers.personId, actor.personId as string),
          ),
        );
      if (!row.firstOpenedAt)
        await tx.update(incidents).set({ firstOpenedAt: new Date() }).where(eq(incidents.id, row.id));
    }
    await recordEvent(tx, actor, {
      action: "incident.viewed",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, as: access },
    });
  });
  const fresh = (await incidentFor(db, actor, id)).row;
  return access === "handler" ? handlerView(db, fresh) : reporterView(fresh);
}

/** After a handler's change: the incident as they now see it. */
async function asHandler(db: Db, actor: Actor, id: string): Promise<IncidentView> {
  const view = await viewIncident(db, actor, id);
  if (view.access !== "handler") throw notFound(msg`incident`);
  return view;
}

export async function listIncidents(db: DbOrTx, actor: Actor, status: "open" | "closed" | "all") {
  const state = status === "all" ? sql`true` : sql`i.status = ${status}`;
  const rows = await queryRows<{
    id: string;
    reference: string;
    category: IncidentRow["category"];
    status: "open" | "closed";
    occurred_at: Date | string;
    aware_at: Date | string;
    reported_at: Date | string;
    ico_deadline: Date | string | null;
    access: "handler" | "reporter";
    opened: boolean;
  }>(
    db,
    sql`SELECT i.id, i.reference, i.category, i.status, i.occurred_at, i.aware_at, i.reported_at, i.ico_deadline,
          CASE WHEN h.person_id IS NOT NULL THEN 'handler' ELSE 'reporter' END AS access,
          (h.opened_at IS NOT NULL) AS opened
        FROM incidents i
          LEFT JOIN incident_handlers h ON h.incident_id = i.id AND h.person_id = ${actor.personId}
        WHERE i.school_id = ${actor.schoolId} AND ${state}
          AND (h.person_id IS NOT NULL OR i.reporter_id = ${actor.personId})
          AND i.subject_person_id IS DISTINCT FROM ${actor.personId}
        ORDER BY i.reported_at DESC
        LIMIT 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    category: r.category,
    status: r.status,
    occurredAt: new Date(r.occurred_at).toISOString(),
    awareAt: new Date(r.aware_at).toISOString(),
    reportedAt: new Date(r.reported_at).toISOString(),
    icoDeadline: iso(r.ico_deadline),
    access: r.access,
    opened: r.access === "handler" ? r.opened : true,
  }));
}

async function addEntry(
  tx: Tx,
  actor: Actor,
  row: IncidentRow,
  entry: {
    kind: string;
    text: string;
    agency?: string | null;
    reference?: string | null;
    outcome?: string | null;
    correctsId?: string | null;
  },
) {
  const [made] = await tx
    .insert(incidentEntries)
    .values({
      schoolId: actor.schoolId,
      incidentId: row.id,
      kind: entry.kind,
      text: entry.text,
      agency: entry.agency ?? null,
      reference: entry.reference ?? null,
      outcome: entry.outcome ?? null,
      correctsId: entry.correctsId ?? null,
      authorId: actor.personId,
    })
    .returning();
  return made;
}

export async function addTimelineEntry(db: Db, actor: Actor, id: string, input: EntryInput) {
  const row = await mustHandle(db, actor, id);
  if (input.correctsId) {
    const [target] = await db
      .select({ id: incidentEntries.id })
      .from(incidentEntries)
      .where(and(eq(incidentEntries.incidentId, row.id), eq(incidentEntries.id, input.correctsId)));
    if (!target)
      throw badRequest(msg`That entry is not in this incident's timeline.`, [
        { field: "correctsId", message: msg`That entry is not in this incident's timeline.` },
      ]);
  }
  const made = await db.transaction(async (tx: Tx) => {
    const entry = await addEntry(tx, actor, row, input);
    await recordEvent(tx, actor, {
      action: "incident.entry_added",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, kind: input.kind, ...(input.agency ? { agency: input.agency } : {}) },
      records: [bindRecord("incident_entry", entry)],
    });
    return entry;
  });
  return {
    id: made.id,
    kind: made.kind,
    text: made.text,
    agency: made.agency,
    reference: made.reference,
    outcome: made.outcome,
    correctsId: made.correctsId,
    authorName: actor.name,
    at: made.at.toISOString(),
  };
}

export async function closeIncident(db: Db, actor: Actor, id: string, outcome: string) {
  const row = await mustHandle(db, actor, id);
  if (row.status === "closed") throw conflict(msg`${row.reference} is already closed.`);
  await db.transaction(async (tx: Tx) => {
    await tx
      .update(incidents)
      .set({ status: "closed", outcome, closedBy: actor.personId, closedAt: new Date() })
      .where(eq(incidents.id, row.id));
    const entry = await addEntry(tx, actor, row, { kind: "closed", text: outcome });
    await recordEvent(tx, actor, {
      action: "incident.closed",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference },
      records: [bindRecord("incident_entry", entry)],
    });
  });
  return asHandler(db, actor, id);
}

export async function reopenIncident(db: Db, actor: Actor, id: string, reason: string) {
  const row = await mustHandle(db, actor, id);
  if (row.status === "open") throw conflict(msg`${row.reference} is open.`);
  await db.transaction(async (tx: Tx) => {
    await tx
      .update(incidents)
      .set({ status: "open", outcome: null, closedBy: null, closedAt: null })
      .where(eq(incidents.id, row.id));
    const entry = await addEntry(tx, actor, row, { kind: "reopened", text: reason });
    await recordEvent(tx, actor, {
      action: "incident.reopened",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference },
      records: [bindRecord("incident_entry", entry)],
    });
  });
  return asHandler(db, actor, id);
}

export async function addPeople(db: Db, actor: Actor, id: string, personIds: string[], reason: string) {
  const row = await mustHandle(db, actor, id);
  const ids = [...new Set(personIds)];
  if (row.subjectPersonId && ids.includes(row.subjectPersonId))
    throw badRequest(msg`The person this allegation is about cannot be given access to it.`, [
      { field: "personIds", message: msg`The person this allegation is about cannot be given access to it.` },
    ]);
  const found = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT p.id, ${nameOf("p")} AS name FROM people p
        WHERE p.school_id = ${actor.schoolId} AND p.id = ANY(${sql.param(ids)}::uuid[])
          AND p.kinds && ARRAY['staff','supply','governor']::text[]`,
  );
  if (found.length !== ids.length)
    throw badRequest(msg`Add members of staff or governors of this school.`, [
      { field: "personIds", message: msg`Add members of staff or governors of this school.` },
    ]);
  await db.transaction(async (tx: Tx) => {
    await tx
      .insert(incidentHandlers)
      .values(
        ids.map((personId) => ({
          schoolId: actor.schoolId,
          incidentId: row.id,
          personId,
          why: "added" as const,
        })),
      )
      .onConflictDoNothing();
    const entry = await addEntry(tx, actor, row, {
      kind: "access_added",
      text: `${found.map((f) => f.name).join(", ")}: ${reason}`,
    });
    await recordEvent(tx, actor, {
      action: "incident.people_added",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, people: ids.length },
      records: [bindRecord("incident_entry", entry)],
    });
  });
  return asHandler(db, actor, id);
}

/** Data breaches: reported to the regulator (with its reference) or not (with the reason). */
export async function recordIcoDecision(
  db: Db,
  actor: Actor,
  id: string,
  d: { reported: boolean; reference?: string; reason?: string },
) {
  const row = await mustHandle(db, actor, id);
  if (row.category !== "data_breach") throw conflict(msg`Only a data breach is reported to the regulator.`);
  await db.transaction(async (tx: Tx) => {
    const entry = await addEntry(
      tx,
      actor,
      row,
      d.reported
        ? {
            kind: "referral",
            agency: "ico",
            text: "Reported to the Information Commissioner's Office.",
            reference: d.reference ?? null,
          }
        : { kind: "decision", agency: "ico", text: d.reason ?? "" },
    );
    await recordEvent(tx, actor, {
      action: "incident.ico_decision",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, reported: d.reported },
      records: [bindRecord("incident_entry", entry)],
    });
  });
  return asHandler(db, actor, id);
}

export type { IncidentAccess };
