/**
 * Printed forms, for carers no link can reach (no email address, or none on record): the office
 * prints a form per child or a class batch, the carer signs it at home, and the office records
 * the answers here. The record is a signature like any other (insert-only, audited, counted in
 * compliance as covering the child), made by a member of staff on the carer's behalf: its mode
 * is "paper", and who recorded it and the date on the form are kept beside it (paper_forms).
 */
import { eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows } from "../../db/client.js";
import { paperForms, schools } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { fullNameSql } from "../../kernel/names.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { canRecordPaperForm } from "../access/signatures.js";
import { lockChain, recordEvent } from "../audit/service.js";
import { schoolReaders } from "../people/service.js";
import { renderPaperForms } from "./paper-form-pdf.js";
import { coverOf, planParentLinks } from "./parent-reach.js";
import { insertSignatureRow } from "./queries.js";
import { newSignature, presentSignature } from "./signatures.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { loadSubject } from "./subjects.js";

export type PaperFormInput = {
  childId: string;
  /** The carer on record who signed, when they are on record. */
  carerId?: string;
  /** The name the carer wrote on the form. */
  carerName: string;
  choices: Record<string, string>;
  /** The date written beside the signature. */
  signedOn: string;
  /** The hash of the text printed on the form: the text in force. */
  textSha256: string;
};

async function parentsSubject(db: Db, actor: Actor, subjectType: SubjectType, id: string) {
  const subject = await loadSubject(db, subjectType, actor.schoolId, id);
  if (!subject) throw notFound(SUBJECT_NOUNS[subjectType]);
  if (subject.audienceKind !== "parent")
    throw conflict(msg`Printed forms are for agreements addressed to parents and carers.`);
  if (!subject.inForce)
    throw conflict(msg`This agreement has been replaced by a newer one; use that one's forms instead.`);
  return subject;
}

/** The children in view still to be covered, each with their carers: whom a form may be recorded for. */
export async function paperFormOptions(db: Db, actor: Actor, subjectType: SubjectType, id: string) {
  const subject = await parentsSubject(db, actor, subjectType, id);
  const plan = await planParentLinks(db, subject);
  const unreachable = new Set([
    ...plan.unreachableChildren.map((c) => c.id),
    ...plan.carersWithoutEmail.flatMap((c) => c.children.map((k) => k.id)),
  ]);
  return {
    children: plan.openChildren.map((c) => ({ ...c, needsPaper: unreachable.has(c.id) })),
    regGroups: [
      ...new Set(plan.openChildren.map((c) => c.regGroup).filter((g): g is string => Boolean(g))),
    ].sort(),
  };
}

/**
 * The printed forms: for one child, for a class's children still to be covered, or (neither
 * given) for every child a link cannot reach. They go home to families, so their own words are in
 * the school's language for families (English, Welsh, or both), whoever prints them.
 */
export async function paperFormsPdf(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  id: string,
  which: { childId?: string; regGroup?: string },
) {
  const subject = await parentsSubject(db, actor, subjectType, id);
  const { children } = await paperFormOptions(db, actor, subjectType, id);
  let chosen = which.childId
    ? children.filter((c) => c.id === which.childId)
    : which.regGroup
      ? children.filter((c) => c.regGroup === which.regGroup)
      : children.filter((c) => c.needsPaper);
  if (which.childId && chosen.length === 0) {
    // A child already covered, or not in view, still gets a blank form if they are a pupil here.
    const [child] = await childOf(db, actor.schoolId, which.childId);
    if (!child) throw notFound(msg`pupil`);
    chosen = [{ id: child.id, name: child.name, regGroup: child.reg_group, carers: [], needsPaper: true }];
  }
  if (chosen.length === 0)
    throw notFound(
      which.regGroup
        ? msg`class ${which.regGroup} with children still to sign`
        : msg`child needing a printed form`,
    );
  const [school] = await db
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const text = subject.text;
  const readers = await schoolReaders(db, actor.schoolId);
  return renderPaperForms(
    {
      schoolName: school.name,
      agreementTitle: text.title,
      policyTitle: text.policyTitle,
      versionNumber: text.versionNumber,
      statements: text.statements,
      declaration: text.declaration,
      choices: text.choices.map((c) => ({ label: c.label, options: c.options })),
      textSha256: subject.textSha256,
      pages: chosen.map((c) => ({
        childName: c.name,
        regGroup: c.regGroup,
        carers: c.carers.map((k) => k.name),
      })),
    },
    readers,
  );
}

async function childOf(db: DbOrTx, schoolId: string, childId: string) {
  return queryRows<{ id: string; name: string; reg_group: string | null }>(
    db,
    sql`SELECT c.id, ${fullNameSql(sql`coalesce(c.preferred_name, c.given_name)`, sql`c.family_name`)} AS name, c.reg_group
        FROM people c WHERE c.school_id = ${schoolId} AND c.id = ${childId} AND 'pupil' = ANY(c.kinds)
          AND (c.leave_date IS NULL OR c.leave_date > now()::date)`,
  );
}

/** Record a printed form a carer signed: a signature in mode "paper", once per child unless withdrawn. */
export async function recordPaperForm(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  id: string,
  input: PaperFormInput,
  ctx: { ip: string | null; userAgent: string | null },
) {
  return db.transaction(async (tx) => {
    // The chain lock first, as every signature writer takes it: a link signature and a paper
    // form for the same child arriving together are decided one after the other.
    await lockChain(tx, actor.schoolId);
    const subject = await loadSubject(tx, subjectType, actor.schoolId, id);
    if (!subject) throw notFound(SUBJECT_NOUNS[subjectType]);
    if (!canRecordPaperForm(actor, subject))
      throw forbidden(msg`Only the school office records printed forms.`);
    if (subject.audienceKind !== "parent")
      throw conflict(msg`Printed forms are for agreements addressed to parents and carers.`);
    const [child] = await childOf(tx, actor.schoolId, input.childId);
    if (!child)
      throw badRequest(msg`That child is not a pupil at the school now.`, [
        { field: "childId", message: msg`Choose a pupil at the school.` },
      ]);
    if (input.signedOn > todayInLondon())
      throw badRequest(msg`The date on the form cannot be in the future.`, [
        { field: "signedOn", message: msg`Use the date written on the form.` },
      ]);
    if (input.carerId) {
      const [carer] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT pc.contact_id AS id FROM pupil_contacts pc WHERE pc.school_id = ${actor.schoolId}
            AND pc.pupil_id = ${child.id} AND pc.contact_id = ${input.carerId} AND pc.parental_responsibility`,
      );
      if (!carer)
        throw badRequest(
          msg`That person does not hold parental responsibility for ${child.name} in Accord.`,
          [{ field: "carerId", message: msg`Choose a carer with parental responsibility.` }],
        );
    }
    const by = (await coverOf(tx, subject, [child.id])).get(child.id);
    if (by)
      throw conflict(
        msg`${by} has already signed this for ${child.name}. Withdraw that signature first if this form replaces it.`,
      );
    const { row, event } = newSignature(
      actor,
      subject,
      { fullName: input.carerName, choices: input.choices, textSha256: input.textSha256 },
      {
        authMethod: "paper",
        personId: input.carerId ?? null,
        onBehalfOfId: child.id,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      },
    );
    await insertSignatureRow(tx, row);
    await tx.insert(paperForms).values({
      signatureId: row.id,
      schoolId: actor.schoolId,
      recordedBy: actor.personId!,
      signedOn: input.signedOn,
    });
    await recordEvent(tx, actor, {
      ...event,
      action: `${subjectType}.paper_form_recorded`,
      summary: { ...event.summary, child: child.name, signedOn: input.signedOn, recordedBy: actor.name },
    });
    return { ...presentSignature(row), signedOn: input.signedOn, recordedBy: actor.name ?? "" };
  });
}
