import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";

/**
 * Home page: an image manager with images still to take down after a withdrawal or a
 * restriction is told until they confirm each one (removals.ts). Only the manager asked.
 */
export const consentAttention: AttentionSource<Actor> = async (db, actor) => {
  if (!actor.personId) return [];
  const [{ open }] = await queryRows<{ open: number }>(
    db,
    sql`SELECT count(*)::int AS open FROM consent_removals
        WHERE school_id = ${actor.schoolId} AND manager_id = ${actor.personId} AND confirmed_at IS NULL`,
  );
  if (open === 0) return [];
  return [{ key: "imagesToRemove", params: { count: open }, href: "/consent/removals", severity: "warning" }];
};
