import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { people, schools, signatures, signingLinks } from "../../db/schema.js";
import { linkExpiry } from "../../kernel/dates.js";
import { type Language, msg } from "../../kernel/i18n/index.js";
import { fullNameSql } from "../../kernel/names.js";
import { conflict, gone, notFound } from "../../kernel/problem.js";
import { hashSecret, newSecret } from "../../kernel/secrets.js";
import { type Actor, systemActor } from "../access/roles.js";
import { bindRecord, lockChain, recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf, readersOf, setPersonLanguage } from "../people/service.js";
import { invalidLink } from "./device-codes.js";
import { childrenInCareOf, coverOf, planParentLinks, type ReachPlan } from "./parent-reach.js";
import {
  insertSignature,
  newReference,
  presentSignature,
  type SignatureBody,
  tellAdmins,
} from "./signatures.js";
import type { SubjectType } from "./subject-types.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { loadSubject, ownerOf, type Subject } from "./subjects.js";

// How long a parent link lasts (until the due date, never under a fortnight) is kernel/dates.ts:
// photo-consent links follow the same rule.
export { linkExpiry };

/** What the admin sees before sending, and after: links that go, and who needs a printed form. */
function presentPlan(plan: ReachPlan, sent: number) {
  return {
    sent,
    carersWithoutEmail: plan.carersWithoutEmail,
    unreachableChildren: plan.unreachableChildren,
    withoutResponsibility: plan.withoutResponsibility,
  };
}

/**
 * Email each assigned carer with parental responsibility a single-use link: one per child, or
 * one for the family, as the agreement says. Carers have no account; the link is their identity
 * for this one signature. A dry run sends nothing and says who would get one and who would not
 * (parent-reach.ts).
 */
export async function sendParentLinks(
  db: Db,
  actor: Actor,
  subjectType: SubjectType,
  agreementId: string,
  publicUrl: string,
  /** Count the links that would go, send none (the confirmation says how many). */
  dryRun = false,
  /** Only the links for this child (a pupil's device agreement asks one family). */
  onlyChildId?: string,
) {
  return db.transaction(async (tx) => {
    const owner = ownerOf(subjectType);
    const agreement = await owner.load(tx, actor.schoolId, agreementId);
    if (!agreement) throw notFound(SUBJECT_NOUNS[subjectType]);
    if (agreement.audienceKind !== "parent")
      throw conflict(msg`Signing links are for agreements addressed to parents and carers.`);
    if (!agreement.inForce)
      throw conflict(msg`This agreement has been replaced by a newer one; send links for that instead.`);
    const planned = await planParentLinks(tx, agreement);
    const plan = onlyChildId
      ? {
          ...planned,
          // Per child, that child's links; per family, the families the child belongs to.
          links: planned.links.filter((l) =>
            l.child.id
              ? l.child.id === onlyChildId
              : (l.carer as { children?: { id: string }[] }).children?.some((c) => c.id === onlyChildId),
          ),
        }
      : planned;
    if (dryRun) return presentPlan(plan, plan.links.length);
    const [school] = await tx.select().from(schools).where(eq(schools.id, actor.schoolId));
    const readers = await readersOf(
      tx,
      actor.schoolId,
      plan.links.map((l) => l.carer.id),
    );
    for (const { carer, child } of plan.links) {
      // A new link replaces any unused earlier one for the same child, so only one can sign.
      await tx
        .update(signingLinks)
        .set({ expiresAt: new Date() })
        .where(
          and(
            eq(signingLinks.subjectType, subjectType),
            eq(signingLinks.subjectId, agreementId),
            eq(signingLinks.parentId, carer.id),
            child.id ? eq(signingLinks.childId, child.id) : isNull(signingLinks.childId),
            isNull(signingLinks.signatureId),
          ),
        );
      const { secret, hash } = newSecret();
      const expiresAt = linkExpiry(carer.dueDate);
      await tx.insert(signingLinks).values({
        schoolId: actor.schoolId,
        subjectType,
        subjectId: agreementId,
        parentId: carer.id,
        childId: child.id,
        tokenHash: hash,
        expiresAt,
      });
      const reader = readers(carer.id);
      await queueMail(tx, actor.schoolId, {
        to: carer.email!,
        readers: reader,
        subject: child.name
          ? msg`Please read and sign: ${agreement.title} (${child.name})`
          : msg`Please read and sign: ${agreement.title}`,
        lines: [
          msg`Dear ${carer.givenName},`,
          "",
          child.name
            ? msg`${school.name} asks you to read and sign "${agreement.title}" for ${child.name}.`
            : msg`${school.name} asks you to read and sign "${agreement.title}".`,
          "",
          msg`Open this link to read it and sign (it works once and expires at the end of ${{ date: expiresAt }}):`,
          `${publicUrl}/sign/${secret}`,
          "",
          msg`You do not need an account. If you were not expecting this email, please contact the school office.`,
        ],
      });
    }
    await recordEvent(tx, actor, {
      action: `${subjectType}.parent_links_sent`,
      entityType: subjectType,
      entityId: agreementId,
      summary: {
        title: agreement.title,
        links: plan.links.length,
        carersWithoutEmail: plan.carersWithoutEmail.length,
        unreachableChildren: plan.unreachableChildren.length,
      },
    });
    return presentPlan(plan, plan.links.length);
  });
}

/** The subject in force for a link sent on an earlier version (a new policy version moves it on). */
async function inForceFor(db: DbOrTx, link: typeof signingLinks.$inferSelect) {
  const agreement = await ownerOf(link.subjectType).inForce(db, link.schoolId, link.subjectId);
  if (!agreement) throw gone(msg`The school has withdrawn this agreement. Please contact the school office.`);
  return agreement;
}

/**
 * Who has already signed for this child (per child) or for every one of this carer's children
 * (per family), if anyone: one signature per child or per family, whichever carer gives it, on
 * paper or by link. Withdrawn signatures do not count. "no children": a per-family link for a
 * carer with parental responsibility for no child at the school now.
 */
async function signedAlreadyBy(
  tx: DbOrTx,
  agreement: Pick<Subject, "id" | "schoolId" | "type" | "parentMode">,
  parentId: string,
  childId: string | null,
) {
  const children = childId
    ? [childId]
    : (await childrenInCareOf(tx, agreement.schoolId, parentId)).map((c) => c.id);
  if (children.length === 0) return "no children" as const;
  const cover = await coverOf(
    tx,
    { ...agreement, parentMode: childId ? "per_child" : "per_family" },
    children,
  );
  const by = children.map((c) => cover.get(c));
  return by.every(Boolean) ? by[0]! : null;
}

async function openLink(db: Db, token: string) {
  const [row] = await db
    .select({ link: signingLinks })
    .from(signingLinks)
    .where(eq(signingLinks.tokenHash, hashSecret(token)));
  const agreement =
    row && (await loadSubject(db, row.link.subjectType, row.link.schoolId, row.link.subjectId));
  if (!row || !agreement) throw invalidLink();
  return { link: row.link, agreement };
}

async function nameOf(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [p] = await db
    .select({
      name: fullNameSql(sql`coalesce(${people.preferredName}, ${people.givenName})`, people.familyName),
    })
    .from(people)
    .where(eq(people.id, id));
  return p?.name ?? null;
}

/**
 * What the link shows: the form, or, once used, only that it was answered and when. A link lives
 * on in an inbox, a forwarded email or a shared computer's history: once used it names nobody and
 * shows no answers (decision 027). The parent's copy is the receipt emailed to them.
 */
export async function describeLink(db: Db, token: string) {
  const { link, agreement } = await openLink(db, token);
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, link.schoolId));
  if (link.signatureId) {
    const [s] = await db
      .select({ kind: signatures.kind, signedAt: signatures.signedAt })
      .from(signatures)
      .where(eq(signatures.id, link.signatureId));
    return {
      schoolName: school.name,
      state: s.kind === "declined" ? ("declined" as const) : ("signed" as const),
      agreementTitle: agreement.title,
      answeredAt: s.signedAt.toISOString(),
    };
  }
  const base = {
    schoolName: school.name,
    parentName: await nameOf(db, link.parentId),
    childName: await nameOf(db, link.childId),
  };
  if (link.expiresAt.getTime() <= Date.now())
    throw gone(msg`This link has expired. Please ask the school office for a new one.`);
  const inForce = await inForceFor(db, link);
  return { ...base, state: "open" as const, agreement: inForce.shown };
}

/**
 * The link, locked, if it can still be answered (signed or declined): not used, not expired, the
 * parent still linked to the child, and nobody else has already signed for the child or family.
 * Answers with the agreement in force, which may be newer than the one the link was sent for.
 */
async function usableLink(tx: Tx, token: string) {
  const [row] = await tx
    .select({ link: signingLinks })
    .from(signingLinks)
    .where(eq(signingLinks.tokenHash, hashSecret(token)))
    .for("update");
  if (!row) throw invalidLink();
  if (row.link.signatureId)
    throw gone(msg`This link has already been used. What you gave is on the link's page.`);
  if (row.link.expiresAt.getTime() <= Date.now())
    throw gone(msg`This link has expired. Please ask the school office for a new one.`);
  // The link is only as good as the relationship behind it: re-check it now, not just when sent.
  const [still] = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.id, row.link.parentId),
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > now()::date)`,
        row.link.childId
          ? sql`EXISTS (SELECT 1 FROM pupil_contacts pc JOIN people c ON c.id = pc.pupil_id WHERE pc.contact_id = ${row.link.parentId} AND pc.pupil_id = ${row.link.childId} AND pc.parental_responsibility AND (c.leave_date IS NULL OR c.leave_date > now()::date))`
          : sql`true`,
      ),
    );
  if (!still) throw gone(msg`This link can no longer be used. Please contact the school office.`);
  const agreement = await inForceFor(tx, row.link);
  const already = await signedAlreadyBy(tx, agreement, row.link.parentId, row.link.childId);
  if (already === "no children")
    throw gone(
      msg`This link is for a family with no child at the school now. Please contact the school office.`,
    );
  if (already)
    throw conflict(
      row.link.childId
        ? msg`${already} has already signed this for ${(await nameOf(tx, row.link.childId)) ?? "this child"}: one signature is needed.`
        : msg`${already} has already signed this for your family: one signature is needed.`,
    );
  return { link: row.link, agreement };
}

/** A parent declines through their link, saying why; the school's admins are told. */
export async function declineByLink(
  db: Db,
  token: string,
  reason: string,
  ctx: { ip: string | null; userAgent: string | null },
) {
  return db.transaction(async (tx) => {
    // The chain lock first, as for every signature writer: decided one after another.
    const [found] = await tx
      .select({ schoolId: signingLinks.schoolId })
      .from(signingLinks)
      .where(eq(signingLinks.tokenHash, hashSecret(token)));
    if (!found) throw invalidLink();
    await lockChain(tx, found.schoolId);
    const { link, agreement } = await usableLink(tx, token);
    const parentName = (await nameOf(tx, link.parentId)) ?? "A parent or carer";
    const childName = await nameOf(tx, link.childId);
    const actor: Actor = {
      ...systemActor(link.schoolId),
      personId: link.parentId,
      name: parentName,
      ip: ctx.ip,
      via: "parent_link",
    };
    const id = randomUUID();
    const eventId = randomUUID();
    const [row] = await tx
      .insert(signatures)
      .values({
        id,
        schoolId: link.schoolId,
        subjectType: agreement.type,
        subjectId: agreement.id,
        kind: "declined",
        personId: link.parentId,
        onBehalfOfId: link.childId,
        fullName: parentName,
        reason,
        textSha256: agreement.textSha256,
        authMethod: "parent_link",
        signedAt: new Date(),
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
        auditEventId: eventId,
        verificationRef: newReference(),
      })
      .returning();
    await recordEvent(tx, actor, {
      id: eventId,
      action: `${agreement.type}.declined`,
      entityType: agreement.type,
      entityId: agreement.id,
      summary: {
        title: agreement.title,
        reason,
        signatureId: id,
        onBehalfOf: link.childId,
        authMethod: "parent_link",
      },
      records: [bindRecord("signature", row)],
    });
    await tx.update(signingLinks).set({ signatureId: row.id }).where(eq(signingLinks.id, link.id));
    await tellAdmins(tx, link.schoolId, {
      subject: msg`Agreement declined: ${agreement.title}`,
      lines: [
        childName
          ? msg`${parentName} has declined "${agreement.title}" for ${childName}.`
          : msg`${parentName} has declined "${agreement.title}".`,
        "",
        msg`Their reason: ${reason}`,
        "",
        msg`See the compliance view in Accord for details.`,
      ],
    });
    return presentSignature(row);
  });
}

export async function signByLink(
  db: Db,
  token: string,
  body: SignatureBody,
  ctx: { ip: string | null; userAgent: string | null },
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const { link, agreement } = await usableLink(tx, token);
    const actor: Actor = {
      ...systemActor(link.schoolId),
      personId: link.parentId,
      name: body.fullName,
      ip: ctx.ip,
      via: "parent_link",
    };
    const signature = await insertSignature(
      tx,
      actor,
      agreement,
      body,
      { ...ctx, personId: link.parentId, onBehalfOfId: link.childId, authMethod: "parent_link" },
      // The parent has no account: the emailed receipt link (the same single-use link) is their copy.
      async (s) => {
        const [parent] = await tx
          .select({ email: people.email })
          .from(people)
          .where(eq(people.id, link.parentId));
        if (parent?.email)
          await queueMail(tx, link.schoolId, {
            to: parent.email,
            readers: await readerOf(tx, link.schoolId, link.parentId),
            subject: msg`Your signed copy: ${agreement.title}`,
            lines: [
              msg`Thank you for signing "${agreement.title}".`,
              "",
              msg`Your receipt (keep your own copy): ${publicUrl}/api/v1/sign/${token}/receipt.pdf`,
              msg`Verification reference: ${s.verificationRef}`,
              msg`Check it any time at ${publicUrl}/verify`,
            ],
          });
      },
    );
    await tx.update(signingLinks).set({ signatureId: signature.id }).where(eq(signingLinks.id, link.id));
    return presentSignature(signature);
  });
}

/** The receipt for a used parent link: the link stays the parent's way back to their own copy. */
export async function signatureForLink(db: Db, token: string) {
  const { link } = await openLink(db, token);
  if (!link.signatureId) throw notFound(msg`receipt`);
  const [signature] = await db
    .select()
    .from(signatures)
    .where(and(eq(signatures.id, link.signatureId), eq(signatures.kind, "signed")));
  // A decline is recorded, but nobody signed anything: there is no receipt.
  if (!signature) throw notFound(msg`receipt`);
  return signature;
}

/**
 * The language a parent chose on their link's page, kept on their record (decision 038): their
 * receipt and what the school sends them later follow it. Any link of theirs still in date may set it.
 */
export async function setLanguageByLink(db: Db, token: string, language: Language | null, ip: string | null) {
  const [row] = await db
    .select({
      schoolId: signingLinks.schoolId,
      parentId: signingLinks.parentId,
      expiresAt: signingLinks.expiresAt,
    })
    .from(signingLinks)
    .where(eq(signingLinks.tokenHash, hashSecret(token)));
  if (!row || row.expiresAt.getTime() <= Date.now()) throw invalidLink();
  const parent: Actor = {
    ...systemActor(row.schoolId),
    personId: row.parentId,
    name: "",
    ip,
    via: "parent_link",
  };
  parent.name = (await nameOf(db, row.parentId)) ?? "A parent or carer";
  await setPersonLanguage(db, parent, row.parentId, language);
}
