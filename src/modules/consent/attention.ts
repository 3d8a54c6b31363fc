import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { AttentionItem, AttentionSource } from "../../kernel/attention.js";
import { can } from "../access/matrix.js";
import type { Actor } from "../access/roles.js";

/**
 * Home page: an image manager with images still to take down after a withdrawal or a
 * restriction is told until they confirm each one (removals.ts). Only the manager asked.
 * Those who ask parents (consent.manage) see how many children's forms are still unanswered:
 * asked by a link still open, and no carer has answered for them by link, paper or phone.
 */
export const consentAttention: AttentionSource<Actor> = async (db, actor) => {
  const items: AttentionItem[] = [];
  if (actor.personId) {
    const [{ open }] = await queryRows<{ open: number }>(
      db,
      sql`SELECT count(*)::int AS open FROM consent_removals
          WHERE school_id = ${actor.schoolId} AND manager_id = ${actor.personId} AND confirmed_at IS NULL`,
    );
    if (open > 0)
      items.push({
        key: "imagesToRemove",
        params: { count: open },
        href: "/consent/removals",
        severity: "warning",
      });
  }
  if (can(actor, "consent.manage")) {
    const [{ waiting }] = await queryRows<{ waiting: number }>(
      db,
      sql`SELECT count(DISTINCT pupil.id)::int AS waiting
          FROM consent_links l CROSS JOIN LATERAL unnest(l.pupil_ids) AS pupil(id)
          WHERE l.school_id = ${actor.schoolId} AND l.answered_at IS NULL AND l.expires_at > now()
            AND NOT EXISTS (SELECT 1 FROM consent_answers a
                            WHERE a.school_id = ${actor.schoolId} AND a.pupil_id = pupil.id)`,
    );
    if (waiting > 0)
      items.push({
        key: "consentUnanswered",
        params: { count: waiting },
        href: "/consent",
        severity: "info",
      });
  }
  return items;
};
