/**
 * Asking parents: one emailed link per carer with parental responsibility, covering all their
 * children in the request, lasting until the due date (never under 14 days). The carer answers
 * every child on one page; the link answers once, and afterwards only withdraws a yes (one
 * click, applied at once). One reminder goes a week before the link expires. Pupils who have
 * left are never asked; new pupils are asked automatically when the school turns that on.
 */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { consentLinks, schools } from "../../db/schema.js";
import { addDays, linkExpiry, todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, gone, notFound } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf, readersOf } from "../people/service.js";
import { recordAnswers, sha256 } from "./answers.js";
import { purposesByKeys, purposesOf } from "./purposes.js";
import { answersFor, carersOf, pupilsWhere, type Selection, selectionSql } from "./queries.js";
import type { LinkFormView, RequestInput } from "./schema.js";
import { basisText, wordingOf } from "./status.js";

/** Children's names as one phrase: "Gwen", "Gwen and Ifan" (in Welsh "Gwen a Ifan"). */
const namesTogether = (names: string[]) =>
  names.slice(1).reduce<Message | string>((list, name) => msg`${list} and ${name}`, names[0] ?? "");

/** Who a request reaches: each carer with parental responsibility and an email, with their children in it. */
async function planRequest(db: DbOrTx, schoolId: string, selection: Selection) {
  const pupils = await pupilsWhere(db, schoolId, selectionSql(selection));
  const carers = await carersOf(
    db,
    schoolId,
    pupils.map((p) => p.id),
  );
  const byCarer = new Map<string, { id: string; givenName: string; email: string; pupilIds: string[] }>();
  const reached = new Set<string>();
  for (const c of carers) {
    if (!c.parental_responsibility || !c.email) continue;
    const entry = byCarer.get(c.id) ?? { id: c.id, givenName: c.given_name, email: c.email, pupilIds: [] };
    entry.pupilIds.push(c.pupil_id);
    byCarer.set(c.id, entry);
    reached.add(c.pupil_id);
  }
  const unreachable = pupils
    .filter((p) => !reached.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, regGroup: p.reg_group }));
  return { pupils, carers: [...byCarer.values()], unreachable };
}

async function sendLinks(
  tx: Tx,
  actor: Actor,
  plan: Awaited<ReturnType<typeof planRequest>>,
  purposeKeys: string[],
  dueDate: string,
  publicUrl: string,
) {
  const [school] = await tx
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const names = new Map(plan.pupils.map((p) => [p.id, p.name]));
  const expiresAt = linkExpiry(dueDate);
  const readers = await readersOf(
    tx,
    actor.schoolId,
    plan.carers.map((c) => c.id),
  );
  for (const carer of plan.carers) {
    const { secret, hash } = newSecret();
    await tx.insert(consentLinks).values({
      schoolId: actor.schoolId,
      carerId: carer.id,
      pupilIds: carer.pupilIds,
      purposeKeys,
      tokenHash: hash,
      dueDate,
      expiresAt,
    });
    const children = namesTogether(carer.pupilIds.map((id) => names.get(id) ?? ""));
    await queueMail(tx, actor.schoolId, {
      to: carer.email,
      readers: readers(carer.id),
      subject: msg`Photos and videos at school: please answer for ${children}`,
      lines: [
        msg`Dear ${carer.givenName},`,
        "",
        msg`${school.name} asks whether we may use photos and videos of ${children}, and what for.`,
        msg`For each use you can say yes or no. Where we need your consent, no answer means no.`,
        "",
        msg`Please answer by ${{ date: expiresAt }} at this link (you do not need an account):`,
        `${publicUrl}/consent/answer/${secret}`,
        "",
        msg`You can change your mind and withdraw a yes at any time from the same link.`,
        msg`If you were not expecting this email, please contact the school office.`,
      ],
    });
  }
}

export async function requestConsent(
  db: Db,
  actor: Actor,
  input: RequestInput,
  publicUrl: string,
  dryRun: boolean,
) {
  if (input.dueDate < todayInLondon())
    throw badRequest(msg`The due date has passed.`, [
      { field: "dueDate", message: msg`Choose a date from today on.` },
    ]);
  const purposes = await purposesByKeys(db, actor.schoolId, input.purposeKeys);
  if (purposes.length === 0) throw conflict(msg`The school has no consent purposes to ask about.`);
  const plan = await planRequest(db, actor.schoolId, input);
  if (plan.pupils.length === 0)
    throw badRequest(msg`No pupils on the roll match that choice.`, [
      { field: "classes", message: msg`No pupils on the roll match that choice.` },
    ]);
  const result = { sent: plan.carers.length, pupils: plan.pupils.length, unreachable: plan.unreachable };
  if (dryRun) return result;
  await db.transaction(async (tx: Tx) => {
    await sendLinks(
      tx,
      actor,
      plan,
      purposes.map((p) => p.key),
      input.dueDate,
      publicUrl,
    );
    await recordEvent(tx, actor, {
      action: "consent.requested",
      entityType: "school",
      entityId: actor.schoolId,
      summary: {
        pupils: plan.pupils.length,
        links: plan.carers.length,
        unreachable: plan.unreachable.length,
      },
    });
  });
  return result;
}

async function linkByToken(db: DbOrTx, token: string) {
  const [link] = await db
    .select()
    .from(consentLinks)
    .where(eq(consentLinks.tokenHash, hashSecret(token)));
  if (!link) throw notFound(msg`link`);
  if (link.expiresAt < new Date() && !link.answeredAt)
    throw gone(msg`This link has expired. Please ask the school office for a new one.`);
  return link;
}

/** The form a carer sees: each child in the request still at school, each purpose, their own answers. */
export async function linkForm(db: DbOrTx, token: string): Promise<LinkFormView> {
  const link = await linkByToken(db, token);
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, link.schoolId));
  const pupils = await pupilsWhere(db, link.schoolId, sql`p.id = ANY(${sql.param(link.pupilIds)}::uuid[])`);
  const purposes = (await purposesOf(db, link.schoolId)).filter((p) => link.purposeKeys.includes(p.key));
  const answers = await answersFor(
    db,
    link.schoolId,
    pupils.map((p) => p.id),
  );
  const [carer] = await queryRows<{ name: string }>(
    db,
    sql`SELECT concat_ws(' ', coalesce(preferred_name, given_name), family_name) AS name FROM people WHERE id = ${link.carerId}`,
  );
  const yours = (pupilId: string, purposeId: string) =>
    answers
      .filter((a) => a.pupil_id === pupilId && a.purpose_id === purposeId && a.carer_id === link.carerId)
      .at(-1)?.answer ?? null;
  return {
    schoolName: school.name,
    carerName: carer?.name ?? "",
    dueDate: link.dueDate,
    answered: link.answeredAt !== null,
    children: pupils.map((p) => ({
      id: p.id,
      name: p.name,
      purposes: purposes.map((pu) => ({
        key: pu.key,
        name: pu.name,
        description: pu.description,
        basis: pu.basis,
        basisText: basisText(pu.basis),
        wordingSha256: sha256(wordingOf(pu)),
        yourAnswer: yours(p.id, pu.id),
      })),
    })),
  };
}

/**
 * A carer's answers through their link. The first time, any answers; afterwards only a "no"
 * (withdrawing a yes), so a forwarded or old link can never grant consent. The wording's hash
 * must match what is shown now: a form changed since the page loaded is answered again.
 */
export async function answerByLink(
  db: Db,
  token: string,
  input: { answers: { pupilId: string; purposeKey: string; answer: "yes" | "no"; wordingSha256: string }[] },
  meta: { ip: string | null },
  publicUrl: string,
) {
  return db.transaction(async (tx: Tx) => {
    const [link] = await tx
      .select()
      .from(consentLinks)
      .where(eq(consentLinks.tokenHash, hashSecret(token)))
      .for("update");
    if (!link) throw notFound(msg`link`);
    if (!link.answeredAt && link.expiresAt < new Date())
      throw gone(msg`This link has expired. Please ask the school office for a new one.`);
    if (link.answeredAt && input.answers.some((a) => a.answer === "yes"))
      throw conflict(
        msg`This link has been used to answer already; it can now only withdraw a yes. To say yes again, please ask the school office.`,
      );
    const purposes = (await purposesOf(tx, link.schoolId)).filter((p) => link.purposeKeys.includes(p.key));
    const pupils = await pupilsWhere(tx, link.schoolId, sql`p.id = ANY(${sql.param(link.pupilIds)}::uuid[])`);
    const carers = await carersOf(
      tx,
      link.schoolId,
      pupils.map((p) => p.id),
    );
    const [carerRow] = await queryRows<{ name: string }>(
      tx,
      sql`SELECT concat_ws(' ', coalesce(preferred_name, given_name), family_name) AS name FROM people WHERE id = ${link.carerId}`,
    );
    const actor: Actor = {
      ...systemActor(link.schoolId),
      personId: link.carerId,
      name: carerRow?.name ?? null,
      kinds: ["parent"],
      ip: meta.ip,
      via: "parent_link",
    };
    let recorded = 0;
    for (const pupil of pupils) {
      const mine = input.answers.filter((a) => a.pupilId === pupil.id);
      if (mine.length === 0) continue;
      // Parental responsibility is checked again now: it may have changed since the link went.
      if (!carers.some((c) => c.pupil_id === pupil.id && c.id === link.carerId && c.parental_responsibility))
        throw conflict(
          msg`The school's records no longer show you can answer for ${pupil.name}. Please contact the office.`,
        );
      const answers = mine.map((a) => {
        const purpose = purposes.find((p) => p.key === a.purposeKey);
        if (!purpose) throw badRequest(msg`This form does not ask about "${a.purposeKey}".`);
        if (sha256(wordingOf(purpose)) !== a.wordingSha256)
          throw conflict(
            msg`The school changed the wording since you opened the page. Please reload it and answer again.`,
          );
        return { purpose, answer: a.answer };
      });
      const rows = await recordAnswers(
        tx,
        actor,
        { pupil, carerId: link.carerId, method: "link", note: null, linkId: link.id, answers },
        publicUrl,
      );
      recorded += rows.length;
    }
    const strays = input.answers.filter((a) => !pupils.some((p) => p.id === a.pupilId));
    if (strays.length > 0) throw badRequest(msg`Some answers are for a child this link does not cover.`);
    if (!link.answeredAt)
      await tx.update(consentLinks).set({ answeredAt: new Date() }).where(eq(consentLinks.id, link.id));
    // The reference a carer quotes to the office: the link's own id, shortened.
    const reference = `C-${link.id.slice(0, 8).toUpperCase()}`;
    await emailReceipt(tx, link, pupils, purposes, input.answers, reference);
    return { recorded, reference };
  });
}

/**
 * The carer's own copy: what they answered, for whom, when, with the start of each wording's
 * SHA-256 so the school can show which words they answered.
 */
async function emailReceipt(
  tx: Tx,
  link: typeof consentLinks.$inferSelect,
  pupils: { id: string; name: string }[],
  purposes: Awaited<ReturnType<typeof purposesOf>>,
  answers: { pupilId: string; purposeKey: string; answer: "yes" | "no" }[],
  reference: string,
) {
  const [carer] = await queryRows<{ email: string | null; given: string }>(
    tx,
    sql`SELECT email, coalesce(preferred_name, given_name) AS given FROM people WHERE id = ${link.carerId}`,
  );
  if (!carer?.email) return;
  const lines = pupils.flatMap((p) => {
    const mine = answers.filter((a) => a.pupilId === p.id);
    if (mine.length === 0) return [];
    return [
      `${p.name}:`,
      ...mine.map((a) => {
        const purpose = purposes.find((pu) => pu.key === a.purposeKey);
        const hash = purpose ? sha256(wordingOf(purpose)).slice(0, 12) : "";
        const name = purpose?.name ?? a.purposeKey;
        return a.answer === "yes"
          ? msg`  - ${name}: Yes (wording ${hash})`
          : msg`  - ${name}: No (wording ${hash})`;
      }),
    ];
  });
  await queueMail(tx, link.schoolId, {
    to: carer.email,
    readers: await readerOf(tx, link.schoolId, link.carerId),
    subject: msg`Your answers about photos and videos (reference ${reference})`,
    lines: [
      msg`Dear ${carer.given},`,
      "",
      msg`Thank you. The school recorded these answers on ${{ dateTime: new Date() }}:`,
      "",
      ...lines,
      "",
      msg`You can withdraw a yes at any time from the link in the school's email, or by telling the school office.`,
      msg`Your reference: ${reference}`,
    ],
  });
}

/** A week before an unanswered link expires, its carer is reminded once. */
export async function remindUnanswered(db: Db, schoolId: string, publicUrl: string) {
  const now = new Date();
  const due = await db
    .select()
    .from(consentLinks)
    .where(
      and(
        eq(consentLinks.schoolId, schoolId),
        isNull(consentLinks.answeredAt),
        isNull(consentLinks.remindedAt),
        gt(consentLinks.expiresAt, now),
        lt(consentLinks.expiresAt, new Date(now.getTime() + 7 * 86_400_000)),
      ),
    );
  if (due.length === 0) return 0;
  await db.transaction(async (tx: Tx) => {
    for (const link of due) {
      const [carer] = await queryRows<{ email: string | null; given: string }>(
        tx,
        sql`SELECT email, coalesce(preferred_name, given_name) AS given FROM people WHERE id = ${link.carerId}`,
      );
      await tx.update(consentLinks).set({ remindedAt: now }).where(eq(consentLinks.id, link.id));
      if (!carer?.email) continue;
      // The link itself is not stored (only its hash), so the reminder sends a fresh one.
      const { secret, hash } = newSecret();
      await tx.update(consentLinks).set({ tokenHash: hash }).where(eq(consentLinks.id, link.id));
      await queueMail(tx, schoolId, {
        to: carer.email,
        readers: await readerOf(tx, schoolId, link.carerId),
        subject: msg`Reminder: photos and videos at school`,
        lines: [
          msg`Dear ${carer.given},`,
          "",
          msg`We have not yet had your answers about photos and videos. Where we need your consent, no answer means no.`,
          msg`Please answer by ${{ date: link.expiresAt }}: ${publicUrl}/consent/answer/${secret}`,
          msg`(This link replaces the one we sent before.)`,
        ],
      });
    }
    await recordEvent(tx, systemActor(schoolId), {
      action: "consent.reminder_sent",
      entityType: "school",
      entityId: schoolId,
      summary: { carers: due.length },
    });
  });
  return due.length;
}

/** Pupils who joined since the school turned on "ask new pupils" and whose carers were never asked. */
export async function askNewPupils(db: Db, schoolId: string, publicUrl: string) {
  const [settings] = await queryRows<{ since: Date | null }>(
    db,
    sql`SELECT ask_new_pupils_since AS since FROM consent_settings WHERE school_id = ${schoolId}`,
  );
  if (!settings?.since) return 0;
  const fresh = await queryRows<{ id: string }>(
    db,
    sql`SELECT p.id FROM people p
        WHERE p.school_id = ${schoolId} AND 'pupil' = ANY(p.kinds) AND p.created_at >= ${settings.since}
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
          AND NOT EXISTS (SELECT 1 FROM consent_links l WHERE l.school_id = ${schoolId} AND p.id = ANY(l.pupil_ids))`,
  );
  if (fresh.length === 0) return 0;
  const plan = await planRequest(db, schoolId, { pupilIds: fresh.map((p) => p.id) });
  if (plan.carers.length === 0) return 0;
  const purposes = await purposesOf(db, schoolId);
  const actor = systemActor(schoolId);
  await db.transaction(async (tx: Tx) => {
    await sendLinks(
      tx,
      actor,
      plan,
      purposes.map((p) => p.key),
      addDays(todayInLondon(), 14),
      publicUrl,
    );
    await recordEvent(tx, actor, {
      action: "consent.requested",
      entityType: "school",
      entityId: schoolId,
      summary: { pupils: plan.pupils.length, links: plan.carers.length, newPupils: true },
    });
  });
  return plan.carers.length;
}
