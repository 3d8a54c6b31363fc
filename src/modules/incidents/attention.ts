import { sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { AttentionSource } from "../../kernel/attention.js";
import type { Actor } from "../access/roles.js";

/**
 * Home page: a handler's incidents not yet opened, and open data breaches with the regulator's
 * deadline. The category and reference only, like the emails: never names or details.
 */
export const incidentsAttention: AttentionSource<Actor> = async (db, actor) => {
  if (!actor.personId) return [];
  const [{ unopened }] = await queryRows<{ unopened: number }>(
    db,
    sql`SELECT count(*)::int AS unopened FROM incident_handlers h JOIN incidents i ON i.id = h.incident_id
        WHERE h.school_id = ${actor.schoolId} AND h.person_id = ${actor.personId} AND h.opened_at IS NULL
          AND i.status = 'open'`,
  );
  const breaches = await queryRows<{ id: string; reference: string; ico_deadline: Date | string }>(
    db,
    sql`SELECT i.id, i.reference, i.ico_deadline FROM incidents i
          JOIN incident_handlers h ON h.incident_id = i.id AND h.person_id = ${actor.personId}
        WHERE i.school_id = ${actor.schoolId} AND i.status = 'open' AND i.category = 'data_breach'
          AND NOT EXISTS (SELECT 1 FROM incident_entries e WHERE e.incident_id = i.id AND e.agency = 'ico')
        ORDER BY i.ico_deadline`,
  );
  // An allegation about an adult: the LADO is to be consulted within one working day (KCSIE), so
  // its handlers see it until a LADO referral (or a decision about one) is on the timeline.
  const allegations = await queryRows<{ id: string; reference: string }>(
    db,
    sql`SELECT i.id, i.reference FROM incidents i
          JOIN incident_handlers h ON h.incident_id = i.id AND h.person_id = ${actor.personId}
        WHERE i.school_id = ${actor.schoolId} AND i.status = 'open' AND i.subject_person_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM incident_entries e WHERE e.incident_id = i.id AND e.agency = 'lado')
        ORDER BY i.reported_at`,
  );
  return [
    ...allegations.map((a) => ({
      key: "ladoReferral",
      params: { reference: a.reference },
      href: `/incidents/${a.id}`,
      severity: "warning" as const,
    })),
    ...(unopened > 0
      ? [
          {
            key: "incidentsUnopened",
            params: { count: unopened },
            href: "/incidents",
            severity: "warning" as const,
          },
        ]
      : []),
    ...breaches.map((b) => ({
      key: "breachDeadline",
      params: { reference: b.reference, deadline: new Date(b.ico_deadline).toISOString() },
      href: `/incidents/${b.id}`,
      severity: "warning" as const,
    })),
  ];
};
