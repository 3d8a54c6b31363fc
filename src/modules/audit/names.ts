/**
 * The names a reader needs beside an audit event: what it was about ("Staff Acceptable Use
 * Agreement v1.0", "Jane Smith", "Online Safety Policy v2.1") and, when it concerns someone other
 * than the actor, who (the child a parent signed for, the person reminded). Events keep ids;
 * names are looked up as the log is read (read-only joins on other modules' tables, one query per
 * kind of thing, every one filtered by school), so the log shows today's names for what each
 * event recorded at the time.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";

export type NamedEvent = {
  id: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
};

export type EventNames = { subject: string | null; forPerson: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

type Row = { id: string; name: string };

async function lookUp(db: DbOrTx, ids: Set<string>, query: (ids: string[]) => ReturnType<typeof sql>) {
  if (ids.size === 0) return new Map<string, string>();
  const rows = await queryRows<Row>(db, query([...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function namesOfEvents(
  db: DbOrTx,
  schoolId: string,
  events: NamedEvent[],
): Promise<Map<string, EventNames>> {
  const wanted: Record<string, Set<string>> = {};
  const want = (type: string, id: unknown) => {
    if (!isUuid(id)) return;
    wanted[type] = wanted[type] ?? new Set();
    wanted[type].add(id);
  };
  for (const e of events) {
    want(e.entityType, e.entityId);
    want("person", e.summary.onBehalfOf);
  }
  const ids = (type: string) => wanted[type] ?? new Set<string>();
  const param = (list: string[]) => sql.param(list);

  // Assignments and kiosks are named by what they are for: look those up first.
  const assignments = ids("assignment").size
    ? await queryRows<{ id: string; person_id: string; agreement_id: string }>(
        db,
        sql`SELECT id, person_id, agreement_id FROM assignments
          WHERE school_id = ${schoolId} AND id = ANY(${param([...ids("assignment")])}::uuid[])`,
      )
    : [];
  for (const a of assignments) {
    want("person", a.person_id);
    want("agreement", a.agreement_id);
  }
  const subjectsOfSigning = (table: "kiosks" | "class_sessions") =>
    ids(table === "kiosks" ? "kiosk" : "class_session").size
      ? queryRows<{ id: string; subject_id: string }>(
          db,
          table === "kiosks"
            ? sql`SELECT id, subject_id FROM kiosks
                WHERE school_id = ${schoolId} AND id = ANY(${param([...ids("kiosk")])}::uuid[])`
            : sql`SELECT id, subject_id FROM class_sessions
                WHERE school_id = ${schoolId} AND id = ANY(${param([...ids("class_session")])}::uuid[])`,
        )
      : Promise.resolve([]);
  const [kiosks, classSessions] = await Promise.all([
    subjectsOfSigning("kiosks"),
    subjectsOfSigning("class_sessions"),
  ]);
  for (const k of [...kiosks, ...classSessions]) want("agreement", k.subject_id);

  const [people, agreements, policies, versions, tokens, schools] = await Promise.all([
    lookUp(
      db,
      ids("person"),
      (
        list,
      ) => sql`SELECT id, concat_ws(' ', coalesce(preferred_name, given_name), nullif(family_name, '')) AS name
        FROM people WHERE school_id = ${schoolId} AND id = ANY(${param(list)}::uuid[])`,
    ),
    lookUp(
      db,
      ids("agreement"),
      (
        list,
      ) => sql`SELECT id, title || CASE WHEN version_number <> '' THEN ' v' || version_number ELSE '' END AS name
        FROM agreements WHERE school_id = ${schoolId} AND id = ANY(${param(list)}::uuid[])`,
    ),
    lookUp(
      db,
      ids("policy"),
      (list) => sql`SELECT id, title AS name FROM policies
        WHERE school_id = ${schoolId} AND id = ANY(${param(list)}::uuid[])`,
    ),
    lookUp(
      db,
      ids("policy_version"),
      (list) => sql`SELECT v.id, p.title || ' v' || v.major || '.' || v.minor AS name
        FROM policy_versions v JOIN policies p ON p.id = v.policy_id
        WHERE v.school_id = ${schoolId} AND v.id = ANY(${param(list)}::uuid[])`,
    ),
    lookUp(
      db,
      ids("api_token"),
      (list) => sql`SELECT id, name FROM api_tokens
        WHERE school_id = ${schoolId} AND id = ANY(${param(list)}::uuid[])`,
    ),
    lookUp(db, ids("school"), () => sql`SELECT id, name FROM schools WHERE id = ${schoolId}`),
  ]);

  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const assignmentOf = byId(assignments);
  const kioskOf = byId(kiosks);
  const sessionOf = byId(classSessions);
  const subjectOf = (e: NamedEvent): string | null => {
    const id = e.entityId ?? "";
    switch (e.entityType) {
      case "person":
        return people.get(id) ?? null;
      case "agreement":
        return agreements.get(id) ?? null;
      case "policy":
        return policies.get(id) ?? null;
      case "policy_version":
        return versions.get(id) ?? null;
      case "api_token":
        return tokens.get(id) ?? null;
      case "school":
        return schools.get(id) ?? null;
      case "assignment":
        return agreements.get(assignmentOf.get(id)?.agreement_id ?? "") ?? null;
      case "kiosk":
        return agreements.get(kioskOf.get(id)?.subject_id ?? "") ?? null;
      case "class_session": {
        const session = sessionOf.get(id);
        return session ? (agreements.get(session.subject_id) ?? null) : null;
      }
      default:
        return null;
    }
  };
  const forPersonOf = (e: NamedEvent): string | null => {
    if (e.entityType === "assignment")
      return people.get(assignmentOf.get(e.entityId ?? "")?.person_id ?? "") ?? null;
    return isUuid(e.summary.onBehalfOf) ? (people.get(e.summary.onBehalfOf) ?? null) : null;
  };
  return new Map(events.map((e) => [e.id, { subject: subjectOf(e), forPerson: forPersonOf(e) }]));
}
