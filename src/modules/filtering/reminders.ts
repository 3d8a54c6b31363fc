/**
 * Chasing open actions: the owner is emailed on the day an action falls due, then once a week
 * while it stays open. Each step (the due day, due + 7, due + 14, …) is a row in
 * filtering_action_reminders, written in the same transaction as the email, so a sweep that runs
 * twice, or on two servers at once, sends each step once. A sweep that missed some days sends only
 * the step it is in, not the ones it slept through.
 */
import type { Db, Tx } from "../../db/client.js";
import { filteringActionReminders, schools } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { openActionsDueBy } from "./queries.js";

const DAY_MS = 86_400_000;
const REMIND_EVERY_DAYS = 7;

/** The step a day falls in for an action due on `dueOn` (the day itself, or a week after …). */
export function reminderStep(dueOn: string, today: string) {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / DAY_MS);
  return addDays(dueOn, days - (days % REMIND_EVERY_DAYS));
}

export async function chaseFilteringActions(db: Db, publicUrl: string, today = todayInLondon()) {
  let sent = 0;
  for (const { id: schoolId } of await db.select({ id: schools.id }).from(schools)) {
    for (const action of await openActionsDueBy(db, schoolId, today)) {
      const step = reminderStep(action.dueOn, today);
      await db.transaction(async (tx: Tx) => {
        const fresh = await tx
          .insert(filteringActionReminders)
          .values({ actionId: action.id, schoolId, step })
          .onConflictDoNothing()
          .returning({ step: filteringActionReminders.step });
        if (fresh.length === 0) return;
        if (action.ownerEmail)
          await queueMail(tx, schoolId, {
            to: action.ownerEmail,
            readers: await readerOf(tx, schoolId, action.ownerId),
            subject:
              step === action.dueOn
                ? msg`Filtering review action due today`
                : msg`Filtering review action overdue`,
            lines: [
              msg`The filtering and monitoring review of ${action.reviewedOn} gave you this action, due on ${action.dueOn}:`,
              "",
              action.text,
              "",
              msg`Once it is done, mark it done in Accord. Until then you will be reminded each week.`,
              "",
              msg`Open your actions (sign in first): ${publicUrl}/filtering/actions`,
            ],
          });
        await recordEvent(tx, systemActor(schoolId), {
          action: "filtering.action_reminded",
          entityType: "filtering_review",
          entityId: action.reviewId,
          summary: { name: action.text, due: action.dueOn, step, onBehalfOf: action.ownerId },
        });
        sent++;
      });
    }
  }
  return { sent };
}
