import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { agreements, assignmentReminders, assignments, people } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { notFound } from "../../kernel/problem.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { type OutgoingMail, queueMail } from "../mail/service.js";
import { readerOf, readersOf } from "../people/service.js";

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

/**
 * The first message an assignment sends: "please sign", once, whenever and however the person
 * came to be asked (assigned by hand, a new starter, a new version to sign again).
 */
const NOTICE = "assigned";

/** Open assignments for account holders: not cancelled, agreement active, person still here, not signed or declined. */
async function openAssignments(
  db: DbOrTx,
  today: string,
  agreementId?: string,
  /** Only these assignments (those just made). */
  ids?: string[],
) {
  return db
    .select({
      assignment: assignments,
      title: agreements.title,
      email: people.email,
      givenName: people.givenName,
      notified: sql<boolean>`EXISTS (SELECT 1 FROM ${assignmentReminders} r WHERE r.assignment_id = ${assignments.id} AND r.step = ${NOTICE})`,
    })
    .from(assignments)
    .innerJoin(agreements, eq(agreements.id, assignments.agreementId))
    .innerJoin(people, eq(people.id, assignments.personId))
    .where(
      and(
        isNull(assignments.cancelledAt),
        eq(agreements.status, "active"),
        agreementId ? eq(assignments.agreementId, agreementId) : sql`true`,
        ids ? inArray(assignments.id, ids) : sql`true`,
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
): Pick<OutgoingMail, "subject" | "lines"> {
  const due = r.assignment.dueDate;
  return {
    subject: step.startsWith("after")
      ? msg`Overdue: please sign ${r.title}`
      : msg`Reminder: please sign ${r.title}`,
    lines: [
      msg`Dear ${r.givenName},`,
      "",
      step === "week-before"
        ? msg`Please read and sign "${r.title}" by ${due}.`
        : step === "due"
          ? msg`Please read and sign "${r.title}" today.`
          : msg`Please read and sign "${r.title}" (it was due on ${due}).`,
      "",
      msg`Sign in to Accord: ${publicUrl}/`,
      "",
      msg`If you think this is a mistake, please speak to the school office.`,
    ],
  };
}

function noticeMail(
  r: { title: string; givenName: string; assignment: { dueDate: string } },
  publicUrl: string,
): Pick<OutgoingMail, "subject" | "lines"> {
  return {
    subject: msg`Please sign: ${r.title}`,
    lines: [
      msg`Dear ${r.givenName},`,
      "",
      msg`You have been asked to read and sign "${r.title}" by ${r.assignment.dueDate}.`,
      "",
      msg`Sign in to Accord to read it and sign: ${publicUrl}/`,
      "",
      msg`Reminders follow before and on the due date until it is signed. If you think this is a mistake, please speak to the school office.`,
    ],
  };
}

type OpenAssignment = Awaited<ReturnType<typeof openAssignments>>[number];

/**
 * Send the one message due for an assignment today, if any: the "please sign" notice the first
 * time (which also stands for today's reminder step, so nobody gets two the same day), or the
 * reminder step that falls today. Each is recorded in assignment_reminders, so it goes once
 * however often the chase runs or the person is assigned again.
 */
async function chaseOne(tx: Tx, r: OpenAssignment, publicUrl: string, today: string) {
  const step = reminderStep(r.assignment.dueDate, today);
  const notice = await tx
    .insert(assignmentReminders)
    .values({ assignmentId: r.assignment.id, step: NOTICE })
    .onConflictDoNothing()
    .returning();
  if (notice.length > 0) {
    if (step)
      await tx
        .insert(assignmentReminders)
        .values({ assignmentId: r.assignment.id, step })
        .onConflictDoNothing();
    await queueMail(tx, r.assignment.schoolId, {
      to: r.email!,
      readers: await readerOf(tx, r.assignment.schoolId, r.assignment.personId),
      ...noticeMail(r, publicUrl),
    });
    return NOTICE;
  }
  if (!step) return null;
  const fresh = await tx
    .insert(assignmentReminders)
    .values({ assignmentId: r.assignment.id, step })
    .onConflictDoNothing()
    .returning();
  if (fresh.length === 0) return null;
  await queueMail(tx, r.assignment.schoolId, {
    to: r.email!,
    readers: await readerOf(tx, r.assignment.schoolId, r.assignment.personId),
    ...reminderMail(r, publicUrl, step),
  });
  return step;
}

/**
 * Tell the people just assigned, in the assigning transaction: "please sign" once each. People
 * who sign without an account (parents, pupils, visitors) are reached by link, kiosk or class
 * session instead, as the chase does.
 */
export async function tellAssigned(
  tx: Tx,
  actor: Actor,
  agreement: { id: string; title: string },
  assignmentIds: string[],
  publicUrl: string,
) {
  if (assignmentIds.length === 0) return 0;
  const today = todayInLondon();
  let told = 0;
  for (const r of await openAssignments(tx, today, agreement.id, assignmentIds))
    if ((await chaseOne(tx, r, publicUrl, today)) === NOTICE) told++;
  if (told > 0)
    await recordEvent(tx, actor, {
      action: "agreement.assignment_notified",
      entityType: "agreement",
      entityId: agreement.id,
      summary: { title: agreement.title, told },
    });
  return told;
}

/** The scheduled chase: each step sent once (assignment_reminders), stopping at signature, decline or leaving. */
export async function chaseAgreements(db: Db, publicUrl: string, today = todayInLondon()) {
  let sent = 0;
  for (const r of await openAssignments(db, today)) {
    // Nothing due today: no transaction at all (the chase runs hourly over every school).
    if (r.notified && !reminderStep(r.assignment.dueDate, today)) continue;
    await db.transaction(async (tx) => {
      const step = await chaseOne(tx, r, publicUrl, today);
      if (!step) return;
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
  if (!agreement) throw notFound(msg`agreement`);
  const open = (await openAssignments(db, today, agreementId)).filter(
    (r) => r.assignment.schoolId === actor.schoolId,
  );
  // The confirmation asks "email N people?" before anyone is emailed.
  if (dryRun) return { reminded: open.length };
  await db.transaction(async (tx) => {
    for (const r of open) {
      await tx
        .insert(assignmentReminders)
        .values({ assignmentId: r.assignment.id, step: `now-${new Date().toISOString()}` });
      // Reminded by hand: that stands for the "please sign" notice, which then never follows.
      await tx
        .insert(assignmentReminders)
        .values({ assignmentId: r.assignment.id, step: NOTICE })
        .onConflictDoNothing();
    }
    const readers = await readersOf(
      tx,
      actor.schoolId,
      open.map((r) => r.assignment.personId),
    );
    for (const r of open)
      await queueMail(tx, actor.schoolId, {
        to: r.email!,
        readers: readers(r.assignment.personId),
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
