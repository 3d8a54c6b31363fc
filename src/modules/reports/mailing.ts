import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { people, reportMailings, roleAssignments, schools } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { previousTerm, termOf } from "./terms.js";

/** A report is emailed in the first weeks of the next term; an install started later sends none for old terms. */
export const MAILING_WINDOW_DAYS = 30;

/**
 * The termly report to governors, emailed to each headteacher once the term has ended: a link,
 * not the PDF (the email is forwarded and read on phones; the figures stay behind sign-in, and
 * the report is made when it is opened, so late entries are in it). Each (school, term) once:
 * the report_mailings key holds across servers and restarts.
 */
export async function sendGovernorsReports(db: Db, publicUrl: string, today = todayInLondon()) {
  const current = termOf(today);
  if (today > addDays(current.from, MAILING_WINDOW_DAYS)) return 0;
  const ended = previousTerm(current);
  let sent = 0;
  for (const school of await db.select({ id: schools.id, name: schools.name }).from(schools)) {
    await db.transaction(async (tx) => {
      const fresh = await tx
        .insert(reportMailings)
        .values({ schoolId: school.id, report: "governors", term: ended.name })
        .onConflictDoNothing()
        .returning({ term: reportMailings.term });
      if (fresh.length === 0) return;
      const heads = await tx
        .select({ id: people.id, email: people.email, givenName: people.givenName })
        .from(people)
        .innerJoin(
          roleAssignments,
          and(eq(roleAssignments.personId, people.id), eq(roleAssignments.role, "headteacher")),
        )
        .where(
          and(
            eq(people.schoolId, school.id),
            sql`${people.email} IS NOT NULL`,
            sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
          ),
        );
      const readers = await readersOf(
        tx,
        school.id,
        heads.map((h) => h.id),
      );
      // The year as written ("2026"), not as a number ("2,026").
      const year = String(ended.year);
      for (const head of heads) {
        await queueMail(tx, school.id, {
          to: head.email!,
          readers: readers(head.id),
          subject: {
            autumn: msg`Report to governors: autumn term ${year}`,
            spring: msg`Report to governors: spring term ${year}`,
            summer: msg`Report to governors: summer term ${year}`,
          }[ended.season],
          lines: [
            msg`Dear ${head.givenName},`,
            "",
            {
              autumn: msg`The autumn term ${year} has ended. The report to governors on online safety and`,
              spring: msg`The spring term ${year} has ended. The report to governors on online safety and`,
              summer: msg`The summer term ${year} has ended. The report to governors on online safety and`,
            }[ended.season],
            msg`acceptable use (agreements signed, incidents by category, policy reviews, training, photo`,
            msg`consent, and filtering and monitoring, each against the term before) is ready to download:`,
            "",
            `${publicUrl}/reports/governors?term=${ended.name}`,
            "",
            msg`It names nobody, so you can share it with your governing body as it is.`,
            "",
            msg`— Accord at ${school.name}`,
          ],
        });
        sent++;
      }
    });
  }
  return sent;
}
