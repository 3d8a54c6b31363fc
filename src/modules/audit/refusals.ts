import { and, count, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { securityEvents } from "../../db/schema.js";

/** A refused request, as the server saw it: never its body. */
export type Refusal = {
  schoolId: string | null;
  status: number;
  personId: string | null;
  actorName: string | null;
  via: "session" | "api_token" | "none";
  method: string;
  route: string;
  action: string | null;
  ip: string | null;
};

/** Kept a year, long enough to see a pattern across a school year and its holidays. */
const KEPT = sql`now() - interval '1 year'`;

/**
 * Keep a refusal, outside any transaction of the request (which rolled back, or never began):
 * a refusal is a fact about the request, not a change the request made. Each write also drops
 * the school's refusals older than a year, so the log keeps itself to its year without a sweep.
 */
export async function keepRefusal(db: Db, refusal: Refusal) {
  await db.insert(securityEvents).values(refusal);
  await db
    .delete(securityEvents)
    .where(
      and(
        refusal.schoolId
          ? eq(securityEvents.schoolId, refusal.schoolId)
          : sql`${securityEvents.schoolId} IS NULL`,
        lt(securityEvents.at, KEPT),
      ),
    );
}

/** A school's refusals, newest first, for its admins (access: `audit.refusals`). */
export async function listRefusals(db: Db, schoolId: string, page: { limit: number; offset: number }) {
  const where = and(eq(securityEvents.schoolId, schoolId), sql`${securityEvents.at} >= ${KEPT}`);
  const [{ total }] = await db.select({ total: count() }).from(securityEvents).where(where);
  const rows = await db
    .select()
    .from(securityEvents)
    .where(where)
    .orderBy(desc(securityEvents.at))
    .limit(page.limit)
    .offset(page.offset);
  return {
    total,
    refusals: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      status: r.status,
      personId: r.personId,
      actorName: r.actorName,
      via: r.via as Refusal["via"],
      method: r.method,
      route: r.route,
      action: r.action,
      ip: r.ip,
    })),
  };
}
