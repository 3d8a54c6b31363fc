import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agreements, assignmentReminders, assignments, people } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { notFound } from "../../kernel/problem.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";

/**
 * Which reminder step applies on `today` for an assignment due on `due`: a week before, on the day,
 * then every 7 days after. Returns null before the first one.
 */
export function reminderStep(due: string, today: string): string | null {
  if (today < addDays(due, -7)) return null;
  if (today < due) return "week-before";
  if (today < addDays(due, 7)) return "due";
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  return `after-${Math.floor(days / 7) * 7}`;
}

/** Open assignments for account holders: not cancelled, agreement active, person still here, not signed or declined. */
async function openAssignments(db: Db, today: string, agreementId?: string) {
  return db
    .select({
      assignment: assignments,
      title: agreements.title,
      email: people.email,
      givenName: people.givenName,
    })
    .from(assignments)
    .innerJoin(agreements, eq(agreements.id, assignments.agreementId))
    .innerJoin(people, eq(people.id, assignments.personId))
    .where(
      and(
        isNull(assignments.cancelledAt),
        eq(agreements.status, "active"),
        agreementId ? eq(assignments.agreementId, agreementId) : sql`true`,
        sql`${agreements.audience} NOT IN ('parents', 'pupils', 'visitors')`,
        sql`${people.email} IS NOT NULL`,
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
        // Settled: the person's newest record on this agreement, or on an earlier version with the
        // same text ("reviewed – no changes"), is a signature or a decline.
        sql`NOT EXISTS (
              WITH RECURSIVE same_text(id) AS (
                SELECT ${assignments.agreementId}
                UNION
                SELECT a.supersedes_id FROM agreements a JOIN same_text ON a.id = same_text.id
                WHERE a.same_text_as_previous AND a.supersedes_id IS NOT NULL
              )
              SELECT 1 FROM (
                SELECT s.kind FROM signatures s
                WHERE s.person_id = ${assignments.personId} AND s.subject_id IN (SELECT id FROM same_text)
                ORDER BY s.signed_at DESC LIMIT 1
              ) newest WHERE newest.kind IN ('signed', 'declined'))`,
      ),
    );
}

function reminderMail(
  r: { title: string; givenName: string; assignment: { dueDate: string } },
  publicUrl: string,
  step: string,
) {
  const when =
    step === "week-before"
      ? `by ${r.assignment.dueDate}`
      : step === "due"
        ? "today"
        : `(it was due on ${r.assignment.dueDate})`;
  return {
    subject: `${step.startsWith("after") ? "Overdue: " : "Reminder: "}please sign ${r.title}`,
    text: [
      `Dear ${r.givenName},`,
      "",
      `Please read and sign "${r.title}" ${when}.`,
      "",
      `Sign in to Accord: ${publicUrl}/`,
      "",
      "If you think this is a mistake, please speak to the school office.",
    ].join("\n"),
  };
}

/** The scheduled chase: each step sent once (assignment_reminders), stopping at signature, decline or leaving. */
export async function chaseAgreements(db: Db, publicUrl: string, today = todayInLondon()) {
  let sent = 0;
  for (const r of await openAssignments(db, today)) {
    const step = reminderStep(r.assignment.dueDate, today);
    if (!step) continue;
    await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(assignmentReminders)
        .values({ assignmentId: r.assignment.id, step })
        .onConflictDoNothing()
        .returning();
      if (fresh.length === 0) return;
      await queueMail(tx, r.assignment.schoolId, { to: r.email!, ...reminderMail(r, publicUrl, step) });
      await recordEvent(tx, systemActor(r.assignment.schoolId), {
        action: "agreement.reminder_sent",
        entityType: "assignment",
        entityId: r.assignment.id,
        summary: { title: r.title, step },
      });
      sent++;
    });
  }
  return { sent };
}

/** "Remind now": everyone who has not yet signed an agreement, at once. */
export async function remindNow(
  db: Db,
  actor: Actor,
  agreementId: string,
  publicUrl: string,
  dryRun = false,
) {
  const today = todayInLondon();
  const [agreement] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.schoolId, actor.schoolId), eq(agreements.id, agreementId)));
  if (!agreement) throw notFound("agreement");
  const open = (await openAssignments(db, today, agreementId)).filter(
    (r) => r.assignment.schoolId === actor.schoolId,
  );
  // The confirmation asks "email N people?" before anyone is emailed.
  if (dryRun) return { reminded: open.length };
  await db.transaction(async (tx) => {
    for (const r of open)
      await tx
        .insert(assignmentReminders)
        .values({ assignmentId: r.assignment.id, step: `now-${new Date().toISOString()}` });
    for (const r of open)
      await queueMail(tx, actor.schoolId, {
        to: r.email!,
        // Worded for where the person is: weeks ahead, due today, or overdue.
        ...reminderMail(r, publicUrl, reminderStep(r.assignment.dueDate, today) ?? "week-before"),
      });
    await recordEvent(tx, actor, {
      action: "agreement.reminded_now",
      entityType: "agreement",
      entityId: agreementId,
      summary: { reminded: open.length },
    });
  });
  return { reminded: open.length };
}
