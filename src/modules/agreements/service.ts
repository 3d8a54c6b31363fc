/**
 * The agreements module's face: agreements (made from a published policy version and carried to
 * the next one), what a person is asked to sign and where they stand; assigning is in
 * assignments.ts, the SQL in queries.ts.
 */
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import type { signatures } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { onPolicyPublished, renderPolicyMarkdown } from "../policies/service.js";
import { type SignableText, textSha256 } from "../signing/service.js";
import {
  type AgreementRow,
  activeAgreements,
  activeAgreementsOfPolicy,
  agreementById,
  carryAssignments,
  insertAgreementRow,
  insertRules,
  markSuperseded,
  myOpenAssignments,
  mySignaturesOfAgreements,
  openAssignments,
  policyVersion,
  rulesOf,
  versionInfo,
  versionSummary,
} from "./queries.js";
import type { AgreementStatus, AgreementToSignView, AgreementView, Audience } from "./schema.js";
// Agreements are signed through the signing module: this tells it what an agreement is.
import "./signing-subject.js";

export { assign, assignNewStarters, loadAgreement } from "./assignments.js";
export { complianceCsv, complianceMatrix } from "./compliance.js";
export { agreementInForce } from "./queries.js";

type SignatureRow = typeof signatures.$inferSelect;
export type ChoiceDef = { key: string; label: string; options: string[] };
/** New starters and people re-assigned for a new version get this long to sign. */
const DEFAULT_DAYS_TO_SIGN = 14;

// ---- the text a signer sees

/** Agreements made from now on hash the policy text shown as well as the statements. */
const TEXT_FORMAT = 2;

/**
 * What the hash is of. Format 1 (agreements made before signers were shown the policy) left the
 * policy text out; their signatures must keep verifying, so each agreement keeps its own format.
 */
export function signable(
  a: Pick<AgreementRow, "title" | "declaration" | "statements" | "choices" | "policyText" | "textFormat">,
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
    ...(a.textFormat >= 2 ? { policyText: a.policyText ?? "" } : {}),
  };
}

/**
 * Rendered policy texts by agreement: an agreement's snapshot never changes, and class devices ask
 * for theirs every few seconds. Bounded, oldest out first.
 */
const renderedPolicies = new Map<string, string>();
function renderedPolicy(a: AgreementRow): string | null {
  if (!a.policyText) return null;
  let html = renderedPolicies.get(a.id);
  if (html === undefined) {
    html = renderPolicyMarkdown(a.policyText);
    if (renderedPolicies.size >= 200) renderedPolicies.delete(renderedPolicies.keys().next().value!);
    renderedPolicies.set(a.id, html);
  }
  return html;
}

/**
 * The agreement as a signer receives it: the exact text in force and its hash. `withPolicyText`
 * adds the policy's text, rendered, for the screens where someone signs (lists leave it out).
 */
export function presentAgreement(a: AgreementRow, withPolicyText = false): AgreementView {
  // Everything shown comes from the agreement's own snapshot, so the text always matches its hash
  // even if the policy is renamed later.
  return {
    ...(withPolicyText ? { policyTextHtml: renderedPolicy(a) } : {}),
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
  if (!info) throw notFound(msg`policy version`);
  if (info.version.status !== "published")
    throw conflict(msg`Only the published version of a policy can be signed. Publish it first.`);
  const statements = input.statements ?? (info.version.statements as string[]);
  if (statements.length === 0)
    throw badRequest(
      msg`This policy version has no statements to sign. Add them to the version, or list them here.`,
      [{ field: "statements", message: msg`No statements.` }],
    );
  const base = {
    title: input.title,
    declaration: input.declaration,
    statements,
    choices: input.choices ?? [],
    // What the signer is shown above the statements, and hashed with them (format 2).
    policyText: info.version.content.trim() === "" ? null : info.version.content,
    textFormat: TEXT_FORMAT,
  };
  const versionNumber = `${info.version.major}.${info.version.minor}`;
  const hash = textSha256(signable(base, info.policyTitle, versionNumber));
  const row = await insertAgreementRow(tx, {
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
  });
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
  await markSuperseded(tx, old.id);
  const carried = await openAssignments(tx, old.id);
  const due = addDays(todayInLondon(), DEFAULT_DAYS_TO_SIGN);
  if (carried.length > 0)
    await carryAssignments(
      tx,
      carried.map((c) => ({
        schoolId: actor.schoolId,
        agreementId: next.id,
        personId: c.personId,
        dueDate: next.sameTextAsPrevious ? c.dueDate : due,
        source: "new_version" as const,
        assignedBy: actor.personId,
      })),
    );
  const rules = await rulesOf(tx, old.id);
  if (rules.length > 0)
    await insertRules(
      tx,
      rules.map(({ id: _id, ...r }) => ({ ...r, agreementId: next.id })),
    );
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
    if (!info) throw notFound(msg`policy version`);
    const [previous] = await activeAgreementsOfPolicy(
      tx,
      actor.schoolId,
      info.version.policyId,
      input.audience,
    );
    if (previous?.policyVersionId === input.policyVersionId)
      throw conflict(msg`"${previous.title}" already asks ${input.audience} to sign this version.`);
    const row = await insertAgreement(tx, actor, input, previous ?? null, false);
    if (previous) await supersede(tx, actor, previous, row);
    return row;
  });
  return presentAgreement(row);
}

// When a policy version is published, its active agreements move to the new version.
onPolicyPublished.push(async (tx, event) => {
  const active = await activeAgreementsOfPolicy(tx, event.actor.schoolId, event.policyId);
  const newVersion = await policyVersion(tx, event.versionId);
  for (const old of active) {
    if (old.policyVersionId === event.versionId) continue;
    const previousVersion = await policyVersion(tx, old.policyVersionId);
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
  const rows = await activeAgreements(db, actor.schoolId);
  return Promise.all(rows.map((r) => presentAgreement(r)));
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
    const prev = await agreementById(db, current.supersedesId);
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
  const rows = await myOpenAssignments(db, actor.schoolId, actor.personId!);
  const sigs = await mySignaturesOfAgreements(db, actor.schoolId, actor.personId!);
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
    const version = previouslySigned ? await versionSummary(db, agreement.policyVersionId) : undefined;
    result.push({
      ...presentAgreement(agreement, true),
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
export { agreementsAttention } from "./attention.js";
