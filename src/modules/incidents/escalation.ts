/**
 * An incident nobody has opened within the school's threshold (school hours; default one hour)
 * goes to the next people in its chain (routing.ts), who are emailed as the first were: a link
 * and the category only. The sweep runs every minute; `now` is a parameter so tests control time.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { incidentEntries, incidentHandlers, incidentSettings, incidents } from "../../db/schema.js";
import { type Role, systemActor } from "../access/roles.js";
import { bindRecord, recordEvent } from "../audit/service.js";
import { holdersOf, notifyHandlers } from "./reporting.js";
import { escalationChain, schoolMinutesBetween } from "./routing.js";

export async function escalateUnopened(db: Db, publicUrl: string, now = new Date()) {
  const open = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.status, "open"), isNull(incidents.firstOpenedAt)));
  if (open.length === 0) return 0;
  // Each school's threshold, read once for the sweep rather than once per incident.
  const thresholds = new Map(
    (await db.select().from(incidentSettings)).map((s) => [s.schoolId, s.escalateAfterMinutes]),
  );
  let escalated = 0;
  for (const incident of open) {
    const threshold = thresholds.get(incident.schoolId) ?? 60;
    if (schoolMinutesBetween(incident.lastRoutedAt, now) < threshold) continue;
    const chain = escalationChain(incident.routedRoles as Role[]);
    const step = chain[incident.escalationLevel];
    if (!step) continue;
    await db.transaction(async (tx: Tx) => {
      const next = await holdersOf(tx, incident.schoolId, step, incident.subjectPersonId);
      const added = next.length
        ? await tx
            .insert(incidentHandlers)
            .values(
              next.map((p) => ({
                schoolId: incident.schoolId,
                incidentId: incident.id,
                personId: p.id,
                why: "escalated" as const,
              })),
            )
            .onConflictDoNothing()
            .returning({ personId: incidentHandlers.personId })
        : [];
      await tx
        .update(incidents)
        .set({ escalationLevel: incident.escalationLevel + 1, lastRoutedAt: now })
        .where(eq(incidents.id, incident.id));
      const [entry] = await tx
        .insert(incidentEntries)
        .values({
          schoolId: incident.schoolId,
          incidentId: incident.id,
          kind: "escalated",
          text: `Not opened within ${threshold} minutes of school time: sent on to ${step.join(", ")}.`,
        })
        .returning();
      const fresh = new Set(added.map((a) => a.personId));
      await notifyHandlers(
        tx,
        incident.schoolId,
        next.filter((p) => fresh.has(p.id)),
        incident,
        publicUrl,
        true,
      );
      await recordEvent(tx, systemActor(incident.schoolId), {
        action: "incident.escalated",
        entityType: "incident",
        entityId: incident.id,
        summary: { name: incident.reference, to: step.join(", ") },
        records: [bindRecord("incident_entry", entry)],
      });
    });
    escalated++;
  }
  return escalated;
}
