/**
 * A review as governors read it: when and why, who took part, the products in use, each check
 * with its answer written out (never a tick alone: it is photocopied), what was found, and the
 * actions with their owners, due dates and whether they are done.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { schools } from "../../db/schema.js";
import { londonDateTime } from "../../kernel/dates.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import type { Actor } from "../access/roles.js";
import { viewReview } from "./reviews.js";
import type { CheckKey, Trigger } from "./schema.js";
import { filteringStatus } from "./status.js";

const MARGIN = 50;

export const TRIGGER_NAMES: Record<Trigger, string> = {
  annual: "Annual review",
  new_technology: "New technology",
  incident: "After an incident",
  risk_change: "A change in risk or working practice",
};

export const CHECK_NAMES: Record<CheckKey, string> = {
  categories_blocked: "The categories of content blocked",
  bypass_attempts: "How attempts to get round the filter come to light",
  alert_recipients: "Who receives monitoring alerts, and how quickly",
  devices_and_users: "The devices and users covered, guests included",
  personal_devices: "Personal and mobile devices",
  generative_ai: "Generative AI tools",
  send_and_eal: "The needs of pupils with SEND or EAL",
};

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

export async function reviewPdf(db: DbOrTx, actor: Actor, id: string) {
  const review = await viewReview(db, actor, id);
  const status = await filteringStatus(db, actor);
  const [school] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const schoolName = school?.name ?? "";
  const { doc, done, use } = newPdfDocument(
    `Filtering and monitoring review, ${longDate(review.reviewedOn)}`,
    schoolName,
    "portrait",
    MARGIN,
  );
  doc.addPage();
  const width = doc.page.width - MARGIN * 2;
  const heading = (text: string) => {
    doc.moveDown(0.8);
    use("bold", 12, PDF_COLOUR.accent).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.2);
  };
  const line = (label: string, value: string) => {
    use("bold", 10).text(`${label}: `, MARGIN, doc.y, { width, continued: true });
    use("body", 10).text(value, { width });
  };

  use("bold", 11, PDF_COLOUR.muted).text(schoolName, MARGIN, MARGIN, { width });
  use("bold", 18, PDF_COLOUR.accent).text("Filtering and monitoring review", { width });
  use("body", 9, PDF_COLOUR.muted).text(`Printed ${londonDateTime(new Date())} for the governing board.`, {
    width,
  });
  doc.moveDown(0.6);
  line("Reviewed on", longDate(review.reviewedOn));
  line(
    "Prompted by",
    TRIGGER_NAMES[review.trigger] + (review.incident ? ` (incident ${review.incident.reference})` : ""),
  );
  line("Senior leader responsible", status.leader?.name ?? "Not named");
  line("Governor responsible", status.governor?.name ?? "Not named");
  if (review.recordedBy) line("Recorded by", review.recordedBy.name);

  heading("Who took part");
  const who = [...review.participants.map((p) => p.name), ...review.externalParticipants];
  use("body", 10).text(who.length ? who.join(", ") : "Not recorded", MARGIN, doc.y, { width });

  heading("Filtering and monitoring in use");
  use("body", 10).text(review.products.length ? review.products.join("\n") : "Not recorded", MARGIN, doc.y, {
    width,
  });

  heading("What was checked");
  for (const c of review.checks) {
    use("bold", 10).text(`${CHECK_NAMES[c.key]}: `, MARGIN, doc.y, { width, continued: true });
    use(c.checked ? "body" : "bold", 10, c.checked ? PDF_COLOUR.text : PDF_COLOUR.no).text(
      c.checked ? "checked" : "not checked",
      { width },
    );
    if (c.note) use("body", 9, PDF_COLOUR.muted).text(c.note, MARGIN + 12, doc.y, { width: width - 12 });
    doc.moveDown(0.2);
  }

  heading("What was found");
  use("body", 10).text(review.findings, MARGIN, doc.y, { width });

  heading("Actions");
  if (review.actions.length === 0) use("body", 10).text("No actions.", MARGIN, doc.y, { width });
  review.actions.forEach((a, i) => {
    use("bold", 10).text(`${i + 1}. ${a.text}`, MARGIN, doc.y, { width });
    const state = a.doneOn ? `done on ${longDate(a.doneOn)}` : a.overdue ? "open, past its due date" : "open";
    use("body", 9, a.overdue ? PDF_COLOUR.no : PDF_COLOUR.muted).text(
      `Owner: ${a.owner.name}. Due ${longDate(a.dueOn)}. ${state[0].toUpperCase()}${state.slice(1)}.`,
      MARGIN + 12,
      doc.y,
      { width: width - 12 },
    );
    doc.moveDown(0.3);
  });

  doc.moveDown(0.8);
  use("body", 9, PDF_COLOUR.muted).text(
    status.nextDueOn
      ? `The next review is due by ${longDate(status.nextDueOn)}.`
      : "The next review is due now.",
    MARGIN,
    doc.y,
    { width },
  );
  doc.end();
  return done;
}
