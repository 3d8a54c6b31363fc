import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import {
  agreementRules,
  agreements,
  assignments,
  domainEvents,
  people,
  policies,
  policyVersions,
  roleAssignments,
  signatures,
} from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import { type Actor, type Kind, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { onPolicyPublished } from "../policies/service.js";
import { type SignableText, textSha256 } from "../signing/service.js";
import type { AgreementStatus, AgreementToSignView, AgreementView, Audience } from "./schema.js";
// Agreements are signed through the signing module: this tells it what an agreement is.
import "./signing-subject.js";

type AgreementRow = typeof agreements.$inferSelect;
type SignatureRow = typeof signatures.$inferSelect;
export type ChoiceDef = { key: string; label: string; options: string[] };
/** New starters and people re-assigned for a new version get this long to sign. */
const DEFAULT_DAYS_TO_SIGN = 14;

// ---- the text a signer sees

async function versionInfo(db: DbOrTx, schoolId: string, versionId: string) {
  const [row] = await db
    .select({ version: policyVersions, policyTitle: policies.title })
    .from(policyVersions)
    .innerJoin(policies, eq(policies.id, policyVersions.policyId))
    .where(and(eq(policyVersions.schoolId, schoolId), eq(policyVersions.id, versionId)));
  return row ?? null;
}

function signable(
  a: Pick<AgreementRow, "title" | "declaration" | "statements" | "choices">,
  policyTitle: string,
  versionNumber: string,
): SignableText {
  return {
    title: a.title,
    policyTitle,
    versionNumber,
    statements: a.statements as string[],
    declaration: a.declaration,
    choices: a.choices as ChoiceDef[],
  };
}

/** The agreement as a signer receives it: the exact text in force and its hash. */
export function presentAgreement(a: AgreementRow): AgreementView {
  // Everything shown comes from the agreement's own snapshot, so the text always matches its hash
  // even if the policy is renamed later.
  return {
    id: a.id,
    title: a.title,
    audience: a.audience as Audience,
    policy: {
      id: a.policyId,
      title: a.policyTitle,
      versionId: a.policyVersionId,
      versionNumber: a.versionNumber,
    },
    statements: a.statements as string[],
    declaration: a.declaration,
    choices: a.choices as ChoiceDef[],
    requireJobTitle: a.requireJobTitle,
    parentMode: a.parentMode,
    status: a.status,
    textSha256: a.textSha256,
  };
}

// ---- creating agreements and carrying them to new policy versions

type NewAgreement = {
  policyVersionId: string;
  title: string;
  audience: Audience;
  declaration: string;
  statements?: string[];
  choices?: ChoiceDef[];
  parentMode?: "per_child" | "per_family";
};

async function insertAgreement(
  tx: Tx,
  actor: Actor,
  input: NewAgreement,
  predecessor: AgreementRow | null,
  sameText: boolean,
) {
  const info = await versionInfo(tx, actor.schoolId, input.policyVersionId);
  if (!info) throw notFound("policy version");
  if (info.version.status !== "published")
    throw conflict("Only the published version of a policy can be signed. Publish it first.");
  const statements = input.statements ?? (info.version.statements as string[]);
  if (statements.length === 0)
    throw badRequest(
      "This policy version has no statements to sign. Add them to the version, or list them here.",
      [{ field: "statements", message: "No statements." }],
    );
  const base = {
    title: input.title,
    declaration: input.declaration,
    statements,
    choices: input.choices ?? [],
  };
  const versionNumber = `${info.version.major}.${info.version.minor}`;
  const hash = textSha256(signable(base, info.policyTitle, versionNumber));
  const [row] = await tx
    .insert(agreements)
    .values({
      schoolId: actor.schoolId,
      policyId: info.version.policyId,
      policyVersionId: info.version.id,
      ...base,
      policyTitle: info.policyTitle,
      versionNumber,
      audience: input.audience,
      requireJobTitle: input.audience === "staff" || input.audience === "governors",
      parentMode: input.parentMode ?? "per_child",
      textSha256: hash,
      supersedesId: predecessor?.id ?? null,
      sameTextAsPrevious: sameText,
      createdBy: actor.personId,
    })
    .returning();
  await recordEvent(tx, actor, {
    action: "agreement.created",
    entityType: "agreement",
    entityId: row.id,
    summary: {
      title: row.title,
      audience: row.audience,
      policyVersion: `${info.version.major}.${info.version.minor}`,
      textSha256: hash,
      supersedes: predecessor?.id ?? null,
    },
  });
  return row;
}

/**
 * A new agreement for a version replaces the active one for the same policy and audience: people
 * assigned to the old one are assigned the new one, and unless the version was "reviewed – no
 * changes" they must sign again.
 */
async function supersede(tx: Tx, actor: Actor, old: AgreementRow, next: AgreementRow) {
  await tx.update(agreements).set({ status: "superseded" }).where(eq(agreements.id, old.id));
  const carried = await tx
    .select({ personId: assignments.personId, dueDate: assignments.dueDate })
    .from(assignments)
    .where(and(eq(assignments.agreementId, old.id), isNull(assignments.cancelledAt)));
  const due = addDays(todayInLondon(), DEFAULT_DAYS_TO_SIGN);
  if (carried.length > 0)
    await tx
      .insert(assignments)
      .values(
        carried.map((c) => ({
          schoolId: actor.schoolId,
          agreementId: next.id,
          personId: c.personId,
          dueDate: next.sameTextAsPrevious ? c.dueDate : due,
          source: "new_version" as const,
          assignedBy: actor.personId,
        })),
      )
      .onConflictDoNothing();
  const rules = await tx.select().from(agreementRules).where(eq(agreementRules.agreementId, old.id));
  if (rules.length > 0)
    await tx
      .insert(agreementRules)
      .values(rules.map(({ id: _id, ...r }) => ({ ...r, agreementId: next.id })));
  await recordEvent(tx, actor, {
    action: "agreement.superseded",
    entityType: "agreement",
    entityId: old.id,
    summary: {
      title: old.title,
      by: next.id,
      reassigned: carried.length,
      mustSignAgain: !next.sameTextAsPrevious,
    },
  });
}

export async function createAgreement(db: Db, actor: Actor, input: NewAgreement) {
  const row = await db.transaction(async (tx) => {
    const info = await versionInfo(tx, actor.schoolId, input.policyVersionId);
    if (!info) throw notFound("policy version");
    const [previous] = await tx
      .select()
      .from(agreements)
      .where(
        and(
          eq(agreements.schoolId, actor.schoolId),
          eq(agreements.policyId, info.version.policyId),
          eq(agreements.audience, input.audience),
          eq(agreements.status, "active"),
        ),
      );
    if (previous?.policyVersionId === input.policyVersionId)
      throw conflict(`"${previous.title}" already asks ${input.audience} to sign this version.`);
    const row = await insertAgreement(tx, actor, input, previous ?? null, false);
    if (previous) await supersede(tx, actor, previous, row);
    return row;
  });
  return presentAgreement(row);
}

// When a policy version is published, its active agreements move to the new version.
onPolicyPublished.push(async (tx, event) => {
  const active = await tx
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.schoolId, event.actor.schoolId),
        eq(agreements.policyId, event.policyId),
        eq(agreements.status, "active"),
      ),
    );
  const [newVersion] = await tx.select().from(policyVersions).where(eq(policyVersions.id, event.versionId));
  for (const old of active) {
    if (old.policyVersionId === event.versionId) continue;
    const [previousVersion] = await tx
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.id, old.policyVersionId));
    // An agreement that used its version's statements takes the new version's; one with its own
    // statements keeps them. Earlier signatures count only if the words signed are unchanged.
    const usedVersionStatements =
      JSON.stringify(old.statements) === JSON.stringify(previousVersion?.statements);
    const statements = usedVersionStatements
      ? (newVersion.statements as string[])
      : (old.statements as string[]);
    const next = await insertAgreement(
      tx,
      event.actor,
      {
        policyVersionId: event.versionId,
        title: old.title,
        audience: old.audience as Audience,
        declaration: old.declaration,
        choices: old.choices as ChoiceDef[],
        parentMode: old.parentMode,
        statements: statements.length > 0 ? statements : (old.statements as string[]),
      },
      old,
      event.noChanges && JSON.stringify(statements) === JSON.stringify(old.statements),
    );
    await supersede(tx, event.actor, old, next);
  }
});

export async function listAgreements(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.schoolId, actor.schoolId), eq(agreements.status, "active")))
    .orderBy(asc(agreements.title));
  return Promise.all(rows.map((r) => presentAgreement(r)));
}

/**
 * The agreement now in force that carries on from this one: itself while active, otherwise the
 * newest agreement that replaced it (publishing a policy version moves agreements on). A kiosk,
 * a class session or a parent link opened on an earlier version thus shows the text in force.
 * Null when the line was retired.
 */
export async function agreementInForce(db: DbOrTx, schoolId: string, agreementId: string) {
  const [newest] = await queryRows<{ id: string }>(
    db,
    sql`WITH RECURSIVE line(id, status, depth) AS (
          SELECT id, status, 0 FROM agreements WHERE school_id = ${schoolId} AND id = ${agreementId}
          UNION ALL
          SELECT a.id, a.status, line.depth + 1 FROM agreements a JOIN line ON a.supersedes_id = line.id
          WHERE a.school_id = ${schoolId}
        )
        SELECT id FROM line WHERE status = 'active' ORDER BY depth DESC LIMIT 1`,
  );
  if (!newest) return null;
  const [row] = await db.select().from(agreements).where(eq(agreements.id, newest.id));
  return row;
}

export async function loadAgreement(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.schoolId, schoolId), eq(agreements.id, id)));
  if (!row) throw notFound("agreement");
  return row;
}

// ---- assignments

export async function assign(
  db: Db,
  actor: Actor,
  agreementId: string,
  input: { kinds?: Kind[]; roles?: string[]; personIds?: string[]; dueDate: string },
) {
  return db.transaction(async (tx) => {
    const agreement = await loadAgreement(tx, actor.schoolId, agreementId);
    if (agreement.status !== "active")
      throw conflict("This agreement has been replaced by a newer one; assign that instead.");
    const today = todayInLondon();
    const kinds = input.kinds ?? [];
    const roles = input.roles ?? [];
    const ids = input.personIds ?? [];
    const matched = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.schoolId, actor.schoolId),
          sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
          sql`(${people.kinds} && ${sql.param(kinds)}::text[]
            OR ${people.id} IN (SELECT ${roleAssignments.personId} FROM ${roleAssignments} WHERE ${roleAssignments.schoolId} = ${actor.schoolId} AND ${roleAssignments.role} = ANY(${sql.param(roles)}::text[]))
            OR ${people.id} = ANY(${sql.param(ids)}::uuid[]))`,
        ),
      );
    const unknown = ids.filter((id) => !matched.some((m) => m.id === id));
    if (unknown.length > 0)
      throw badRequest(`${unknown.length} of the chosen people are not current members of this school.`, [
        { field: "personIds", message: "Unknown or left." },
      ]);
    const inserted = matched.length
      ? await tx
          .insert(assignments)
          .values(
            matched.map((m) => ({
              schoolId: actor.schoolId,
              agreementId,
              personId: m.id,
              dueDate: input.dueDate,
              source: "manual" as const,
              assignedBy: actor.personId,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: assignments.id })
      : [];
    if (kinds.length + roles.length > 0)
      await tx.insert(agreementRules).values({ schoolId: actor.schoolId, agreementId, kinds, roles });
    await recordEvent(tx, actor, {
      action: "agreement.assigned",
      entityType: "agreement",
      entityId: agreementId,
      summary: {
        title: agreement.title,
        kinds,
        roles,
        people: ids.length,
        assigned: inserted.length,
        dueDate: input.dueDate,
      },
    });
    return { assigned: inserted.length };
  });
}

/** New starters (the people import's `people.joined` events) get what their kind must sign. */
export async function assignNewStarters(db: Db) {
  const events = await db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, "people.joined"), isNull(domainEvents.handledAt)))
    .orderBy(asc(domainEvents.createdAt))
    .limit(50);
  let assigned = 0;
  for (const event of events) {
    await db.transaction(async (tx) => {
      const { personIds } = event.payload as { personIds: string[] };
      const rules = await tx
        .select({ rule: agreementRules, agreement: agreements })
        .from(agreementRules)
        .innerJoin(agreements, eq(agreements.id, agreementRules.agreementId))
        .where(and(eq(agreementRules.schoolId, event.schoolId), eq(agreements.status, "active")));
      if (rules.length > 0 && personIds.length > 0) {
        const joiners = await tx
          .select({ id: people.id, kinds: people.kinds, startDate: people.startDate })
          .from(people)
          .where(and(eq(people.schoolId, event.schoolId), inArray(people.id, personIds)));
        const roleRows = await tx
          .select()
          .from(roleAssignments)
          .where(
            and(eq(roleAssignments.schoolId, event.schoolId), inArray(roleAssignments.personId, personIds)),
          );
        const values = [];
        for (const { rule, agreement } of rules)
          for (const p of joiners) {
            const fits =
              p.kinds.some((k) => rule.kinds.includes(k)) ||
              roleRows.some((r) => r.personId === p.id && rule.roles.includes(r.role));
            if (!fits) continue;
            const from = p.startDate && p.startDate > todayInLondon() ? p.startDate : todayInLondon();
            values.push({
              schoolId: event.schoolId,
              agreementId: agreement.id,
              personId: p.id,
              dueDate: addDays(from, rule.dueInDays),
              source: "starter" as const,
            });
          }
        for (let i = 0; i < values.length; i += 1000) {
          const rows = await tx
            .insert(assignments)
            .values(values.slice(i, i + 1000))
            .onConflictDoNothing()
            .returning({ id: assignments.id });
          assigned += rows.length;
        }
        if (values.length > 0)
          await recordEvent(tx, systemActor(event.schoolId), {
            action: "agreement.assigned_to_starters",
            entityType: "domain_event",
            entityId: event.id,
            summary: { starters: joiners.length, assignments: values.length },
          });
      }
      await tx.update(domainEvents).set({ handledAt: new Date() }).where(eq(domainEvents.id, event.id));
    });
  }
  return { assigned };
}

// ---- status of a person against an agreement

export type { AgreementStatus };

/** The agreements an agreement replaced, newest first, and whether each had the same text. */
async function ancestry(db: DbOrTx, agreement: AgreementRow) {
  const chain: { row: AgreementRow; sameText: boolean }[] = [];
  let current = agreement;
  let sameText = true;
  while (current.supersedesId) {
    sameText = sameText && current.sameTextAsPrevious;
    const [prev] = await db.select().from(agreements).where(eq(agreements.id, current.supersedesId));
    if (!prev) break;
    chain.push({ row: prev, sameText });
    current = prev;
  }
  return chain;
}

export function statusFrom(
  sigs: Pick<SignatureRow, "kind" | "signedAt" | "subjectId">[],
  agreementId: string,
  sameTextIds: string[],
  olderIds: string[],
  due: string | null,
  today: string,
): AgreementStatus {
  if (due === null) return "not_required";
  const relevant = sigs
    .filter((s) => s.subjectId === agreementId || sameTextIds.includes(s.subjectId))
    .sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime());
  const latest = relevant[0];
  if (latest?.kind === "signed") return "signed";
  if (latest?.kind === "declined") return "declined";
  if (sigs.some((s) => s.kind === "signed" && olderIds.includes(s.subjectId)))
    return due < today ? "overdue" : "signed_older";
  return due < today ? "overdue" : "pending";
}

/** What the signed-in person must sign now, with the text in force and, for a re-sign, what changed. */
export async function myAgreements(db: Db, actor: Actor) {
  const rows = await db
    .select({ assignment: assignments, agreement: agreements })
    .from(assignments)
    .innerJoin(agreements, eq(agreements.id, assignments.agreementId))
    .where(
      and(
        eq(assignments.schoolId, actor.schoolId),
        eq(assignments.personId, actor.personId!),
        isNull(assignments.cancelledAt),
        eq(agreements.status, "active"),
      ),
    );
  const sigs = await db
    .select()
    .from(signatures)
    .where(
      and(
        eq(signatures.schoolId, actor.schoolId),
        eq(signatures.personId, actor.personId!),
        eq(signatures.subjectType, "agreement"),
      ),
    );
  const today = todayInLondon();
  const result: AgreementToSignView[] = [];
  for (const { assignment, agreement } of rows) {
    const chain = await ancestry(db, agreement);
    const status = statusFrom(
      sigs,
      agreement.id,
      chain.filter((c) => c.sameText).map((c) => c.row.id),
      chain.filter((c) => !c.sameText).map((c) => c.row.id),
      assignment.dueDate,
      today,
    );
    if (status === "signed" || status === "declined") continue;
    const previouslySigned = chain.find((c) =>
      sigs.some((s) => s.kind === "signed" && s.subjectId === c.row.id),
    );
    // For a re-sign, the policy's own note of what changed in this version (it may be the policy,
    // not the agreement's statements, that changed).
    const [version] = previouslySigned
      ? await db
          .select({ summary: policyVersions.summary })
          .from(policyVersions)
          .where(eq(policyVersions.id, agreement.policyVersionId))
      : [];
    result.push({
      ...presentAgreement(agreement),
      dueDate: assignment.dueDate,
      overdue: status === "overdue",
      previouslySigned: previouslySigned
        ? {
            agreementId: previouslySigned.row.id,
            policyVersionId: previouslySigned.row.policyVersionId,
            statements: previouslySigned.row.statements as string[],
            policyChangeSummary: version?.summary || null,
          }
        : null,
    });
  }
  return result;
}
