/**
 * The life of a policy version: started from the one before, edited while a draft, submitted,
 * approved by the roles the school requires, published (superseding the one in force), and
 * compared with another version.
 */
import { diffWords } from "diff";
import type { Db, Tx } from "../../db/client.js";
import { addMonths, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import { approverRolesOf } from "../access/policies.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { getSchool } from "../schools/service.js";
import { askApprovers, roleHolders, roleWords, stillToApprove, unheldRoles } from "./approvers.js";
import { loadManaged, loadPolicy, loadVersion } from "./loading.js";
import { formatNumber, nextNumber } from "./numbering.js";
import {
  type Approval,
  addApprovals,
  approvalsFor,
  approvedRoles,
  clearApprovals,
  insertVersion,
  lockPolicy,
  setNextReviewDue,
  supersedePublished,
  updateVersionRow,
  type VersionRow,
  versionsOf,
} from "./queries.js";
import { renderPolicyMarkdown } from "./render.js";
import type { VersionPatch } from "./schema.js";

/** A version still being worked on; a policy has at most one. */
export const OPEN = ["draft", "submitted", "approved"] as const;

export type PolicyPublished = { actor: Actor; policyId: string; versionId: string; noChanges: boolean };
/**
 * Listeners run inside the publishing transaction. The agreements module registers one to move
 * its agreements to the new version; policies need not know about agreements.
 */
export const onPolicyPublished: ((tx: Tx, event: PolicyPublished) => Promise<void>)[] = [];

export type VersionWritten = { actor: Actor; policyId: string; versionId: string };
/**
 * Listeners run inside the transaction that imports, starts or edits a version's text. The policy
 * health check registers one to check the new text; policies need not know about it.
 */
export const onVersionWritten: ((tx: Tx, event: VersionWritten) => Promise<void>)[] = [];

export async function versionWritten(tx: Tx, event: VersionWritten) {
  for (const listener of onVersionWritten) await listener(tx, event);
}

/** The date a review falls due after a version is issued. */
export function reviewDueAfter(issued: string, frequency: string | null): string | null {
  const months = { termly: 4, annual: 12, "two-yearly": 24, "three-yearly": 36 }[frequency ?? ""];
  if (!months) return null;
  return addMonths(issued, months);
}

const numberOf = (v: { major: number; minor: number }) => formatNumber(v);

export function presentVersion(v: VersionRow, approvals: Approval[] = []) {
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

export async function getVersion(db: Db, actor: Actor, id: string, versionId: string) {
  const { policy, access, required } = await loadPolicy(db, actor, id);
  const version = await loadVersion(db, policy, versionId);
  if (access === "published" && version.status !== "published") throw notFound(msg`policy version`);
  const approvals = (await approvalsFor(db, [version.id])).get(version.id) ?? [];
  const open = (OPEN as readonly string[]).includes(version.status);
  // Who is still to approve, and who holds each role, for those who see the approval trail.
  const awaiting =
    open && access === "all"
      ? stillToApprove(required, approvals, await roleHolders(db, actor.schoolId, required))
      : [];
  return {
    policy: { id: policy.id, title: policy.title },
    ...presentVersion(version, approvals),
    awaiting,
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
    await lockPolicy(tx, id);
    const all = await versionsOf(tx, id);
    const open = all.find((v) => (OPEN as readonly string[]).includes(v.status));
    if (open)
      throw conflict(
        msg`Version ${numberOf(open)} is still ${open.status}. Publish it or carry on editing it.`,
      );
    const published = all.find((v) => v.status === "published");
    if (opts.noChanges && !published)
      throw conflict(msg`There is no published version to confirm unchanged.`);
    const base = published ?? all[0];
    const number = nextNumber(base ?? null, opts.noChanges ? "minor" : opts.bump);
    const row = await insertVersion(tx, {
      schoolId: actor.schoolId,
      policyId: policy.id,
      ...number,
      status: "draft",
      content: base?.content ?? "",
      statements: base?.statements ?? [],
      noChanges: opts.noChanges,
      summary: opts.summary ?? (opts.noChanges ? "Reviewed – no changes" : ""),
      createdBy: actor.personId,
    });
    await versionWritten(tx, { actor, policyId: policy.id, versionId: row.id });
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
        msg`Version ${numberOf(version)} is ${version.status} and cannot be changed. Start a new draft to make changes.`,
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
    await updateVersionRow(tx, versionId, { ...set, noChanges: stillSame });
    if ("content" in set) await versionWritten(tx, { actor, policyId: policy.id, versionId });
    await recordEvent(tx, actor, {
      action: "policy.version_edited",
      entityType: "policy_version",
      entityId: versionId,
      summary: { title: policy.title, version: numberOf(version), ...changes },
    });
  });
  return getVersion(db, actor, id, versionId);
}

/**
 * Submit a draft for approval. Refused while a required role has nobody holding it (it could
 * never be approved): the school is told the fix, to give someone the role or change who
 * approves. Everyone holding a role still to approve is asked by email, once per version.
 */
export async function submitVersion(db: Db, actor: Actor, id: string, versionId: string, publicUrl: string) {
  await db.transaction(async (tx) => {
    const { policy, required } = await loadManaged(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    if (version.status !== "draft")
      throw conflict(msg`Version ${numberOf(version)} is ${version.status}, so it cannot be submitted.`);
    if (version.content.trim() === "")
      throw badRequest(msg`Add the policy's text before submitting it for approval.`);
    // An imported document that did not say plainly whom it is for leaves the policy with nobody:
    // published so, it could never be made into an agreement for the right people.
    if (policy.audiences.length === 0)
      throw badRequest(
        msg`Choose who the policy is for (Edit details, Who it is for) before submitting it for approval.`,
        [{ field: "audiences", message: msg`Choose who the policy is for.` }],
      );
    const holders = await roleHolders(tx, actor.schoolId, required);
    const unheld = unheldRoles(required, holders);
    if (unheld.length > 0)
      throw conflict(
        msg`Nobody at the school holds the role of ${unheld.map(roleWords).join(" or ")}, so nobody could approve this version. Give the role to someone (open their record in People and choose their designated roles), or change who approves policies (Settings, Policy approvers).`,
        { unheldApprovers: unheld },
      );
    await updateVersionRow(tx, versionId, { status: "submitted", submittedAt: new Date() });
    const have = await approvedRoles(tx, versionId);
    const emailed = await askApprovers(tx, {
      policy,
      version,
      holders,
      stillNeeded: required.filter((r) => !have.includes(r)),
      submittedBy: actor,
      schoolName: (await getSchool(tx, actor.schoolId)).name,
      publicUrl,
    });
    await recordEvent(tx, actor, {
      action: "policy.version_submitted",
      entityType: "policy_version",
      entityId: versionId,
      summary: { title: policy.title, version: numberOf(version), approversEmailed: emailed.length },
    });
  });
  return getVersion(db, actor, id, versionId);
}

/** Back to draft: the approvals so far are cleared, since the text may now change. */
export async function withdrawVersion(db: Db, actor: Actor, id: string, versionId: string) {
  await db.transaction(async (tx) => {
    const { policy } = await loadManaged(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    if (version.status !== "submitted")
      throw conflict(
        msg`Version ${numberOf(version)} is ${version.status}, so it cannot be returned to draft.`,
      );
    await clearApprovals(tx, versionId);
    await updateVersionRow(tx, versionId, { status: "draft", submittedAt: null });
    await recordEvent(tx, actor, {
      action: "policy.version_withdrawn",
      entityType: "policy_version",
      entityId: versionId,
      summary: { title: policy.title, version: numberOf(version) },
    });
  });
  return getVersion(db, actor, id, versionId);
}

/** Record the caller's approval once for each approver role they hold (API.md). */
export async function approveVersion(db: Db, actor: Actor, id: string, versionId: string) {
  await db.transaction(async (tx) => {
    const { policy, required } = await loadPolicy(tx, actor, id);
    const version = await loadVersion(tx, policy, versionId, true);
    const roles = approverRolesOf(actor, required);
    if (roles.length === 0)
      throw forbidden(
        msg`Policies here are approved by: ${required.join(", ") || "nobody (they are published directly)"}. You do not hold one of those roles.`,
      );
    if (version.status !== "submitted")
      throw conflict(
        msg`Version ${numberOf(version)} is ${version.status}; only a submitted version can be approved.`,
      );
    const inserted = await addApprovals(tx, actor.schoolId, versionId, actor.personId!, roles);
    const have = await approvedRoles(tx, versionId);
    const complete = required.every((r) => have.includes(r));
    if (complete) await updateVersionRow(tx, versionId, { status: "approved", approvedAt: new Date() });
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
      throw conflict(msg`Version ${numberOf(version)} is already ${version.status}.`);
    const have = await approvedRoles(tx, versionId);
    const missing = required.filter((r) => !have.includes(r));
    if (missing.length > 0)
      throw conflict(msg`Version ${numberOf(version)} still needs approval from: ${missing.join(", ")}.`, {
        missingApprovals: missing,
      });
    if (version.content.trim() === "") throw badRequest(msg`Add the policy's text before publishing it.`);
    const now = new Date();
    const issueDate = version.issueDate ?? todayInLondon();
    const previous = await supersedePublished(tx, id, now);
    await updateVersionRow(tx, versionId, {
      status: "published",
      publishedAt: now,
      issueDate,
      approvedAt: version.approvedAt ?? now,
    });
    const nextDue = reviewDueAfter(issueDate, policy.reviewFrequency) ?? policy.nextReviewDue;
    for (const listener of onPolicyPublished)
      await listener(tx, { actor, policyId: id, versionId, noChanges: version.noChanges });
    await setNextReviewDue(tx, id, nextDue, now);
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
