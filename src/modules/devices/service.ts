/**
 * The devices module's face to the rest of Accord: the home page's items and the daily sweep.
 */
import type { Db } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { remindOverdue } from "./loans.js";

export { devicesAttention } from "./attention.js";

/** Daily: every school's overdue loans reminded, once a day each. */
export async function sweepDevices(db: Db) {
  for (const { id } of await db.select({ id: schools.id }).from(schools)) await remindOverdue(db, id);
}
