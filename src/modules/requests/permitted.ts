/**
 * The register of what is permitted now: every request whose latest decision is an approval and
 * whose end date (if it has one) is today or later, held by someone who has not left, by person and by type, with those ending in
 * the next 30 days picked out so they can be renewed or allowed to lapse on purpose.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { forbidden } from "../../kernel/problem.js";
import { canReadRegisters } from "../access/requests.js";
import type { Actor } from "../access/roles.js";
import { personName, requestsWhere } from "./queries.js";
import type { PermissionView, RegisterView } from "./schema.js";

export const EXPIRY_WARNING_DAYS = 30;

export async function permittedNow(db: DbOrTx, actor: Actor, now = new Date()): Promise<RegisterView> {
  if (!canReadRegisters(actor)) throw forbidden(msg`The register is for the school's staff.`);
  const today = todayInLondon(now);
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  const approved = (
    await requestsWhere(
      db,
      // Someone who has left holds no permission any more, whatever its end date said.
      sql`r.school_id = ${actor.schoolId} AND (p.leave_date IS NULL OR p.leave_date > ${today}::date)
        AND EXISTS (SELECT 1 FROM request_entries e WHERE e.request_id = r.id AND e.kind = 'approved')`,
    )
  ).filter((r) => r.status === "approved" && (r.validUntil === null || r.validUntil >= today));
  const ids = approved.map((r) => r.id);
  const approvals = ids.length
    ? await queryRows<{
        requestId: string;
        authorId: string | null;
        authorName: string | null;
        at: Date | string;
      }>(
        db,
        sql`SELECT DISTINCT ON (e.request_id) e.request_id AS "requestId", e.author_id AS "authorId",
              ${personName("a")} AS "authorName", e.at
            FROM request_entries e LEFT JOIN people a ON a.id = e.author_id
            WHERE e.school_id = ${actor.schoolId} AND e.request_id = ANY(${sql.param(ids)}::uuid[]) AND e.kind = 'approved'
            ORDER BY e.request_id, e.at DESC`,
      )
    : [];
  const approvalOf = new Map(approvals.map((a) => [a.requestId, a]));
  const permissions: PermissionView[] = approved
    .map((r) => {
      const a = approvalOf.get(r.id);
      return {
        requestId: r.id,
        type: { key: r.typeKey, name: r.typeName },
        person: { id: r.requesterId, name: r.requesterName },
        conditions: r.conditions,
        approvedBy: { id: a?.authorId ?? null, name: a?.authorName ?? "" },
        approvedAt: new Date(a?.at ?? r.madeAt).toISOString(),
        validUntil: r.validUntil,
        expiresSoon: r.validUntil !== null && r.validUntil <= soon,
      };
    })
    .sort((x, y) => x.person.name.localeCompare(y.person.name) || x.type.name.localeCompare(y.type.name));

  const byPerson = new Map<string, RegisterView["byPerson"][number]>();
  const byType = new Map<string, RegisterView["byType"][number]>();
  for (const p of permissions) {
    const person = byPerson.get(p.person.id as string) ?? { person: p.person, requestIds: [] };
    person.requestIds.push(p.requestId);
    byPerson.set(p.person.id as string, person);
    const type = byType.get(p.type.key) ?? { ...p.type, requestIds: [] };
    type.requestIds.push(p.requestId);
    byType.set(p.type.key, type);
  }
  return {
    permissions,
    byPerson: [...byPerson.values()],
    byType: [...byType.values()].sort((a, b) => a.name.localeCompare(b.name)),
    expiringSoon: permissions
      .filter((p) => p.expiresSoon)
      .sort((a, b) => (a.validUntil as string).localeCompare(b.validUntil as string))
      .map((p) => p.requestId),
  };
}
