/**
 * A school's consent settings: the age from which pupils answer for themselves (none by default;
 * a secondary may choose 13), whether new pupils' parents are asked automatically, and who looks
 * after the website and social media (told when images must come down).
 */
import { eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { consentSettings } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { nameOf } from "./queries.js";

export type ConsentSettings = {
  selfAnswerAge: number | null;
  askNewPupils: boolean;
  imageManagerIds: string[];
};

export async function settingsOf(db: DbOrTx, schoolId: string): Promise<ConsentSettings> {
  const [row] = await db.select().from(consentSettings).where(eq(consentSettings.schoolId, schoolId));
  return {
    selfAnswerAge: row?.selfAnswerAge ?? null,
    askNewPupils: Boolean(row?.askNewPupilsSince),
    imageManagerIds: row?.imageManagerIds ?? [],
  };
}

export async function settingsView(db: DbOrTx, schoolId: string) {
  const s = await settingsOf(db, schoolId);
  const managers = s.imageManagerIds.length
    ? await queryRows<{ id: string; name: string; email: string | null }>(
        db,
        sql`SELECT p.id, ${nameOf("p")} AS name, p.email FROM people p
            WHERE p.school_id = ${schoolId} AND p.id = ANY(${sql.param(s.imageManagerIds)}::uuid[])
            ORDER BY p.family_name, p.given_name`,
      )
    : [];
  return { selfAnswerAge: s.selfAnswerAge, askNewPupils: s.askNewPupils, imageManagers: managers };
}

export async function saveSettings(
  db: Db,
  actor: Actor,
  input: { selfAnswerAge: number | null; askNewPupils: boolean; imageManagerIds: string[] },
) {
  const ids = [...new Set(input.imageManagerIds)];
  if (ids.length > 0) {
    // Image managers take images down: staff of this school with an email address to be told at.
    const found = await queryRows<{ id: string; email: string | null }>(
      db,
      sql`SELECT p.id, p.email FROM people p
          WHERE p.school_id = ${actor.schoolId} AND p.id = ANY(${sql.param(ids)}::uuid[])
            AND p.kinds && ARRAY['staff','supply','volunteer']::text[]`,
    );
    if (found.length !== ids.length)
      throw badRequest(msg`Choose image managers from the school's staff.`, [
        { field: "imageManagerIds", message: msg`Choose image managers from the school's staff.` },
      ]);
  }
  await db.transaction(async (tx: Tx) => {
    const [before] = await tx
      .select()
      .from(consentSettings)
      .where(eq(consentSettings.schoolId, actor.schoolId));
    const since = input.askNewPupils ? (before?.askNewPupilsSince ?? new Date()) : null;
    await tx
      .insert(consentSettings)
      .values({
        schoolId: actor.schoolId,
        selfAnswerAge: input.selfAnswerAge,
        askNewPupilsSince: since,
        imageManagerIds: ids,
      })
      .onConflictDoUpdate({
        target: consentSettings.schoolId,
        set: { selfAnswerAge: input.selfAnswerAge, askNewPupilsSince: since, imageManagerIds: ids },
      });
    await recordEvent(tx, actor, {
      action: "consent.settings_changed",
      entityType: "school",
      entityId: actor.schoolId,
      summary: {
        selfAnswerAge: input.selfAnswerAge ?? "none",
        askNewPupils: input.askNewPupils,
        imageManagers: ids.length,
      },
    });
  });
  return settingsView(db, actor.schoolId);
}

/** A pupil's age in whole years today (Europe/London), or null when the date of birth is unknown. */
export function ageOn(dateOfBirth: string | null, today: string) {
  if (!dateOfBirth) return null;
  const [y, m, d] = dateOfBirth.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
