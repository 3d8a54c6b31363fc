/**
 * The policy health check's face: the text of every version imported, started or edited is
 * checked (check.ts, against the rules in rules/) in the same transaction; findings are read on
 * the policy and version pages, and dismissed with a reason or reinstated, each audited.
 */
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import { canDismissFinding, canReadPolicyHealth } from "../access/policy-health.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { approverRoles, onVersionWritten } from "../policies/service.js";
import { onCountryChanged, schoolCountry } from "../schools/service.js";
import { checkRecord, checkText, findInLibrary, fingerprintOf } from "./check.js";
import {
  dismissalsOf,
  findingsOf,
  insertDismissal,
  libraryOf,
  markReinstated,
  openDismissal,
  policyRow,
  replaceFindings,
  versionsOf,
  versionText,
  wasFound,
} from "./queries.js";
import { RULES_BY_KEY } from "./rules/index.js";
import type { HealthRule } from "./rules/types.js";
import type { DismissalInput, DismissedFindingView, HealthFindingView, PolicyHealthView } from "./schema.js";

type PolicyRow = NonNullable<Awaited<ReturnType<typeof policyRow>>>;

async function checkVersion(tx: Tx, schoolId: string, policy: PolicyRow, versionId: string) {
  const found = checkText({
    title: policy.title,
    content: await versionText(tx, schoolId, versionId),
    country: await schoolCountry(tx, schoolId),
    today: todayInLondon(),
  });
  await replaceFindings(tx, { schoolId, policyId: policy.id, versionId }, found);
}

onVersionWritten.push(async (tx, { actor, policyId, versionId }) => {
  const policy = await policyRow(tx, actor.schoolId, policyId);
  if (policy) await checkVersion(tx, actor.schoolId, policy, versionId);
});

// Another country's guidance: every policy's newest version is checked again, in the same transaction.
onCountryChanged.push(async (tx, actor) => {
  const library = await libraryOf(tx, actor.schoolId);
  const newest = new Map<string, string>();
  for (const v of await versionsOf(
    tx,
    actor.schoolId,
    library.map((p) => p.id),
  ))
    if (!newest.has(v.policyId)) newest.set(v.policyId, v.id);
  for (const policy of library) {
    const versionId = newest.get(policy.id);
    if (versionId) await checkVersion(tx, actor.schoolId, policy, versionId);
  }
});

function present(
  rule: HealthRule,
  found: { sentence: string | null; subject: string | null; fingerprint: string },
  params: Record<string, string> = {},
): HealthFindingView {
  return {
    fingerprint: found.fingerprint,
    ruleKey: rule.key,
    set: rule.set,
    sentence: found.sentence,
    subject: found.subject,
    params,
    title: rule.title,
    why: rule.why,
    replacement: rule.replacement ?? null,
  };
}

/**
 * Each policy's findings on one version (the one given, else its newest), split into open and
 * dismissed; references to policies the library holds become links. The record rules (review
 * date, history) are checked now, since a date passes without anyone editing.
 */
async function assess(db: DbOrTx, schoolId: string, chosen: PolicyRow[], versionId?: string) {
  const ids = chosen.map((p) => p.id);
  const versions = await versionsOf(db, schoolId, ids);
  const library = await libraryOf(db, schoolId);
  const checked = new Map<string, (typeof versions)[number]>();
  for (const v of versions)
    if (versionId ? v.id === versionId : !checked.has(v.policyId)) checked.set(v.policyId, v);
  const rows = await findingsOf(
    db,
    schoolId,
    [...checked.values()].map((v) => v.id),
  );
  const dismissals = await dismissalsOf(db, schoolId, ids);
  const today = todayInLondon();
  return chosen.map((policy) => {
    const version = checked.get(policy.id) ?? null;
    const found: HealthFindingView[] = [];
    const linked: PolicyHealthView["linked"] = [];
    const others = library.filter((p) => p.id !== policy.id);
    for (const row of rows.filter((r) => r.versionId === version?.id)) {
      const rule = RULES_BY_KEY.get(row.ruleKey);
      if (!rule) continue; // a rule since withdrawn from the rule sets
      const held = rule.kind === "reference" && row.subject ? findInLibrary(row.subject, others) : undefined;
      if (held) linked.push({ name: row.subject!, policyId: held.id, title: held.title });
      else found.push(present(rule, row));
    }
    const mine = versions.filter((v) => v.policyId === policy.id);
    for (const r of checkRecord({
      nextReviewDue: policy.nextReviewDue,
      documentHistory: policy.history as unknown[],
      versionCount: mine.length,
      imported: mine.some((v) => v.sourceFileName),
      today,
    })) {
      const fingerprint = fingerprintOf(r.ruleKey, r.params.due ?? null);
      found.push(
        present(RULES_BY_KEY.get(r.ruleKey)!, { sentence: null, subject: null, fingerprint }, r.params),
      );
    }
    const open: HealthFindingView[] = [];
    const dismissed: DismissedFindingView[] = [];
    for (const f of found) {
      const d = dismissals.find((x) => x.policyId === policy.id && x.fingerprint === f.fingerprint);
      if (d)
        dismissed.push({
          ...f,
          dismissal: { id: d.id, reason: d.reason, byName: d.byName, at: d.dismissedAt.toISOString() },
        });
      else open.push(f);
    }
    return { policy, version, open, dismissed, linked };
  });
}

async function loadReadable(db: DbOrTx, actor: Actor, policyId: string) {
  const policy = await policyRow(db, actor.schoolId, policyId);
  // A policy the asker may not see is "not found", so its existence is not given away.
  if (!policy || !canReadPolicyHealth(actor, policy, await approverRoles(db, actor.schoolId)))
    throw notFound(msg`policy`);
  return policy;
}

export async function policyHealth(
  db: DbOrTx,
  actor: Actor,
  policyId: string,
  versionId?: string,
): Promise<PolicyHealthView> {
  const policy = await loadReadable(db, actor, policyId);
  const [a] = await assess(db, actor.schoolId, [policy], versionId);
  if (versionId && a.version?.id !== versionId) throw notFound(msg`policy version`);
  return {
    policyId,
    version: a.version ? { id: a.version.id, number: `${a.version.major}.${a.version.minor}` } : null,
    country: await schoolCountry(db, actor.schoolId),
    findings: a.open,
    dismissed: a.dismissed,
    linked: a.linked,
    canDismiss: canDismissFinding(actor, policy),
  };
}

async function loadDismissable(db: DbOrTx, actor: Actor, policyId: string) {
  const policy = await loadReadable(db, actor, policyId);
  if (!canDismissFinding(actor, policy))
    throw forbidden(
      msg`Only the policy's owner, the headteacher or a school admin can dismiss its findings.`,
    );
  return policy;
}

/** Set a finding aside with the school's reason; the same sentence in later versions stays dismissed. */
export async function dismissFinding(db: Db, actor: Actor, policyId: string, input: DismissalInput) {
  await db.transaction(async (tx) => {
    const policy = await loadDismissable(tx, actor, policyId);
    const [now] = await assess(tx, actor.schoolId, [policy]);
    const finding =
      now.open.find((f) => f.fingerprint === input.fingerprint) ??
      (await wasFound(tx, actor.schoolId, policyId, input.fingerprint));
    if (!finding)
      throw badRequest(msg`That finding is not one the health check raised on this policy.`, [
        { field: "fingerprint", message: msg`Choose a finding listed on the policy.` },
      ]);
    const row = await insertDismissal(tx, {
      schoolId: actor.schoolId,
      policyId,
      ruleKey: finding.ruleKey,
      fingerprint: input.fingerprint,
      reason: input.reason,
      dismissedBy: actor.personId,
    });
    if (!row) throw conflict(msg`That finding has already been dismissed.`);
    await recordEvent(tx, actor, {
      action: "policy_health.finding_dismissed",
      entityType: "policy",
      entityId: policyId,
      summary: {
        title: policy.title,
        rule: finding.ruleKey,
        sentence: finding.sentence,
        reason: input.reason,
      },
    });
  });
  return policyHealth(db, actor, policyId);
}

/** Undo a dismissal: the finding is open again; the dismissal stays on record, marked reinstated. */
export async function reinstateFinding(db: Db, actor: Actor, policyId: string, dismissalId: string) {
  await db.transaction(async (tx) => {
    const policy = await loadDismissable(tx, actor, policyId);
    const dismissal = await openDismissal(tx, actor.schoolId, policyId, dismissalId);
    if (!dismissal) throw notFound(msg`dismissal`);
    if (dismissal.reinstatedAt) throw conflict(msg`That finding has already been reinstated.`);
    await markReinstated(tx, dismissalId, actor.personId);
    await recordEvent(tx, actor, {
      action: "policy_health.finding_reinstated",
      entityType: "policy",
      entityId: policyId,
      summary: { title: policy.title, rule: dismissal.ruleKey, reason: dismissal.reason },
    });
  });
  return policyHealth(db, actor, policyId);
}

/** For the home page: each policy this person manages with open findings on its newest version. */
export async function policiesWithFindings(db: DbOrTx, actor: Actor) {
  const managed = (await libraryOf(db, actor.schoolId)).filter((p) => canDismissFinding(actor, p));
  if (managed.length === 0) return [];
  return (await assess(db, actor.schoolId, managed))
    .filter((a) => a.open.length > 0)
    .map((a) => ({ id: a.policy.id, title: a.policy.title, count: a.open.length }));
}

export { policyHealthAttention } from "./attention.js";
