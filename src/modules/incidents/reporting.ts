/**
 * Reporting a concern: anyone signed in, from a phone, in under a minute. The report is routed
 * at once (routing.ts) to the people holding the roles it goes to, who are emailed a link and the
 * category only: never names, never details (an email is forwarded, printed, read over a shoulder).
 */
import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { incidentEntries, incidentHandlers, incidentPeople, incidents } from "../../db/schema.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import type { Actor, Role } from "../access/roles.js";
import { bindRecord, recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { icoDeadlineOf, routeFor } from "./routing.js";
import type { Category, ReportInput } from "./schema.js";

export const CATEGORY_NAMES: Record<Category, string> = {
  inappropriate_content: "Inappropriate content accessed",
  filtering_breach: "Filtering breach or bypass",
  cyberbullying: "Cyberbullying",
  inappropriate_contact: "Inappropriate contact with a child",
  nude_image_sharing: "Sharing of nudes or semi-nudes",
  radicalisation: "Radicalisation concern",
  harmful_challenge: "Misinformation or a harmful online challenge",
  gambling_or_scam: "Online gambling or scam",
  staff_misuse: "Staff misuse of technology",
  data_breach: "Data loss or breach",
  lost_or_stolen_device: "Lost or stolen device",
  other: "Other online-safety concern",
};

/** The same names as sentences of their own, for what the server writes (the handlers' emails). */
const CATEGORY_MESSAGES: Record<Category, Message> = {
  inappropriate_content: msg`Inappropriate content accessed`,
  filtering_breach: msg`Filtering breach or bypass`,
  cyberbullying: msg`Cyberbullying`,
  inappropriate_contact: msg`Inappropriate contact with a child`,
  nude_image_sharing: msg`Sharing of nudes or semi-nudes`,
  radicalisation: msg`Radicalisation concern`,
  harmful_challenge: msg`Misinformation or a harmful online challenge`,
  gambling_or_scam: msg`Online gambling or scam`,
  staff_misuse: msg`Staff misuse of technology`,
  data_breach: msg`Data loss or breach`,
  lost_or_stolen_device: msg`Lost or stolen device`,
  other: msg`Other online-safety concern`,
};

/** People on the roll holding any of these roles, except whoever the allegation is about. */
export async function holdersOf(
  tx: Db | Tx,
  schoolId: string,
  roles: readonly Role[],
  except: string | null,
) {
  if (roles.length === 0) return [];
  return queryRows<{ id: string; email: string | null }>(
    tx,
    sql`SELECT DISTINCT p.id, p.email FROM role_assignments r JOIN people p ON p.id = r.person_id
        WHERE r.school_id = ${schoolId} AND r.role = ANY(${sql.param([...roles])}::text[])
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
          AND p.id IS DISTINCT FROM ${except}`,
  );
}

/** The email a handler gets: where to look, and the kind of concern. Nothing else. */
export async function notifyHandlers(
  tx: Tx,
  schoolId: string,
  handlers: { id: string; email: string | null }[],
  incident: { id: string; reference: string; category: Category },
  publicUrl: string,
  escalated = false,
) {
  const readers = await readersOf(
    tx,
    schoolId,
    handlers.map((h) => h.id),
  );
  return Promise.all(
    handlers
      .filter((h) => h.email)
      .map((h) =>
        queueMail(tx, schoolId, {
          to: h.email as string,
          readers: readers(h.id),
          subject: escalated
            ? msg`Not yet opened: online-safety concern ${incident.reference}`
            : msg`online-safety concern ${incident.reference}`,
          lines: [
            escalated
              ? msg`A concern reported to colleagues has not been opened yet, so it now comes to you as well.`
              : msg`A concern has been reported to you in Accord.`,
            "",
            msg`Kind of concern: ${CATEGORY_MESSAGES[incident.category]}`,
            msg`Open it here (sign in first): ${publicUrl}/incidents/${incident.id}`,
            "",
            msg`For the child's safety this email holds no names or details.`,
          ],
        }),
      ),
  );
}

async function nextReference(tx: Tx, schoolId: string, at: Date) {
  // One report at a time per school takes the next number (held until the transaction ends).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`incident:${schoolId}`}))`);
  const year = at.getUTCFullYear();
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM incidents WHERE school_id = ${schoolId} AND reference LIKE ${`INC-${year}-%`}`,
  );
  return `INC-${year}-${String(n + 1).padStart(4, "0")}`;
}

export async function reportIncident(
  db: Db,
  actor: Actor,
  input: ReportInput,
  publicUrl: string,
  from?: { alertId: string },
) {
  const occurredAt = new Date(input.occurredAt);
  const awareAt = input.awareAt ? new Date(input.awareAt) : new Date();
  const now = new Date();
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000)
    throw badRequest(msg`When it happened is in the future.`, [
      { field: "occurredAt", message: msg`When it happened cannot be in the future.` },
    ]);
  if (awareAt.getTime() < occurredAt.getTime() - 60_000)
    throw badRequest(msg`You became aware of it before it happened.`, [
      { field: "awareAt", message: msg`You cannot have become aware of it before it happened.` },
    ]);
  const named = [
    ...new Set([
      ...(input.involvedPersonIds ?? []),
      ...(input.subjectPersonId ? [input.subjectPersonId] : []),
    ]),
  ];
  const found = named.length
    ? await queryRows<{ id: string; head: boolean }>(
        db,
        sql`SELECT p.id, EXISTS (SELECT 1 FROM role_assignments r WHERE r.person_id = p.id AND r.role = 'headteacher') AS head
            FROM people p WHERE p.school_id = ${actor.schoolId} AND p.id = ANY(${sql.param(named)}::uuid[])`,
      )
    : [];
  if (found.length !== named.length)
    throw badRequest(msg`Someone picked is not in the school's directory.`, [
      { field: "involvedPersonIds", message: msg`Someone picked is not in the school's directory.` },
    ]);
  const subject = input.subjectPersonId ? found.find((f) => f.id === input.subjectPersonId) : null;
  let roles = routeFor(input.category, subject ? { aboutHeadteacher: subject.head } : null);

  return db.transaction(async (tx: Tx) => {
    let handlers = await holdersOf(tx, actor.schoolId, roles, subject?.id ?? null);
    // Nobody holds the role (a new school, a vacancy): the headteacher, or failing that the
    // chair, so a concern never lands on nobody.
    for (const fallback of [["headteacher"], ["chair_of_governors"], ["school_admin"]] as Role[][]) {
      if (handlers.length > 0) break;
      roles = fallback;
      handlers = await holdersOf(tx, actor.schoolId, roles, subject?.id ?? null);
    }
    const reference = await nextReference(tx, actor.schoolId, now);
    const icoDeadline = input.category === "data_breach" ? icoDeadlineOf(awareAt) : null;
    const [row] = await tx
      .insert(incidents)
      .values({
        schoolId: actor.schoolId,
        reference,
        category: input.category,
        occurredAt,
        awareAt,
        location: input.location || null,
        summary: input.summary,
        actionsTaken: input.actionsTaken || null,
        involvedDescribed: input.involvedDescribed || null,
        reporterId: actor.personId,
        subjectPersonId: subject?.id ?? null,
        routedRoles: roles,
        icoDeadline,
      })
      .returning();
    const involved = (input.involvedPersonIds ?? []).filter((id) => id !== subject?.id);
    if (involved.length)
      await tx.insert(incidentPeople).values(
        [...new Set(involved)].map((personId) => ({
          schoolId: actor.schoolId,
          incidentId: row.id,
          personId,
        })),
      );
    if (handlers.length)
      await tx.insert(incidentHandlers).values(
        handlers.map((h) => ({
          schoolId: actor.schoolId,
          incidentId: row.id,
          personId: h.id,
          why: "routed" as const,
        })),
      );
    const [entry] = await tx
      .insert(incidentEntries)
      .values({
        schoolId: actor.schoolId,
        incidentId: row.id,
        kind: "reported",
        text: from ? "Reported from a monitoring alert." : "Reported.",
        authorId: actor.personId,
      })
      .returning();
    await notifyHandlers(tx, actor.schoolId, handlers, row, publicUrl);
    await recordEvent(tx, actor, {
      action: "incident.reported",
      entityType: "incident",
      entityId: row.id,
      // The category and reference only: the audit log is read by admins and the DPO.
      summary: { name: reference, category: input.category, routedTo: roles.join(", ") },
      records: [bindRecord("incident_entry", entry)],
    });
    return {
      id: row.id,
      reference,
      routedTo: roles,
      ...(icoDeadline ? { icoDeadline: icoDeadline.toISOString() } : {}),
    };
  });
}

/**
 * Adults to name as the subject of an allegation: staff, supply, volunteers and governors, by name
 * and job title only. Any member may search (they report concerns); nothing else is shown.
 */
export async function adultsNamed(db: Db, schoolId: string, q: string) {
  const term = q.trim();
  if (term.length < 2) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: string; name: string; jobTitle: string | null }>(
    db,
    sql`SELECT p.id, concat_ws(' ', coalesce(p.preferred_name, p.given_name), p.family_name) AS name, p.job_title AS "jobTitle"
        FROM people p
        WHERE p.school_id = ${schoolId} AND p.kinds && ARRAY['staff','supply','student_teacher','volunteer','governor']::text[]
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
          AND concat_ws(' ', p.preferred_name, p.given_name, p.family_name) ILIKE ${like}
        ORDER BY p.family_name, p.given_name LIMIT 20`,
  );
}
