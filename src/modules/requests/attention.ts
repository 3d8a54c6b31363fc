import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { AttentionSource } from "../../kernel/attention.js";
import { todayInLondon } from "../../kernel/dates.js";
import { canDecideRequest, mayEverDecide, type RequestRecord } from "../access/requests.js";
import type { Actor } from "../access/roles.js";
import { listAccounts } from "./registers.js";

/**
 * Home page: requests waiting for the actor's decision (a role they hold approves them, or they
 * line-manage the requester; never their own), their own requests where more information is asked, photos on a personal device
 * still to confirm as moved and deleted, and, for the headteacher, social media accounts with a
 * single administrator or one who has left.
 */
export const requestsAttention: AttentionSource<Actor> = async (db, actor) => {
  if (!actor.personId) return [];
  const items = [];
  {
    // Requests a role of theirs decides, and those of the people they line-manage (access/requests
    // narrows "line_manager" to the requester's own when one is recorded).
    const candidates = await queryRows<RequestRecord & { id: string }>(
      db,
      sql`SELECT r.id, r.school_id AS "schoolId", r.requester_id AS "requesterId",
            r.approver_roles AS "approverRoles", p.line_manager_id AS "requesterLineManagerId"
          FROM permission_requests r JOIN people p ON p.id = r.requester_id
          WHERE r.school_id = ${actor.schoolId} AND r.requester_id <> ${actor.personId}
            AND (r.approver_roles && ${sql.param([...actor.roles])}::text[] OR p.line_manager_id = ${actor.personId})
            AND coalesce((SELECT e.kind FROM request_entries e WHERE e.request_id = r.id ORDER BY e.at DESC LIMIT 1), 'reply') = 'reply'`,
    );
    const waiting = candidates.filter((r) => canDecideRequest(actor, r));
    if (waiting.length > 0)
      items.push({
        key: "requestsToDecide",
        params: { count: waiting.length },
        // Without a role there is no "to decide" menu (access/requests mayEverDecide): open the first.
        href: mayEverDecide(actor) ? "/requests/decide" : `/requests/${waiting[0].id}`,
        severity: "warning" as const,
      });
  }
  const asked = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT r.id, t.name FROM permission_requests r JOIN request_types t ON t.id = r.type_id
        WHERE r.school_id = ${actor.schoolId} AND r.requester_id = ${actor.personId}
          AND (SELECT e.kind FROM request_entries e WHERE e.request_id = r.id ORDER BY e.at DESC LIMIT 1) = 'more_info'
        ORDER BY r.made_at`,
  );
  for (const a of asked)
    items.push({
      key: "requestMoreInfo",
      params: { type: a.name },
      href: `/requests/${a.id}`,
      severity: "warning" as const,
    });
  const followUps = await queryRows<{ id: string; dueOn: string }>(
    db,
    sql`SELECT f.request_id AS id, f.due_on::text AS "dueOn" FROM request_follow_ups f
          JOIN permission_requests r ON r.id = f.request_id
        WHERE f.school_id = ${actor.schoolId} AND r.requester_id = ${actor.personId} AND f.confirmed_at IS NULL
        ORDER BY f.due_on`,
  );
  const today = todayInLondon();
  for (const f of followUps)
    items.push({
      key: f.dueOn < today ? "imagesFollowUpOverdue" : "imagesFollowUp",
      params: { due: f.dueOn },
      href: `/requests/${f.id}`,
      severity: (f.dueOn < today ? "warning" : "info") as "warning" | "info",
    });
  if (actor.roles.includes("headteacher")) {
    const risky = (await listAccounts(db, actor)).filter((a) => a.warnings.length > 0).length;
    if (risky > 0)
      items.push({
        key: "socialAccountWarnings",
        params: { count: risky },
        href: "/requests/social-accounts",
        severity: "warning" as const,
      });
  }
  return items;
};
