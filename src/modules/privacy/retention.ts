/**
 * Retention (issue 15 part 8, decision 034): which records are due for review under the school's
 * rules, and the DPO's two answers — remove the record's personal details for good, leaving a
 * tombstone, or keep it until a later date with a reason. Computed when the queue is opened, not
 * by a sweep: a school has at most a few thousand candidate records, and the answer is then never
 * a day stale.
 */
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { retentionHolds, retentionTombstones } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { personNameSql } from "../../kernel/names.js";
import { badRequest, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { loadBoundRecords } from "../audit/evidence.js";
import { bindRecord, canonicalJson, lockChain, recordEvent } from "../audit/service.js";
import { retentionRulesOf } from "./retention-rules.js";
import {
  type DueRecordView,
  RECORD_TYPE_WORDS,
  type RecordType,
  type RetentionRuleView,
  type TombstoneView,
} from "./schema.js";

/** Kinds of person whose signed agreements are kept "while employed + 6 years". */
const WORKFORCE_KINDS = ["staff", "supply", "student_teacher", "volunteer", "governor"];

type DueRow = {
  record_type: RecordType;
  record_id: string;
  label: string;
  person_name: string | null;
  due_on: string;
  from_kind: DueRecordView["from"];
  from_date: string;
  kept_until: string | null;
};

function candidatesSql(schoolId: string, rules: RetentionRuleView[]) {
  const months = (t: RecordType) => rules.find((r) => r.recordType === t)!.periodMonths;
  const retirementAge = rules.find((r) => r.recordType === "staff_allegation")!.retirementAge;
  const london = (col: string) => sql.raw(`(${col} AT TIME ZONE 'Europe/London')::date`);
  return sql`
    -- Child protection: an incident about a child is reviewed from the youngest child's birth.
    SELECT 'child_protection' AS record_type, i.id AS record_id, i.reference AS label, NULL::text AS person_name,
      CASE WHEN max(p.date_of_birth) IS NULL THEN 'recorded' ELSE 'date_of_birth' END AS from_kind,
      coalesce(max(p.date_of_birth), ${london("i.reported_at")}) AS from_date,
      (coalesce(max(p.date_of_birth), ${london("i.reported_at")}) + make_interval(months => ${months("child_protection")}))::date AS due_on
    FROM incidents i
    JOIN incident_people ip ON ip.school_id = i.school_id AND ip.incident_id = i.id
    JOIN people p ON p.id = ip.person_id AND 'pupil' = ANY(p.kinds)
    WHERE i.school_id = ${schoolId} AND i.subject_person_id IS NULL
    GROUP BY i.id, i.reference, i.reported_at
    UNION ALL
    -- An allegation about an adult: 10 years from it, or their normal retirement age if later.
    SELECT 'staff_allegation', i.id, i.reference, ${personNameSql("p")},
      CASE WHEN a.retires_on > a.after_period THEN 'retirement_age' ELSE 'recorded' END,
      CASE WHEN a.retires_on > a.after_period THEN p.date_of_birth ELSE ${london("i.reported_at")} END,
      greatest(a.after_period, a.retires_on)
    FROM incidents i
    JOIN people p ON p.id = i.subject_person_id
    CROSS JOIN LATERAL (SELECT
      (${london("i.reported_at")} + make_interval(months => ${months("staff_allegation")}))::date AS after_period,
      (p.date_of_birth + make_interval(years => ${retirementAge ?? 0}))::date AS retires_on) a
    WHERE i.school_id = ${schoolId}
    UNION ALL
    -- A signed agreement of someone who worked here: from the day they left.
    SELECT 'staff_agreement', s.id, coalesce(ag.title, 'Agreement'), s.full_name, 'left', p.leave_date,
      (p.leave_date + make_interval(months => ${months("staff_agreement")}))::date
    FROM signatures s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN agreements ag ON ag.id = s.subject_id AND ag.school_id = s.school_id
    WHERE s.school_id = ${schoolId} AND s.kiosk_id IS NULL AND s.on_behalf_of_id IS NULL
      AND p.leave_date IS NOT NULL AND p.kinds && ${sql.param(WORKFORCE_KINDS)}::text[]
    UNION ALL
    -- A visitor's signature at the reception kiosk: from the day they signed.
    SELECT 'visitor_signature', s.id, coalesce(ag.title, 'Visitors'' agreement'), s.full_name, 'signed',
      ${london("s.signed_at")}, (${london("s.signed_at")} + make_interval(months => ${months("visitor_signature")}))::date
    FROM signatures s
    LEFT JOIN agreements ag ON ag.id = s.subject_id AND ag.school_id = s.school_id
    WHERE s.school_id = ${schoolId} AND s.kiosk_id IS NOT NULL`;
}

/**
 * The records due for review on `today`: past their rule's date, not yet removed, and not kept by a
 * "keep until" that has yet to pass. With `only`, just that record (if it is due).
 */
export async function dueRecords(
  db: DbOrTx,
  schoolId: string,
  today: string,
  only?: { recordType: RecordType; recordId: string },
): Promise<DueRecordView[]> {
  const rules = await retentionRulesOf(db, schoolId);
  const rows = await queryRows<DueRow>(
    db,
    sql`WITH candidates AS (${candidatesSql(schoolId, rules)})
      SELECT c.record_type, c.record_id, c.label, c.person_name, c.due_on::text AS due_on, c.from_kind,
        c.from_date::text AS from_date, h.keep_until::text AS kept_until
      FROM candidates c
      LEFT JOIN LATERAL (SELECT keep_until FROM retention_holds h
        WHERE h.school_id = ${schoolId} AND h.record_id = c.record_id
        ORDER BY h.decided_at DESC LIMIT 1) h ON true
      WHERE c.due_on <= ${today}::date
        AND (h.keep_until IS NULL OR h.keep_until <= ${today}::date)
        AND NOT EXISTS (SELECT 1 FROM retention_tombstones t WHERE t.school_id = ${schoolId} AND t.record_id = c.record_id)
        ${only ? sql`AND c.record_type = ${only.recordType} AND c.record_id = ${only.recordId}` : sql``}
      ORDER BY c.due_on, c.label, c.record_id`,
  );
  return rows.map((r) => ({
    recordType: r.record_type,
    recordId: r.record_id,
    label: r.label,
    personName: r.person_name,
    dueOn: r.due_on,
    from: r.from_kind,
    fromDate: r.from_date,
    keptUntil: r.kept_until,
  }));
}

async function dueOne(tx: Tx, actor: Actor, recordType: RecordType, recordId: string, today: string) {
  const [due] = await dueRecords(tx, actor.schoolId, today, { recordType, recordId });
  if (!due) throw notFound(msg`record due for review`);
  return due;
}

/** The words left in place of what a record held: when, under which rule, where to read more. */
export function tombstoneText(recordType: RecordType, today: string) {
  return `[Removed on ${today} under the school's retention rule for ${RECORD_TYPE_WORDS[recordType]}. Who removed it and why is in the audit log.]`;
}

/** The columns retention replaces in each table, and what they become. */
function replacementsFor(table: string, text: string): Record<string, string | null> {
  switch (table) {
    case "incidents":
      return { summary: text, actions_taken: null, involved_described: null, location: null, outcome: null };
    case "incident_entries":
      return { text, agency: null, reference: null, outcome: null };
    case "incident_attachments":
      return { file_name: "removed", content: "" };
    default:
      return {
        full_name: text,
        job_title: null,
        organisation: null,
        visiting: null,
        reason: null,
        signature_image: null,
        ip: null,
        user_agent: null,
        choices: "{}",
      };
  }
}

/** The tables whose rows are evidence bound into the audit chain, and their binding type. */
const BOUND_TABLES: Record<string, "signature" | "incident_entry" | undefined> = {
  signatures: "signature",
  incident_entries: "incident_entry",
};

const COLUMN_CAST: Record<string, string> = { content: "bytea", choices: "jsonb" };

/**
 * The hash a tombstoned row is bound by in its audit event: SHA-256 of the canonical JSON of
 * `{table, id, replaced}` (the columns retention wrote and their new values). A verifier that finds
 * an evidence row no longer matching its original event accepts it when the latest
 * `retention.record_deleted` event naming the row carries this hash and the row holds those values.
 */
export function tombstoneBinding(table: string, id: string, replaced: Record<string, string | null>) {
  return createHash("sha256").update(canonicalJson({ table, id, replaced })).digest("hex");
}

async function rowsOfRecord(tx: Tx, schoolId: string, recordType: RecordType, recordId: string) {
  if (recordType === "staff_agreement" || recordType === "visitor_signature")
    return [{ table: "signatures", id: recordId }];
  const entries = await queryRows<{ table: string; id: string }>(
    tx,
    sql`SELECT 'incident_entries' AS table, id FROM incident_entries WHERE school_id = ${schoolId} AND incident_id = ${recordId}
      UNION ALL
      SELECT 'incident_attachments', id FROM incident_attachments WHERE school_id = ${schoolId} AND incident_id = ${recordId}
      ORDER BY 1, 2`,
  );
  return [{ table: "incidents", id: recordId }, ...entries];
}

/**
 * Remove a due record's personal details for good. The rows stay — their ids, links and hashes
 * keep the chain and every reference whole — with the tombstone's words in place of what they
 * held; a tombstone row names each one, and one audit event explains the change and binds each
 * row's new state by hash (decision 034). The insert-only triggers let the UPDATEs through only
 * because this transaction names that event (accord.retention_event) and the tombstones exist.
 */
export async function removeDueRecord(
  db: Db,
  actor: Actor,
  recordType: RecordType,
  recordId: string,
  reason: string,
  today: string,
): Promise<TombstoneView> {
  return db.transaction(async (tx) => {
    // The chain's lock first: two DPOs removing one record at once take turns, the second finds it gone.
    await lockChain(tx, actor.schoolId);
    const due = await dueOne(tx, actor, recordType, recordId, today);
    const rule = (await retentionRulesOf(tx, actor.schoolId)).find((r) => r.recordType === recordType)!;
    const ruleSnapshot = {
      recordType,
      periodMonths: rule.periodMonths,
      retirementAge: rule.retirementAge,
      basis: rule.basis,
      dueOn: due.dueOn,
      from: due.from,
      fromDate: due.fromDate,
    };
    const eventId = randomUUID();
    await tx.execute(sql`SELECT set_config('accord.retention_event', ${eventId}, true)`);
    const rows = await rowsOfRecord(tx, actor.schoolId, recordType, recordId);
    await tx.insert(retentionTombstones).values(
      rows.map((r) => ({
        schoolId: actor.schoolId,
        recordType,
        recordId,
        tableName: r.table,
        rowId: r.id,
        rule: ruleSnapshot,
        reason,
        deletedBy: actor.personId,
        deletedByName: actor.name,
        auditEventId: eventId,
      })),
    );
    const text = tombstoneText(recordType, today);
    const bound = [];
    for (const row of rows) {
      const replaced = replacementsFor(row.table, text);
      const sets = sql.join(
        Object.entries(replaced).map(([col, value]) =>
          COLUMN_CAST[col]
            ? sql`${sql.identifier(col)} = ${value}::${sql.raw(COLUMN_CAST[col])}`
            : sql`${sql.identifier(col)} = ${value}`,
        ),
        sql`, `,
      );
      await tx.execute(
        sql`UPDATE ${sql.identifier(row.table)} SET ${sets} WHERE school_id = ${actor.schoolId} AND id = ${row.id}`,
      );
      bound.push({
        table: row.table,
        id: row.id,
        replaced,
        sha256: tombstoneBinding(row.table, row.id, replaced),
      });
    }
    // Signatures and incident entries are evidence bound into the chain (decision 028): bind each
    // one's new state here, so `audit verify` and the receipt check hold the tombstone to this event.
    const evidence = rows.flatMap((r) => {
      const type = BOUND_TABLES[r.table];
      return type ? [{ type, id: r.id, sha256: "" }] : [];
    });
    const now = await loadBoundRecords(tx, actor.schoolId, evidence);
    const records = evidence.map((e) =>
      bindRecord(e.type, now.get(`${e.type}:${e.id}`) as { id: string } & Record<string, unknown>),
    );
    await recordEvent(tx, actor, {
      id: eventId,
      records,
      action: "retention.record_deleted",
      entityType:
        recordType === "staff_agreement" || recordType === "visitor_signature" ? "signature" : "incident",
      entityId: recordId,
      summary: { recordType, title: due.label, reason, rule: ruleSnapshot, rows: bound },
    });
    return { recordType, recordId, rows: rows.length, auditEventId: eventId };
  });
}

/** Keep a due record until a later date: it leaves the queue until then. */
export async function keepDueRecord(
  db: Db,
  actor: Actor,
  recordType: RecordType,
  recordId: string,
  input: { keepUntil: string; reason: string },
  today: string,
) {
  if (input.keepUntil <= today)
    throw badRequest(msg`Choose a date after today.`, [
      { field: "keepUntil", message: msg`Choose a date after today.` },
    ]);
  return db.transaction(async (tx) => {
    await lockChain(tx, actor.schoolId);
    const due = await dueOne(tx, actor, recordType, recordId, today);
    await tx.insert(retentionHolds).values({
      schoolId: actor.schoolId,
      recordType,
      recordId,
      keepUntil: input.keepUntil,
      reason: input.reason,
      decidedBy: actor.personId,
    });
    await recordEvent(tx, actor, {
      action: "retention.record_kept",
      entityType:
        recordType === "staff_agreement" || recordType === "visitor_signature" ? "signature" : "incident",
      entityId: recordId,
      summary: {
        recordType,
        title: due.label,
        dueOn: due.dueOn,
        keepUntil: input.keepUntil,
        reason: input.reason,
      },
    });
    return { recordId, keepUntil: input.keepUntil, reason: input.reason };
  });
}
