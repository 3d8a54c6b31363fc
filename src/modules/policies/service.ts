import { diffWords } from "diff";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { people, policies, policyApprovals, policySettings, policyVersions } from "../../db/schema.js";
import { addMonths, todayInLondon } from "../../kernel/dates.js";
import { fullNameSql } from "../../kernel/names.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import { approverRolesOf, canManagePolicy, canSeeOverdueReview, policyAccess } from "../access/policies.js";
import type { Actor, Kind, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { formatNumber, nextNumber, parseNumber } from "./numbering.js";
import { renderPolicyMarkdown } from "./render.js";
import type {
  DocumentHistoryEntryView,
  PolicyInput,
  RelatedView,
  ReviewFrequency,
  VersionPatch,
} from "./schema.js";

/** Unless a school says otherwise, the headteacher and the chair of governors approve policies. */
export const DEFAULT_APPROVERS: Role[] = ["headteacher", "chair_of_governors"];
const OPEN = ["draft", "submitted", "approved"] as const;

export type PolicyPublished = { actor: Actor; policyId: string; versionId: string; noChanges: boolean };
/**
 * Listeners run inside the publishing transaction. The agreements module registers one to move
 * its agreements to the new version; policies need not know about agreements.
 */
export const onPolicyPublished: ((tx: Tx, event: PolicyPublished) => Promise<void>)[] = [];
type PolicyRow = typeof policies.$inferSelect;
type VersionRow = typeof policyVersions.$inferSelect;
const todayIso = () => todayInLondon();

export async function approverRoles(db: DbOrTx, schoolId: string): Promise<Role[]> {
  const [row] = await db.select().from(policySettings).where(eq(policySettings.schoolId, schoolId));
  return (row?.approverRoles as Role[]) ?? DEFAULT_APPROVERS;
}

export async function setApproverRoles(db: Db, actor: Actor, roles: Role[]) {
  const wanted = [...new Set(roles)];
  await db.transaction(async (tx) => {
    const before = await approverRoles(tx, actor.schoolId);
    await tx
      .insert(policySettings)
      .values({ schoolId: actor.schoolId, approverRoles: wanted })
      .onConflictDoUpdate({ target: policySettings.schoolId, set: { approverRoles: wanted } });
    await recordEvent(tx, actor, {
      action: "policy.approvers_set",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { from: before, to: wanted },
    });
  });
  return wanted;
}

/** The date a review falls due after a version is issued. */
export function reviewDueAfter(issued: string, frequency: string | null): string | null {
  const months = { termly: 4, annual: 12, "two-yearly": 24, "three-yearly": 36 }[frequency ?? ""];
  if (!months) return null;
  return addMonths(issued, months);
}

const numberOf = (v: { major: number; minor: number }) => formatNumber(v);

function presentVersion(
  v: VersionRow,
  approvals: { role: string; personName: string; approvedAt: Date }[] = [],
) {
  return {
    id: v.id,
    number: numberOf(v),
    status: v.status,
    issueDate: v.issueDate,
    summary: v.summary,
    noChanges: v.noChanges,
    statements: v.statements as string[],
    agreedWithStaffOn: v.agreedWithStaffOn,
    agreedAtCommitteeOn: v.agreedAtCommitteeOn,
    createdAt: v.createdAt.toISOString(),
    submittedAt: v.submittedAt?.toISOString() ?? null,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    supersededAt: v.supersededAt?.toISOString() ?? null,
    approvals: approvals.map((a) => ({
      role: a.role,
      personName: a.personName,
      approvedAt: a.approvedAt.toISOString(),
    })),
  };
}

async function loadPolicy(db: DbOrTx, actor: Actor, id: string) {
  const [policy] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.schoolId, actor.schoolId), eq(policies.id, id)));
  if (!policy) throw notFound("policy");
  const required = await approverRoles(db, actor.schoolId);
  const access = policyAccess(actor, policy, required);
  if (access === "none") throw notFound("policy");
  return { policy, required, access };
}

async function loadManaged(tx: Tx, actor: Actor, id: string) {
  const loaded = await loadPolicy(tx, actor, id);
  if (!canManagePolicy(actor, loaded.policy))
    throw forbidden("Only the policy's owner, the headteacher or a school admin can change this policy.");
  return loaded;
}

async function loadVersion(db: DbOrTx, policy: PolicyRow, versionId: string, forUpdate = false) {
  const q = db
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.schoolId, policy.schoolId),
        eq(policyVersions.policyId, policy.id),
        eq(policyVersions.id, versionId),
      ),
    );
  const [version] = forUpdate ? await q.for("update") : await q;
  if (!version) throw notFound("policy version");
  return version;
}

async function approvalsFor(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0)
    return new Map<string, { role: string; personName: string; approvedAt: Date }[]>();
  const rows = await db
    .select({
      versionId: policyApprovals.versionId,
      role: policyApprovals.role,
      approvedAt: policyApprovals.approvedAt,
      personName: fullNameSql(people.givenName, people.familyName),
    })
    .from(policyApprovals)
    .innerJoin(people, eq(people.id, policyApprovals.personId))
    .where(inArray(policyApprovals.versionId, versionIds))
    .orderBy(asc(policyApprovals.approvedAt));
  const map = new Map<string, typeof rows>();
  for (const r of rows) map.set(r.versionId, [...(map.get(r.versionId) ?? []), r]);
  return map;
}

const nameOf = fullNameSql(people.givenName, people.familyName);

async function personName(db: DbOrTx, schoolId: string, id: string | null) {
  if (!id) return null;
  const [p] = await db
    .select({ name: nameOf })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  return p?.name ?? null;
}

async function checkPeople(db: DbOrTx, schoolId: string, input: Partial<PolicyInput>) {
  for (const field of ["ownerPersonId", "governorPersonId"] as const) {
    const id = input[field];
    if (id && !(await personName(db, schoolId, id)))
      throw badRequest("That person is not in this school's directory.", [
        { field, message: "Choose a person from the directory." },
      ]);
  }
}

// The columns hold only what PolicyInput and the importer wrote, so their types are restated here.
function presentPolicy<Extra extends object>(p: PolicyRow, extra: Extra) {
  const today = todayIso();
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    audiences: p.audiences as Kind[],
    ownerPersonId: p.ownerPersonId,
    governorPersonId: p.governorPersonId,
    reviewFrequency: p.reviewFrequency as ReviewFrequency | null,
    nextReviewDue: p.nextReviewDue,
    reviewOverdue: p.nextReviewDue !== null && p.nextReviewDue < today,
    related: p.related as RelatedView[],
    history: p.history as DocumentHistoryEntryView[],
    ...extra,
  };
}

export async function listPolicies(db: Db, actor: Actor) {
  const required = await approverRoles(db, actor.schoolId);
  const rows = await db
    .select()
    .from(policies)
    .where(eq(policies.schoolId, actor.schoolId))
    .orderBy(asc(policies.nextReviewDue), asc(policies.title));
  const visible = rows
    .map((p) => ({ p, access: policyAccess(actor, p, required) }))
    .filter((x) => x.access !== "none");
  const versions = visible.length
    ? await db
        .select()
        .from(policyVersions)
        .where(
          inArray(
            policyVersions.policyId,
            visible.map((x) => x.p.id),
          ),
        )
        .orderBy(desc(policyVersions.major), desc(policyVersions.minor))
    : [];
  const owners = new Map<string, string>();
  for (const { p } of visible)
    if (p.ownerPersonId && !owners.has(p.ownerPersonId))
      owners.set(p.ownerPersonId, (await personName(db, actor.schoolId, p.ownerPersonId)) ?? "");
  const result = [];
  for (const { p, access } of visible) {
    const mine = versions.filter((v) => v.policyId === p.id);
    const published = mine.find((v) => v.status === "published");
    if (access === "published" && !published) continue;
    const open =
      access === "all" ? mine.find((v) => (OPEN as readonly string[]).includes(v.status)) : undefined;
    result.push(
      presentPolicy(p, {
        ownerName: p.ownerPersonId ? owners.get(p.ownerPersonId) : null,
        published: published
          ? { id: published.id, number: numberOf(published), issueDate: published.issueDate }
          : null,
        open: open ? { id: open.id, number: numberOf(open), status: open.status } : null,
        canManage: canManagePolicy(actor, p),
      }),
    );
  }
  return result;
}

export async function getPolicy(db: Db, actor: Actor, id: string) {
  const { policy, required, access } = await loadPolicy(db, actor, id);
  let versions = await db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, id))
    .orderBy(desc(policyVersions.major), desc(policyVersions.minor));
  if (access === "published") versions = versions.filter((v) => v.status === "published");
  const approvals = await approvalsFor(
    db,
    versions.map((v) => v.id),
  );
  return presentPolicy(policy, {
    ownerName: await personName(db, actor.schoolId, policy.ownerPersonId),
    governorName: await personName(db, actor.schoolId, policy.governorPersonId),
    requiredApprovers: required,
    canManage: canManagePolicy(actor, policy),
    canApproveAs: approverRolesOf(actor, required),
    versions: versions.map((v) => presentVersion(v, approvals.get(v.id))),
  });
}

export type FirstDraft = {
  content: string;
  statements: string[];
  summary?: string;
  number?: string;
  sourceText?: string;
  sourceFileName?: string;
  history?: { number: string; date: string | null; summary: string }[];
};

export async function createPolicy(
  db: Db,
  actor: Actor,
  input: PolicyInput,
  draft: FirstDraft = { content: "", statements: [] },
) {
  return db.transaction(async (tx) => {
    await checkPeople(tx, actor.schoolId, input);
    const [policy] = await tx
      .insert(policies)
      .values({
        schoolId: actor.schoolId,
        title: input.title,
        category: input.category ?? null,
        audiences: input.audiences,
        ownerPersonId: input.ownerPersonId ?? null,
        governorPersonId: input.governorPersonId ?? null,
        reviewFrequency: input.reviewFrequency ?? null,
        nextReviewDue: input.nextReviewDue ?? null,
        related: input.related ?? [],
        history: draft.history ?? [],
      })
      .returning();
    const number = (draft.number && parseNumber(draft.number)) || { major: 1, minor: 0 };
    const [version] = await tx
      .insert(policyVersions)
      .values({
        schoolId: actor.schoolId,
        policyId: policy.id,
        ...number,
        status: "draft",
        content: draft.content,
        statements: draft.statements,
        summary: draft.summary ?? "",
        sourceText: draft.sourceText ?? null,
        sourceFileName: draft.sourceFileName ?? null,
        createdBy: actor.personId,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: draft.sourceFileName ? "policy.imported" : "policy.created",
      entityType: "policy",
      entityId: policy.id,
      summary: {
        title: policy.title,
        version: formatNumber(number),
        ...(draft.sourceFileName ? { fileName: draft.sourceFileName } : {}),
      },
    });
    return { policy, version };
  });
}

export async function updatePolicy(db: Db, actor: Actor, id: string, patch: Partial<PolicyInput>) {
  await db.transaction(async (tx) => {
    const { policy } = await loadManaged(tx, actor, id);
    await checkPeople(tx, actor.schoolId, patch);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(patch)) {
      const before = (policy as Record<string, unknown>)[k];
      if (v !== undefined && JSON.stringify(before) !== JSON.stringify(v))
        changes[k] = { from: before, to: v };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(policies)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(policies.schoolId, actor.schoolId), eq(policies.id, id)));
    await recordEvent(tx, actor, {
      action: "policy.updated",
      entityType: "policy",
      entityId: id,
      summary: changes,
    });
  });
  return getPolicy(db, actor, id);
}

export async function getVersion(db: Db, actor: Actor, id: string, versionId: string) {
  const { policy, access } = await loadPolicy(db, actor, id);
  const version = await loadVersion(db, policy, versionId);
  if (access === "published" && version.status !== "published") throw notFound("policy version");
  const approvals = await approvalsFor(db, [version.id]);
  return {
    policy: { id: policy.id, title: policy.title },
    ...presentVersion(version, approvals.get(version.id)),
    content: version.content,
    html: renderPolicyMarkdown(version.content),
    source:
      access === "all" && version.sourceText
        ? { fileName: version.sourceFileName, text: version.sourceText }
        : null,
  };
}

/** Start the next version from the latest one. Only one version may be open at a time. */
export async function startVersion(
  db: Db,
  actor: Actor,
  id: string,
  opts: { bump: "minor" | "major"; noChanges: boolean; summary?: string },
) {
  const version = await db.transaction(async (tx) => {
    const { policy } = await loadManaged(tx, actor, id);
    await tx.execute(sql`SELECT id FROM policies WHERE id = ${id} FOR UPDATE`);
    const all = await tx
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.policyId, id))
      .orderBy(desc(policyVersions.major), desc(policyVersions.minor));
    const open = all.find((v) => (OPEN as readonly string[]).includes(v.status));
    if (open)
      throw conflict(`Version ${numberOf(open)} is still ${open.status}. Publish it or carry on editing it.`);
    const published = all.find((v) => v.status === "published");
    if (opts.noChanges && !published) throw conflict("There is no published version to confirm unchanged.");
    const base = published ?? all[0];
    const number = nextNumber(base ?? null, opts.noChanges ? "minor" : opts.bump);
    const [row] = await tx
      .insert(policyVersions)
      .values({
        schoolId: actor.schoolId,
        policyId: policy.id,
        ...number,
        status: "draft",
        content: base?.content ?? "",
        statements: base?.statements ?? [],
        noChanges: opts.noChanges,
        summary: opts.summary ?? (opts.noChanges ? "Reviewed – no changes" : ""),
        createdBy: actor.personId,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "policy.version_started",
      entityType: "policy",
      entityId: id,
      summary: { title: policy.title, version: formatNumber(number), noChanges: opts.noChanges },
    });
    return row;
  });
  return getVersion(db, actor, id, version.id);
}

/** Only a draft can be edited: an approved or published version is the record of what was agreed. */
export async function updateVersion(
  db: Db,
  actor: Actor,
  id: string,
  versionId: string,
  patch: VersionPatch,
) {
  await db.transaction(async (tx) => {
    const { policy } = await loadManaged(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    const textChanges = patch.content !== undefined || patch.statements !== undefined;
    if (version.status !== "draft" && (textChanges || patch.summary !== undefined))
      throw conflict(
        `Version ${numberOf(version)} is ${version.status} and cannot be changed. Start a new draft to make changes.`,
      );
    const set: Record<string, unknown> = {};
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      const before = (version as Record<string, unknown>)[k];
      if (JSON.stringify(before) === JSON.stringify(v)) continue;
      set[k] = v;
      // Long text goes into the audit as a size, not in full: the version itself is the record.
      changes[k] =
        k === "content"
          ? { fromLength: String(before).length, toLength: String(v).length }
          : { from: before, to: v };
    }
    if (Object.keys(set).length === 0) return;
    const stillSame = version.noChanges && !("content" in set || "statements" in set);
    await tx
      .update(policyVersions)
      .set({ ...set, noChanges: stillSame })
      .where(eq(policyVersions.id, versionId));
    await recordEvent(tx, actor, {
      action: "policy.version_edited",
      entityType: "policy_version",
      entityId: versionId,
      summary: { title: policy.title, version: numberOf(version), ...changes },
    });
  });
  return getVersion(db, actor, id, versionId);
}

async function moveStatus(
  db: Db,
  actor: Actor,
  id: string,
  versionId: string,
  from: string[],
  to: "submitted" | "draft",
) {
  await db.transaction(async (tx) => {
    const { policy } = await loadManaged(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    if (!from.includes(version.status))
      throw conflict(
        `Version ${numberOf(version)} is ${version.status}, so it cannot be ${to === "submitted" ? "submitted" : "returned to draft"}.`,
      );
    if (to === "submitted" && version.content.trim() === "")
      throw badRequest("Add the policy's text before submitting it for approval.");
    if (to === "draft") await tx.delete(policyApprovals).where(eq(policyApprovals.versionId, versionId));
    await tx
      .update(policyVersions)
      .set({ status: to, submittedAt: to === "submitted" ? new Date() : null })
      .where(eq(policyVersions.id, versionId));
    await recordEvent(tx, actor, {
      action: to === "submitted" ? "policy.version_submitted" : "policy.version_withdrawn",
      entityType: "policy_version",
      entityId: versionId,
      summary: { title: policy.title, version: numberOf(version) },
    });
  });
  return getVersion(db, actor, id, versionId);
}

export const submitVersion = (db: Db, actor: Actor, id: string, versionId: string) =>
  moveStatus(db, actor, id, versionId, ["draft"], "submitted");
export const withdrawVersion = (db: Db, actor: Actor, id: string, versionId: string) =>
  moveStatus(db, actor, id, versionId, ["submitted"], "draft");

/** Record the caller's approval once for each approver role they hold (API.md). */
export async function approveVersion(db: Db, actor: Actor, id: string, versionId: string) {
  await db.transaction(async (tx) => {
    const { policy, required } = await loadPolicy(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    const roles = approverRolesOf(actor, required);
    if (roles.length === 0)
      throw forbidden(
        `Policies here are approved by: ${required.join(", ") || "nobody (they are published directly)"}. You do not hold one of those roles.`,
      );
    if (version.status !== "submitted")
      throw conflict(
        `Version ${numberOf(version)} is ${version.status}; only a submitted version can be approved.`,
      );
    const inserted = await tx
      .insert(policyApprovals)
      .values(roles.map((role) => ({ schoolId: actor.schoolId, versionId, role, personId: actor.personId! })))
      .onConflictDoNothing()
      .returning({ role: policyApprovals.role });
    const have = (
      await tx
        .select({ role: policyApprovals.role })
        .from(policyApprovals)
        .where(eq(policyApprovals.versionId, versionId))
    ).map((r) => r.role);
    const complete = required.every((r) => have.includes(r));
    if (complete)
      await tx
        .update(policyVersions)
        .set({ status: "approved", approvedAt: new Date() })
        .where(eq(policyVersions.id, versionId));
    if (inserted.length > 0)
      await recordEvent(tx, actor, {
        action: "policy.version_approved",
        entityType: "policy_version",
        entityId: versionId,
        summary: {
          title: policy.title,
          version: numberOf(version),
          asRoles: inserted.map((r) => r.role),
          fullyApproved: complete,
        },
      });
  });
  return getVersion(db, actor, id, versionId);
}

/**
 * Publish: the version becomes the one in force and the previous one is superseded. It needs every
 * required approval (409 names the missing ones); a school that requires none publishes directly.
 */
export async function publishVersion(db: Db, actor: Actor, id: string, versionId: string) {
  await db.transaction(async (tx) => {
    const { policy, required } = await loadManaged(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    if (version.status === "published" || version.status === "superseded")
      throw conflict(`Version ${numberOf(version)} is already ${version.status}.`);
    const have = (
      await tx
        .select({ role: policyApprovals.role })
        .from(policyApprovals)
        .where(eq(policyApprovals.versionId, versionId))
    ).map((r) => r.role);
    const missing = required.filter((r) => !have.includes(r));
    if (missing.length > 0)
      throw conflict(`Version ${numberOf(version)} still needs approval from: ${missing.join(", ")}.`, {
        missingApprovals: missing,
      });
    if (version.content.trim() === "") throw badRequest("Add the policy's text before publishing it.");
    const now = new Date();
    const issueDate = version.issueDate ?? todayIso();
    const previous = await tx
      .update(policyVersions)
      .set({ status: "superseded", supersededAt: now })
      .where(and(eq(policyVersions.policyId, id), eq(policyVersions.status, "published")))
      .returning({ major: policyVersions.major, minor: policyVersions.minor });
    await tx
      .update(policyVersions)
      .set({ status: "published", publishedAt: now, issueDate, approvedAt: version.approvedAt ?? now })
      .where(eq(policyVersions.id, versionId));
    const nextDue = reviewDueAfter(issueDate, policy.reviewFrequency) ?? policy.nextReviewDue;
    for (const listener of onPolicyPublished)
      await listener(tx, { actor, policyId: id, versionId, noChanges: version.noChanges });
    await tx.update(policies).set({ nextReviewDue: nextDue, updatedAt: now }).where(eq(policies.id, id));
    await recordEvent(tx, actor, {
      action: "policy.version_published",
      entityType: "policy_version",
      entityId: versionId,
      summary: {
        title: policy.title,
        version: numberOf(version),
        supersedes: previous[0] ? numberOf(previous[0]) : null,
        noChanges: version.noChanges,
        nextReviewDue: nextDue,
      },
    });
  });
  return getVersion(db, actor, id, versionId);
}

/** Word-level differences between two versions of a policy, text and statements. */
export async function diffVersions(db: Db, actor: Actor, id: string, a: string, b: string) {
  const from = await getVersion(db, actor, id, a);
  const to = await getVersion(db, actor, id, b);
  const parts = diffWords(from.content, to.content).map((p) => ({
    value: p.value,
    added: p.added ?? false,
    removed: p.removed ?? false,
  }));
  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    identical:
      parts.every((p) => !p.added && !p.removed) &&
      JSON.stringify(from.statements) === JSON.stringify(to.statements),
    parts,
    statements: {
      added: to.statements.filter((s) => !from.statements.includes(s)),
      removed: from.statements.filter((s) => !to.statements.includes(s)),
    },
  };
}

/** Policies whose review is overdue, for the home page of their owner and of the headteacher. */
export async function overdueReviewsFor(db: DbOrTx, actor: Actor) {
  const today = todayIso();
  const rows = await db
    .select({
      schoolId: policies.schoolId,
      id: policies.id,
      title: policies.title,
      due: policies.nextReviewDue,
      owner: policies.ownerPersonId,
    })
    .from(policies)
    .where(and(eq(policies.schoolId, actor.schoolId), sql`${policies.nextReviewDue} < ${today}`))
    .orderBy(asc(policies.nextReviewDue));
  return rows
    .filter((r) => canSeeOverdueReview(actor, { schoolId: r.schoolId, ownerPersonId: r.owner }))
    .map(({ id, title, due }) => ({ id, title, due }));
}
export { policiesAttention } from "./attention.js";
