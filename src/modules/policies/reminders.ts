import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { people, policies, policyReminders, roleAssignments, schools } from "../../db/schema.js";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";

type Kind = "month" | "week" | "due";
const ORDER: Kind[] = ["month", "week", "due"];

/** Which reminders are due by `today` for a review due on `due`, earliest first. */
export function remindersDue(due: string, today: string): Kind[] {
  const from: Record<Kind, string> = { month: addMonths(due, -1), week: addDays(due, -7), due };
  return ORDER.filter((k) => today >= from[k]);
}

const WORDING: Record<Kind, (title: string, due: string) => Message> = {
  month: (t, d) => msg`The review of "${t}" is due in a month, on ${d}.`,
  week: (t, d) => msg`The review of "${t}" is due in a week, on ${d}.`,
  due: (t, d) => msg`The review of "${t}" is due today (${d}). Until it is reviewed it shows as overdue.`,
};

/**
 * Review reminders: a month before, a week before and on the due date, each sent once (the
 * policy_reminders key makes "once" hold across servers and restarts). When a sweep finds several
 * due at once (a policy added late) it sends only the most urgent and records the rest as covered.
 */
export async function sendReviewReminders(db: Db, publicUrl: string, today = todayInLondon()) {
  const horizon = addMonths(today, 1);
  const candidates = await db
    .select({ policy: policies, schoolName: schools.name })
    .from(policies)
    .innerJoin(schools, eq(schools.id, policies.schoolId))
    .where(and(isNotNull(policies.nextReviewDue), lte(policies.nextReviewDue, horizon)));
  let sent = 0;
  for (const { policy, schoolName } of candidates) {
    const due = policy.nextReviewDue!;
    const kinds = remindersDue(due, today);
    if (kinds.length === 0) continue;
    await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(policyReminders)
        .values(kinds.map((kind) => ({ policyId: policy.id, dueDate: due, kind })))
        .onConflictDoNothing()
        .returning({ kind: policyReminders.kind });
      const urgent = kinds[kinds.length - 1];
      if (!fresh.some((f) => f.kind === urgent)) return;
      const recipients = await tx
        .select({ id: people.id, email: people.email, givenName: people.givenName })
        .from(people)
        .where(
          and(
            eq(people.schoolId, policy.schoolId),
            sql`${people.email} IS NOT NULL`,
            sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
            policy.ownerPersonId
              ? eq(people.id, policy.ownerPersonId)
              : sql`${people.id} IN (SELECT ${roleAssignments.personId} FROM ${roleAssignments} WHERE ${roleAssignments.role} = 'headteacher' AND ${roleAssignments.schoolId} = ${policy.schoolId})`,
          ),
        );
      const readers = await readersOf(
        tx,
        policy.schoolId,
        recipients.map((r) => r.id),
      );
      for (const r of recipients) {
        await queueMail(tx, policy.schoolId, {
          to: r.email!,
          readers: readers(r.id),
          subject:
            urgent === "due"
              ? msg`Policy review due today: ${policy.title}`
              : msg`Policy review reminder: ${policy.title}`,
          lines: [
            msg`Dear ${r.givenName},`,
            "",
            WORDING[urgent](policy.title, due),
            "",
            msg`Open it in Accord: ${publicUrl}/policies/${policy.id}`,
            "",
            msg`— Accord at ${schoolName}`,
          ],
        });
        sent++;
      }
      await recordEvent(tx, systemActor(policy.schoolId), {
        action: "policy.review_reminder_sent",
        entityType: "policy",
        entityId: policy.id,
        summary: { title: policy.title, due, kind: urgent, recipients: recipients.length },
      });
    });
  }
  return { sent };
}
