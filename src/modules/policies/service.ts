/**
 * The policies module's face: the policy library (list, read, add, edit), who approves policies,
 * overdue reviews; the life of a version (versions.ts) is exported from here too.
 */
import type { Db, DbOrTx } from "../../db/client.js";
import { addMonths, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import { approverRolesOf, canManagePolicy, canSeeOverdueReview, policyAccess } from "../access/policies.js";
import type { Actor, Kind, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { submittedVersions } from "./approvers.js";
import { approverRoles, loadManaged, loadPolicy } from "./loading.js";
import { formatNumber, parseNumber } from "./numbering.js";
import {
  approvalsFor,
  approvedRolesOf,
  insertPolicy,
  insertVersion,
  overdueReviews,
  type PolicyRow,
  personName,
  policiesOfSchool,
  saveApproverRoles,
  updatePolicyRow,
  versionsOf,
  versionsOfPolicies,
} from "./queries.js";
import type { DocumentHistoryEntryView, PolicyInput, RelatedView, ReviewFrequency } from "./schema.js";
import { OPEN, presentVersion, versionWritten } from "./versions.js";

export { approverRoles, DEFAULT_APPROVERS } from "./loading.js";
export { renderPolicyMarkdown } from "./render.js";
export {
  approveVersion,
  diffVersions,
  getVersion,
  onPolicyPublished,
  onVersionWritten,
  type PolicyPublished,
  publishVersion,
  reviewDueAfter,
  startVersion,
  submitVersion,
  updateVersion,
  withdrawVersion,
} from "./versions.js";

export async function setApproverRoles(db: Db, actor: Actor, roles: Role[]) {
  const wanted = [...new Set(roles)];
  await db.transaction(async (tx) => {
    const before = await approverRoles(tx, actor.schoolId);
    await saveApproverRoles(tx, actor.schoolId, wanted);
    await recordEvent(tx, actor, {
      action: "policy.approvers_set",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { from: before, to: wanted },
    });
  });
  return wanted;
}

async function checkPeople(db: DbOrTx, schoolId: string, input: Partial<PolicyInput>) {
  for (const field of ["ownerPersonId", "governorPersonId"] as const) {
    const id = input[field];
    if (id && !(await personName(db, schoolId, id)))
      throw badRequest(msg`That person is not in this school's directory.`, [
        { field, message: msg`Choose a person from the directory.` },
      ]);
  }
}

// The columns hold only what PolicyInput and the importer wrote, so their types are restated here.
function presentPolicy<Extra extends object>(p: PolicyRow, extra: Extra) {
  const today = todayInLondon();
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
  const rows = await policiesOfSchool(db, actor.schoolId);
  const visible = rows
    .map((p) => ({ p, access: policyAccess(actor, p, required) }))
    .filter((x) => x.access !== "none");
  const versions = await versionsOfPolicies(
    db,
    visible.map((x) => x.p.id),
  );
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
          ? { id: published.id, number: formatNumber(published), issueDate: published.issueDate }
          : null,
        open: open ? { id: open.id, number: formatNumber(open), status: open.status } : null,
        canManage: canManagePolicy(actor, p),
      }),
    );
  }
  return result;
}

export async function getPolicy(db: Db, actor: Actor, id: string) {
  const { policy, required, access } = await loadPolicy(db, actor, id);
  let versions = await versionsOf(db, id);
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
    const policy = await insertPolicy(tx, {
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
    });
    const number = (draft.number && parseNumber(draft.number)) || { major: 1, minor: 0 };
    const version = await insertVersion(tx, {
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
    });
    await versionWritten(tx, { actor, policyId: policy.id, versionId: version.id });
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
    await updatePolicyRow(tx, actor.schoolId, id, patch);
    // The title says which type of policy it is, and so which duties its text should cover.
    const [newest] = "title" in changes ? await versionsOf(tx, id) : [];
    if (newest) await versionWritten(tx, { actor, policyId: id, versionId: newest.id });
    await recordEvent(tx, actor, {
      action: "policy.updated",
      entityType: "policy",
      entityId: id,
      summary: changes,
    });
  });
  return getPolicy(db, actor, id);
}

/** Policies whose review is overdue, for the home page of their owner and of the headteacher. */
export async function overdueReviewsFor(db: DbOrTx, actor: Actor) {
  const rows = await overdueReviews(db, actor.schoolId, todayInLondon());
  return rows
    .filter((r) => canSeeOverdueReview(actor, { schoolId: r.schoolId, ownerPersonId: r.owner }))
    .map(({ id, title, due }) => ({ id, title, due }));
}
/**
 * Submitted versions waiting for this person's approval: those where a required role they hold
 * has not approved yet (whoever else holding it may still do so first).
 */
export async function approvalsAskedOf(db: DbOrTx, actor: Actor) {
  const mine = approverRolesOf(actor, await approverRoles(db, actor.schoolId));
  if (mine.length === 0) return [];
  const waiting = await submittedVersions(db, actor.schoolId);
  const approved = await approvedRolesOf(
    db,
    waiting.map((v) => v.versionId),
  );
  return waiting
    .map((v) => ({
      policyId: v.policyId,
      versionId: v.versionId,
      title: v.title,
      number: formatNumber(v),
      roles: mine.filter((r) => !(approved.get(v.versionId) ?? []).includes(r)),
    }))
    .filter((v) => v.roles.length > 0);
}

/**
 * For the school at a glance: every version waiting for approval, with the roles still to
 * approve it, and every policy whose review falls due within a month or has passed.
 */
export async function policiesAtAGlance(db: DbOrTx, schoolId: string) {
  const required = await approverRoles(db, schoolId);
  const waiting = await submittedVersions(db, schoolId);
  const approved = await approvedRolesOf(
    db,
    waiting.map((v) => v.versionId),
  );
  const today = todayInLondon();
  const horizon = addMonths(today, 1);
  const reviews = (await policiesOfSchool(db, schoolId))
    .filter((p) => p.nextReviewDue !== null && p.nextReviewDue <= horizon)
    .map((p) => ({ id: p.id, title: p.title, due: p.nextReviewDue!, overdue: p.nextReviewDue! < today }));
  return {
    approvals: waiting.map((v) => ({
      policyId: v.policyId,
      versionId: v.versionId,
      title: v.title,
      number: formatNumber(v),
      stillNeeded: required.filter((r) => !(approved.get(v.versionId) ?? []).includes(r)),
    })),
    reviews,
  };
}

export { policiesAttention } from "./attention.js";
