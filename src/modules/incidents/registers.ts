/**
 * What leaders read across incidents: the data breach register (the DPO's), counts without
 * names (leaders and governors), and a child's chronology across incidents (the DSL's, only of
 * incidents they handle).
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { csvLines } from "../../kernel/csv.js";
import { msg } from "../../kernel/i18n/index.js";
import { personNameSql as nameOf } from "../../kernel/names.js";
import { notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import type { Category } from "./schema.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function breachRegister(db: DbOrTx, actor: Actor) {
  const rows = await queryRows<{
    id: string;
    reference: string;
    occurred_at: Date | string;
    aware_at: Date | string;
    ico_deadline: Date | string;
    summary: string;
    status: "open" | "closed";
    outcome: string | null;
    reported_at: Date | string | null;
    ico_reference: string | null;
    not_reported: string | null;
  }>(
    db,
    sql`SELECT i.id, i.reference, i.occurred_at, i.aware_at, i.ico_deadline, i.summary, i.status, i.outcome,
          r.at AS reported_at, r.reference AS ico_reference, d.text AS not_reported
        FROM incidents i
          LEFT JOIN LATERAL (SELECT e.at, e.reference FROM incident_entries e WHERE e.incident_id = i.id
            AND e.kind = 'referral' AND e.agency = 'ico' ORDER BY e.at DESC LIMIT 1) r ON true
          LEFT JOIN LATERAL (SELECT e.text FROM incident_entries e WHERE e.incident_id = i.id
            AND e.kind = 'decision' AND e.agency = 'ico' ORDER BY e.at DESC LIMIT 1) d ON true
        WHERE i.school_id = ${actor.schoolId} AND i.category = 'data_breach'
        ORDER BY i.aware_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    occurredAt: new Date(r.occurred_at).toISOString(),
    awareAt: new Date(r.aware_at).toISOString(),
    icoDeadline: new Date(r.ico_deadline).toISOString(),
    summary: r.summary,
    reportedToIco: r.reported_at !== null,
    icoReference: r.ico_reference,
    reportedOn: iso(r.reported_at),
    notReportedReason: r.reported_at ? null : r.not_reported,
    status: r.status,
    outcome: r.outcome,
  }));
}

const london = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    timeZone: "Europe/London",
    dateStyle: "short",
    timeStyle: "short",
  });
/** Laid out as the regulator's breach report asks: when, what, when found, reported or why not. */
export function breachCsv(breaches: Awaited<ReturnType<typeof breachRegister>>) {
  const head = [
    "Reference",
    "When did the breach happen",
    "When did you discover it",
    "72-hour deadline",
    "What happened",
    "Reported to the ICO",
    "ICO reference",
    "Date reported",
    "Reason not reported",
    "Status",
    "Outcome",
  ];
  const lines = breaches.map((b) => [
    b.reference,
    london(b.occurredAt),
    london(b.awareAt),
    london(b.icoDeadline),
    b.summary,
    b.reportedToIco ? "Yes" : "No",
    b.icoReference ?? "",
    b.reportedOn ? london(b.reportedOn) : "",
    b.notReportedReason ?? "",
    b.status === "open" ? "Open" : "Closed",
    b.outcome ?? "",
  ]);
  return csvLines([head, ...lines]);
}

/** The academic term an incident falls in: autumn (Sep–Dec), spring (Jan–Apr), summer (May–Aug). */
export function termOf(at: Date) {
  const [y, m] = at.toLocaleDateString("en-CA", { timeZone: "Europe/London" }).split("-").map(Number);
  const start = m >= 9 ? y : y - 1;
  const term = m >= 9 ? "autumn" : m <= 4 ? "spring" : "summer";
  return `${start}-${String((start + 1) % 100).padStart(2, "0")} ${term}`;
}

/** Counts only: no names, no details, for leaders and governors. */
export async function incidentStats(db: DbOrTx, actor: Actor, range: { from?: string; to?: string }) {
  const rows = await queryRows<{
    category: Category;
    occurred_at: Date | string;
    status: string;
    reported_at: Date | string;
    first_action_at: Date | string | null;
    referred: boolean;
    year_groups: string[] | null;
  }>(
    db,
    sql`SELECT i.category, i.occurred_at, i.status, i.reported_at,
          (SELECT min(e.at) FROM incident_entries e WHERE e.incident_id = i.id
             AND e.kind IN ('note','action','decision','contact','referral')) AS first_action_at,
          EXISTS (SELECT 1 FROM incident_entries e WHERE e.incident_id = i.id AND e.kind = 'referral') AS referred,
          (SELECT array_agg(DISTINCT p.year_group) FROM incident_people ip JOIN people p ON p.id = ip.person_id
             WHERE ip.incident_id = i.id AND p.year_group IS NOT NULL) AS year_groups
        FROM incidents i
        WHERE i.school_id = ${actor.schoolId}
          AND (${range.from ?? null}::date IS NULL OR i.occurred_at >= ${range.from ?? null}::date)
          AND (${range.to ?? null}::date IS NULL OR i.occurred_at < ${range.to ?? null}::date + 1)`,
  );
  const count = (keys: string[]) => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const minutes = rows
    .filter((r) => r.first_action_at)
    .map(
      (r) => (new Date(r.first_action_at as string).getTime() - new Date(r.reported_at).getTime()) / 60_000,
    )
    .sort((a, b) => a - b);
  return {
    total: rows.length,
    byCategory: count(rows.map((r) => r.category)),
    byTerm: count(rows.map((r) => termOf(new Date(r.occurred_at)))),
    byYearGroup: count(rows.flatMap((r) => r.year_groups ?? ["No pupil named"])),
    byOutcome: count(
      rows.map((r) =>
        r.status === "open" ? "open" : r.referred ? "closed after a referral" : "closed in school",
      ),
    ),
    medianMinutesToFirstAction: minutes.length ? Math.round(minutes[Math.floor(minutes.length / 2)]) : null,
  };
}

/** A child's chronology across the incidents the DSL handles: each report and each entry, in time order. */
export async function chronology(db: DbOrTx, actor: Actor, personId: string) {
  const [person] = await queryRows<{ id: string; name: string; reg_group: string | null }>(
    db,
    sql`SELECT p.id, ${nameOf("p")} AS name, p.reg_group FROM people p WHERE p.school_id = ${actor.schoolId} AND p.id = ${personId}`,
  );
  if (!person) throw notFound(msg`person`);
  const items = await queryRows<{
    incident_id: string;
    reference: string;
    category: Category;
    at: Date | string;
    what: string;
    kind: string;
  }>(
    db,
    sql`WITH mine AS (
          SELECT i.* FROM incidents i
            JOIN incident_people ip ON ip.incident_id = i.id AND ip.person_id = ${personId}
            JOIN incident_handlers h ON h.incident_id = i.id AND h.person_id = ${actor.personId}
          WHERE i.school_id = ${actor.schoolId} AND i.subject_person_id IS DISTINCT FROM ${actor.personId})
        SELECT m.id AS incident_id, m.reference, m.category, m.occurred_at AS at, m.summary AS what, 'reported' AS kind FROM mine m
        UNION ALL
        SELECT m.id, m.reference, m.category, e.at, e.text, e.kind FROM mine m
          JOIN incident_entries e ON e.incident_id = m.id WHERE e.kind <> 'reported'
        ORDER BY at, reference`,
  );
  return {
    person: { id: person.id, name: person.name, regGroup: person.reg_group },
    items: items.map((i) => ({
      incidentId: i.incident_id,
      reference: i.reference,
      category: i.category,
      at: new Date(i.at).toISOString(),
      what: i.what,
      kind: i.kind,
    })),
  };
}
