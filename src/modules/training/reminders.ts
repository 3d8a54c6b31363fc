/**
 * Expiry reminders: 30 days before a course runs out, on its last day, then every 30 days while it
 * is out of date; a new starter's induction the same way from its due date. Each goes to the
 * person, copied to their line manager, and each step is recorded in training_reminders so it is
 * sent once however often the sweep runs. A new completion moves the date, and so starts afresh.
 */
import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { trainingReminders } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { coverage } from "./coverage.js";

/** The step due on `today` for a date (a course's last day, or an induction's due date); null before. */
export function trainingReminderStep(on: string, today: string): string | null {
  if (today < addDays(on, -30)) return null;
  if (today < on) return "before";
  if (today < addDays(on, 30)) return "on";
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000);
  return `after-${Math.floor(days / 30) * 30}`;
}

type Reminder = {
  personId: string;
  courseId: string;
  course: string;
  /** The last day in date, or the induction's due date. */
  on: string;
  induction: boolean;
  step: string;
};

function reminderText(
  r: Reminder,
  givenName: string,
  publicUrl: string,
): { subject: Message; lines: (Message | string)[] } {
  const link = `${publicUrl}/training`;
  if (r.induction) {
    const subject =
      r.step === "before"
        ? msg`Please complete your induction by ${r.on}`
        : r.step === "on"
          ? msg`Your induction is due today`
          : msg`Your induction is overdue (it was due on ${r.on})`;
    return {
      subject,
      lines: [
        msg`Dear ${givenName},`,
        "",
        msg`${r.course} is due by ${r.on}. Once it is done, it is recorded in Accord: ${link}`,
      ],
    };
  }
  const subject =
    r.step === "before"
      ? msg`Your ${r.course} training runs out on ${r.on}`
      : r.step === "on"
        ? msg`Your ${r.course} training runs out today`
        : msg`Your ${r.course} training is out of date`;
  return {
    subject,
    lines: [
      msg`Dear ${givenName},`,
      "",
      r.step.startsWith("after")
        ? msg`Your ${r.course} training ran out on ${r.on}. Please take it again and record it, with its certificate, in Accord: ${link}`
        : msg`Your ${r.course} training counts until ${r.on}. Please take it again and record it, with its certificate, in Accord: ${link}`,
    ],
  };
}

/** The scheduled sweep over every school. Returns how many reminders went (copies not counted). */
export async function sweepTraining(db: Db, publicUrl: string, today = todayInLondon()) {
  const schools = await queryRows<{ id: string }>(db, sql`SELECT id FROM schools`);
  let sent = 0;
  for (const { id: schoolId } of schools) sent += await sweepSchool(db, schoolId, publicUrl, today);
  return { sent };
}

async function sweepSchool(db: Db, schoolId: string, publicUrl: string, today: string) {
  const cover = await coverage(db, schoolId, {}, today);
  const due: Reminder[] = [];
  for (const person of cover.people) {
    if (!person.email) continue;
    for (const course of cover.courses) {
      const cell = person.cells.get(course.id);
      if (!cell) continue;
      const on = cell.expiresOn ?? (cell.status === "never" ? cell.dueOn : null);
      if (!on) continue;
      const step = trainingReminderStep(on, today);
      if (step)
        due.push({
          personId: person.id,
          courseId: course.id,
          course: course.name,
          on,
          induction: !cell.expiresOn,
          step,
        });
    }
  }
  if (due.length === 0) return 0;
  const sentBefore = new Set(
    (
      await queryRows<{ person_id: string; course_id: string; step: string }>(
        db,
        sql`SELECT person_id, course_id, step FROM training_reminders WHERE school_id = ${schoolId}`,
      )
    ).map((r) => `${r.person_id} ${r.course_id} ${r.step}`),
  );
  const stepKey = (r: Reminder) => `${r.induction ? "induction " : ""}${r.on}:${r.step}`;
  const fresh = due.filter((r) => !sentBefore.has(`${r.personId} ${r.courseId} ${stepKey(r)}`));
  if (fresh.length === 0) return 0;
  const byId = new Map(cover.people.map((p) => [p.id, p]));
  let sent = 0;
  await db.transaction(async (tx: Tx) => {
    const readers = await readersOf(tx, schoolId, [
      ...fresh.map((r) => r.personId),
      ...fresh.flatMap((r) => byId.get(r.personId)?.lineManagerId ?? []),
    ]);
    for (const r of fresh) {
      const inserted = await tx
        .insert(trainingReminders)
        .values({ schoolId, personId: r.personId, courseId: r.courseId, step: stepKey(r), sentOn: today })
        .onConflictDoNothing()
        .returning();
      // Another server's sweep got there first.
      if (inserted.length === 0) continue;
      const person = byId.get(r.personId)!;
      const { subject, lines } = reminderText(r, person.preferredName ?? person.givenName, publicUrl);
      await queueMail(tx, schoolId, { to: person.email!, readers: readers(person.id), subject, lines });
      const manager = person.lineManagerId ? byId.get(person.lineManagerId) : undefined;
      if (manager?.email && manager.id !== person.id)
        await queueMail(tx, schoolId, {
          to: manager.email,
          readers: readers(manager.id),
          subject: msg`Copy: ${subject} (${person.name})`,
          lines: [
            msg`Dear ${manager.preferredName ?? manager.givenName},`,
            "",
            msg`A copy for you as ${person.name}'s line manager of the reminder below.`,
            "",
            ...lines,
          ],
        });
      await recordEvent(tx, systemActor(schoolId), {
        action: "training.reminder_sent",
        entityType: "person",
        entityId: r.personId,
        summary: { name: r.course, step: r.step, on: r.on },
      });
      sent++;
    }
  });
  return sent;
}
