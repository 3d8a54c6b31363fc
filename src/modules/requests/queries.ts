/**
 * The permission requests module's reads: a request with its type, requester and status (its
 * latest entry), lists, and the people who hold a request's approver roles.
 */
import { type SQL, sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import type { Role } from "../access/roles.js";
import type { Question, RequestStatus, RequestSummaryView } from "./schema.js";

export const personName = (alias: string) =>
  sql.raw(
    `concat_ws(' ', coalesce(${alias}.preferred_name, ${alias}.given_name), nullif(${alias}.family_name, ''))`,
  );

export type RequestRow = {
  id: string;
  schoolId: string;
  requesterId: string;
  requesterName: string;
  requesterLineManagerId: string | null;
  details: Record<string, string | boolean>;
  questions: Question[];
  approverRoles: Role[];
  madeAt: Date;
  typeKey: string;
  typeName: string;
  register: "service" | "social_account" | null;
  followUp: "images_moved" | null;
  status: RequestStatus;
  conditions: string | null;
  validUntil: string | null;
};

type Raw = Omit<RequestRow, "madeAt" | "status"> & { madeAt: Date | string; lastKind: string | null };

const STATUS_OF: Record<string, RequestStatus> = {
  approved: "approved",
  refused: "refused",
  more_info: "more_info",
  reply: "pending",
};

/** Every request query selects this: the request, its type, its requester and its latest entry. */
function selectRequests(where: SQL, order: SQL = sql`r.made_at DESC`) {
  return sql`SELECT r.id, r.school_id AS "schoolId", r.requester_id AS "requesterId",
      ${personName("p")} AS "requesterName", p.line_manager_id AS "requesterLineManagerId", r.details, r.questions, r.approver_roles AS "approverRoles",
      r.made_at AS "madeAt", t.key AS "typeKey", t.name AS "typeName", t.register, t.follow_up AS "followUp",
      last.kind AS "lastKind",
      CASE WHEN last.kind = 'approved' THEN last.conditions END AS conditions,
      CASE WHEN last.kind = 'approved' THEN last.valid_until::text END AS "validUntil"
    FROM permission_requests r
      JOIN request_types t ON t.id = r.type_id
      JOIN people p ON p.id = r.requester_id
      LEFT JOIN LATERAL (SELECT e.kind, e.conditions, e.valid_until FROM request_entries e
        WHERE e.request_id = r.id ORDER BY e.at DESC LIMIT 1) last ON true
    WHERE ${where}
    ORDER BY ${order}`;
}

function toRow(raw: Raw): RequestRow {
  const { lastKind, ...rest } = raw;
  return { ...rest, madeAt: new Date(raw.madeAt), status: lastKind ? STATUS_OF[lastKind] : "pending" };
}

export async function requestById(db: DbOrTx, schoolId: string, id: string) {
  const [raw] = await queryRows<Raw>(db, selectRequests(sql`r.school_id = ${schoolId} AND r.id = ${id}`));
  return raw ? toRow(raw) : null;
}

export async function requestsWhere(db: DbOrTx, where: SQL, order?: SQL) {
  return (await queryRows<Raw>(db, selectRequests(where, order))).map(toRow);
}

export function presentSummary(r: RequestRow): RequestSummaryView {
  return {
    id: r.id,
    type: { key: r.typeKey, name: r.typeName },
    requester: { id: r.requesterId, name: r.requesterName },
    status: r.status,
    madeAt: r.madeAt.toISOString(),
    validUntil: r.validUntil,
  };
}

export type EntryRow = {
  id: string;
  kind: "approved" | "refused" | "more_info" | "reply";
  conditions: string | null;
  validUntil: string | null;
  text: string | null;
  authorId: string | null;
  authorName: string | null;
  at: Date | string;
};

export function entriesOf(db: DbOrTx, schoolId: string, requestId: string) {
  return queryRows<EntryRow>(
    db,
    sql`SELECT e.id, e.kind, e.conditions, e.valid_until::text AS "validUntil", e.text, e.author_id AS "authorId",
          ${personName("a")} AS "authorName", e.at
        FROM request_entries e LEFT JOIN people a ON a.id = e.author_id
        WHERE e.school_id = ${schoolId} AND e.request_id = ${requestId} ORDER BY e.at`,
  );
}

/**
 * People on the roll holding any of these roles, except one (the requester never decides). With
 * `lineManagerId`, "line_manager" means that one person (the requester's own, see access/requests).
 */
export function holdersOf(
  db: DbOrTx,
  schoolId: string,
  roles: readonly string[],
  except: string | null,
  lineManagerId: string | null = null,
) {
  const byRole = lineManagerId ? roles.filter((r) => r !== "line_manager") : roles;
  const named = lineManagerId && roles.includes("line_manager") ? lineManagerId : null;
  if (byRole.length === 0 && !named) return Promise.resolve([]);
  return queryRows<{ id: string; email: string | null; name: string }>(
    db,
    sql`SELECT DISTINCT p.id, p.email, ${personName("p")} AS name
        FROM people p
        WHERE p.school_id = ${schoolId}
          AND (p.id = ${named} OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.person_id = p.id
                AND r.school_id = ${schoolId} AND r.role = ANY(${sql.param([...byRole])}::text[])))
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
          AND p.id IS DISTINCT FROM ${except}`,
  );
}

export async function emailOf(db: DbOrTx, schoolId: string, personId: string) {
  const [row] = await queryRows<{ email: string | null }>(
    db,
    sql`SELECT email FROM people WHERE school_id = ${schoolId} AND id = ${personId}`,
  );
  return row?.email ?? null;
}

/** Adults on the roll by name: the people a social media account's administrators are picked from. */
export async function adultsNamed(db: DbOrTx, schoolId: string, q: string) {
  const term = q.trim();
  if (term.length < 2) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: string; name: string; jobTitle: string | null }>(
    db,
    sql`SELECT p.id, ${personName("p")} AS name, p.job_title AS "jobTitle" FROM people p
        WHERE p.school_id = ${schoolId}
          AND p.kinds && ARRAY['staff','supply','student_teacher','volunteer','governor']::text[]
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
          AND concat_ws(' ', p.preferred_name, p.given_name, p.family_name) ILIKE ${like}
        ORDER BY p.family_name, p.given_name LIMIT 20`,
  );
}
