/**
 * The DSL's "no images to be published or shared under any circumstances": a looked-after or
 * adopted child, a court order, a risk from a named person. It overrides every answer (status.ts)
 * and its reason is read only by the DSL, deputies and the headteacher (access/consent.ts).
 */
import type { Db, Tx } from "../../db/client.js";
import { consentRestrictions } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { conflict, forbidden } from "../../kernel/problem.js";
import { canRestrictImages } from "../access/consent.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { pupilOnRoll } from "./answers.js";
import { purposesOf } from "./purposes.js";
import { restrictionsFor } from "./queries.js";
import { notifyRemovals } from "./removals.js";
import { statusesFor } from "./statuses.js";

export async function restrictImages(
  db: Db,
  actor: Actor,
  pupilId: string,
  reason: string,
  publicUrl: string,
) {
  const pupil = await pupilOnRoll(db, actor.schoolId, pupilId);
  if (!canRestrictImages(actor, { schoolId: actor.schoolId }))
    throw forbidden(msg`Only the designated safeguarding lead and deputies restrict a child's images.`);
  const current = await restrictionsFor(db, actor.schoolId, [pupil.id]);
  if (current.has(pupil.id)) throw conflict(msg`${pupil.name}'s images are already restricted.`);
  const purposes = await purposesOf(db, actor.schoolId);
  await db.transaction(async (tx: Tx) => {
    const before = (await statusesFor(tx, actor.schoolId, [pupil.id], purposes)).get(pupil.id);
    await tx.insert(consentRestrictions).values({
      schoolId: actor.schoolId,
      pupilId: pupil.id,
      restricted: true,
      reason,
      byId: actor.personId,
    });
    // The reason stays out of the audit log: the log is read by others (admins, the DPO).
    await recordEvent(tx, actor, { action: "consent.restricted", entityType: "person", entityId: pupil.id });
    const wereYes = purposes.filter((_, i) => before?.statuses[i].status === "yes");
    await notifyRemovals(
      tx,
      actor.schoolId,
      pupil,
      wereYes.map((purpose) => ({ purpose, answerId: null })),
      "restricted",
      publicUrl,
    );
  });
}

export async function liftRestriction(db: Db, actor: Actor, pupilId: string) {
  const pupil = await pupilOnRoll(db, actor.schoolId, pupilId);
  if (!canRestrictImages(actor, { schoolId: actor.schoolId }))
    throw forbidden(msg`Only the designated safeguarding lead and deputies lift a restriction.`);
  const current = await restrictionsFor(db, actor.schoolId, [pupil.id]);
  if (!current.has(pupil.id)) throw conflict(msg`${pupil.name}'s images are not restricted.`);
  await db.transaction(async (tx: Tx) => {
    await tx
      .insert(consentRestrictions)
      .values({ schoolId: actor.schoolId, pupilId: pupil.id, restricted: false, byId: actor.personId });
    await recordEvent(tx, actor, {
      action: "consent.restriction_lifted",
      entityType: "person",
      entityId: pupil.id,
    });
  });
}
