/**
 * A review as governors read it: when and why, who took part, the products in use, each check
 * with its answer written out (never a tick alone: it is photocopied), what was found, and the
 * actions with their owners, due dates and whether they are done. In the language of whoever
 * prints it (their screen's); what the review recorded is printed as it was written.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { dateIn, type Language, type Message, msg, say } from "../../kernel/i18n/index.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { viewReview } from "./reviews.js";
import type { CheckKey, Trigger } from "./schema.js";
import { filteringStatus } from "./status.js";

const MARGIN = 50;

export const TRIGGER_MESSAGES: Record<Trigger, Message> = {
  annual: msg`Annual review`,
  new_technology: msg`New technology`,
  incident: msg`After an incident`,
  risk_change: msg`A change in risk or working practice`,
};

/** The triggers' English names (the inspection report's table). */
export const TRIGGER_NAMES = Object.fromEntries(
  Object.entries(TRIGGER_MESSAGES).map(([key, message]) => [key, say("en-GB", message)]),
) as Record<Trigger, string>;

export const CHECK_NAMES: Record<CheckKey, Message> = {
  categories_blocked: msg`The categories of content blocked`,
  bypass_attempts: msg`How attempts to get round the filter come to light`,
  alert_recipients: msg`Who receives monitoring alerts, and how quickly`,
  devices_and_users: msg`The devices and users covered, guests included`,
  personal_devices: msg`Personal and mobile devices`,
  generative_ai: msg`Generative AI tools`,
  send_and_eal: msg`The needs of pupils with SEND or EAL`,
};

/** A calendar day ("2026-12-03") as a date `dateIn` writes: midday, so London time keeps the day. */
const day = (iso: string) => ({ date: new Date(`${iso}T12:00:00Z`) });

export async function reviewPdf(db: DbOrTx, actor: Actor, id: string, language: Language = "en-GB") {
  const t = (message: Message) => say(language, message);
  const review = await viewReview(db, actor, id);
  const status = await filteringStatus(db, actor);
  const [school] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const schoolName = school?.name ?? "";
  const { doc, done, use } = newPdfDocument(
    t(msg`Filtering and monitoring review, ${day(review.reviewedOn)}`),
    schoolName,
    "portrait",
    MARGIN,
  );
  doc.addPage();
  const width = doc.page.width - MARGIN * 2;
  const heading = (text: Message) => {
    doc.moveDown(0.8);
    use("bold", 12, PDF_COLOUR.accent).text(t(text), MARGIN, doc.y, { width });
    doc.moveDown(0.2);
  };
  const line = (label: Message, value: string) => {
    use("bold", 10).text(`${t(label)}: `, MARGIN, doc.y, { width, continued: true });
    use("body", 10).text(value, { width });
  };

  use("bold", 11, PDF_COLOUR.muted).text(schoolName, MARGIN, MARGIN, { width });
  use("bold", 18, PDF_COLOUR.accent).text(t(msg`Filtering and monitoring review`), { width });
  use("body", 9, PDF_COLOUR.muted).text(
    t(msg`Printed ${{ dateTime: new Date() }} for the governing board.`),
    {
      width,
    },
  );
  doc.moveDown(0.6);
  line(msg`Reviewed on`, dateIn(language, day(review.reviewedOn).date));
  const trigger = TRIGGER_MESSAGES[review.trigger];
  line(
    msg`Prompted by`,
    t(review.incident ? msg`${trigger} (incident ${review.incident.reference})` : trigger),
  );
  line(msg`Senior leader responsible`, status.leader?.name ?? t(msg`Not named`));
  line(msg`Governor responsible`, status.governor?.name ?? t(msg`Not named`));
  if (review.recordedBy) line(msg`Recorded by`, review.recordedBy.name);

  heading(msg`Who took part`);
  const who = [...review.participants.map((p) => p.name), ...review.externalParticipants];
  use("body", 10).text(who.length ? who.join(", ") : t(msg`Not recorded`), MARGIN, doc.y, { width });

  heading(msg`Filtering and monitoring in use`);
  use("body", 10).text(
    review.products.length ? review.products.join("\n") : t(msg`Not recorded`),
    MARGIN,
    doc.y,
    { width },
  );

  heading(msg`What was checked`);
  for (const c of review.checks) {
    use("bold", 10).text(`${t(CHECK_NAMES[c.key])}: `, MARGIN, doc.y, { width, continued: true });
    use(c.checked ? "body" : "bold", 10, c.checked ? PDF_COLOUR.text : PDF_COLOUR.no).text(
      t(c.checked ? msg`checked` : msg`not checked`),
      { width },
    );
    if (c.note) use("body", 9, PDF_COLOUR.muted).text(c.note, MARGIN + 12, doc.y, { width: width - 12 });
    doc.moveDown(0.2);
  }

  heading(msg`What was found`);
  use("body", 10).text(review.findings, MARGIN, doc.y, { width });

  heading(msg`Actions`);
  if (review.actions.length === 0) use("body", 10).text(t(msg`No actions.`), MARGIN, doc.y, { width });
  review.actions.forEach((a, i) => {
    use("bold", 10).text(`${i + 1}. ${a.text}`, MARGIN, doc.y, { width });
    const owner = a.owner.name;
    const due = day(a.dueOn);
    const state = a.doneOn
      ? msg`Owner: ${owner}. Due ${due}. Done on ${day(a.doneOn)}.`
      : a.overdue
        ? msg`Owner: ${owner}. Due ${due}. Open, past its due date.`
        : msg`Owner: ${owner}. Due ${due}. Open.`;
    use("body", 9, a.overdue ? PDF_COLOUR.no : PDF_COLOUR.muted).text(t(state), MARGIN + 12, doc.y, {
      width: width - 12,
    });
    doc.moveDown(0.3);
  });

  doc.moveDown(0.8);
  use("body", 9, PDF_COLOUR.muted).text(
    t(
      status.nextDueOn
        ? msg`The next review is due by ${day(status.nextDueOn)}.`
        : msg`The next review is due now.`,
    ),
    MARGIN,
    doc.y,
    { width },
  );
  doc.end();
  return done;
}
