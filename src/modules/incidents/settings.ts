import { eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { incidentSettings } from "../../db/schema.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";

/** How long an incident may wait unopened, in school-hours minutes, before it escalates. */
export async function incidentSettingsOf(db: DbOrTx, schoolId: string) {
  const [row] = await db.select().from(incidentSettings).where(eq(incidentSettings.schoolId, schoolId));
  return { escalateAfterMinutes: row?.escalateAfterMinutes ?? 60 };
}

export async function saveIncidentSettings(db: Db, actor: Actor, input: { escalateAfterMinutes: number }) {
  await db.transaction(async (tx: Tx) => {
    await tx
      .insert(incidentSettings)
      .values({ schoolId: actor.schoolId, escalateAfterMinutes: input.escalateAfterMinutes })
      .onConflictDoUpdate({
        target: incidentSettings.schoolId,
        set: { escalateAfterMinutes: input.escalateAfterMinutes },
      });
    await recordEvent(tx, actor, {
      action: "incident.settings_changed",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { escalateAfterMinutes: input.escalateAfterMinutes },
    });
  });
  return incidentSettingsOf(db, actor.schoolId);
}
