/**
 * The consent module's face to the rest of Accord (DESIGN: a module imports another only
 * through its service.ts): the scheduled sweep the server runs.
 */
import type { Db } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { chaseRemovals } from "./removals.js";
import { askNewPupils, remindUnanswered } from "./requests.js";

/**
 * Hourly, for every school: ask new pupils' parents (when the school turned it on), remind
 * carers a week before their link expires, and chase image managers with removals still open.
 * Each step is recorded once, so running it again (or on several servers) sends nothing twice.
 */
export async function sweepConsent(db: Db, publicUrl: string) {
  for (const { id } of await db.select({ id: schools.id }).from(schools)) {
    await askNewPupils(db, id, publicUrl);
    await remindUnanswered(db, id, publicUrl);
    await chaseRemovals(db, id, publicUrl);
  }
}

export { consentAttention } from "./attention.js";
// Where every pupil stands, for the inspector pack's coverage by class (reports/inspection.ts).
export { exportStatuses } from "./views.js";
