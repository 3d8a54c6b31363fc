/**
 * Who approves a submitted version, and telling them: the people holding each approver role,
 * the email that asks them (once per person per version), and what is still waiting for whom.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import {
  people,
  policies,
  policyApprovalRequests,
  policyVersions,
  roleAssignments,
} from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { fullNameSql } from "../../kernel/names.js";
import type { Role } from "../access/roles.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { formatNumber } from "./numbering.js";
import type { Approval, PolicyRow, VersionRow } from "./queries.js";

export type RoleHolder = { personId: string; name: string; email: string | null; role: Role };

/** "chair_of_governors" → "chair of governors": how a role reads in a server message or an email. */
export const roleWords = (role: string) => role.replaceAll("_", " ");

/** Current members of the school (not left) holding any of these roles, one row per role held. */
export async function roleHolders(db: DbOrTx, schoolId: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  const rows = await db
    .select({
      personId: people.id,
      name: fullNameSql(people.givenName, people.familyName),
      email: people.email,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        eq(people.schoolId, schoolId),
        inArray(roleAssignments.role, [...roles]),
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${todayInLondon()})`,
      ),
    )
    .orderBy(people.familyName, people.givenName);
  return rows as RoleHolder[];
}

/** The required roles nobody holds: a version submitted now could never be approved. */
export function unheldRoles(required: readonly Role[], holders: RoleHolder[]) {
  return required.filter((role) => !holders.some((h) => h.role === role));
}

/** Still to approve: each required role not yet approved, with the people who hold it. */
export function stillToApprove(required: readonly Role[], approvals: Approval[], holders: RoleHolder[]) {
  const done = new Set(approvals.map((a) => a.role));
  return required
    .filter((role) => !done.has(role))
    .map((role) => ({ role, holders: holders.filter((h) => h.role === role).map((h) => h.name) }));
}

/** A role as an email names it: the same words as `roleWords`, said in the reader's language. */
const ROLE_NAMES: Record<Role, Message> = {
  headteacher: msg`headteacher`,
  dsl: msg`dsl`,
  deputy_dsl: msg`deputy dsl`,
  online_safety_lead: msg`online safety lead`,
  computing_lead: msg`computing lead`,
  network_manager: msg`network manager`,
  dpo: msg`dpo`,
  slt: msg`slt`,
  line_manager: msg`line manager`,
  chair_of_governors: msg`chair of governors`,
  school_admin: msg`school admin`,
};

/** "You are asked to approve it as …": one role, or several (the last joined by "and"). */
function askedAs(roles: readonly Role[]) {
  const names = roles.map((r) => ROLE_NAMES[r] ?? roleWords(r));
  if (names.length === 1) return msg`You are asked to approve it as ${names[0]}.`;
  const first = names.slice(1, -1).reduce<Message | string>((list, name) => msg`${list}, ${name}`, names[0]);
  return msg`You are asked to approve it as ${first} and ${names[names.length - 1]}.`;
}

/**
 * Ask every holder of a role still to approve, by email with a link straight to the version.
 * The (version, person) key makes it once per person per version: submitting again after a
 * withdrawal, or someone else approving, asks nobody twice. The person submitting is recorded
 * as asked but not emailed: they have just done it themselves.
 */
export async function askApprovers(
  tx: Tx,
  args: {
    policy: PolicyRow;
    version: VersionRow;
    holders: RoleHolder[];
    stillNeeded: readonly Role[];
    submittedBy: { personId: string | null; name: string | null };
    schoolName: string;
    publicUrl: string;
  },
) {
  const { policy, version, holders, stillNeeded } = args;
  const byPerson = new Map<string, { holder: RoleHolder; roles: Role[] }>();
  for (const h of holders) {
    if (!stillNeeded.includes(h.role)) continue;
    const entry = byPerson.get(h.personId) ?? { holder: h, roles: [] };
    entry.roles.push(h.role);
    byPerson.set(h.personId, entry);
  }
  if (byPerson.size === 0) return [];
  const fresh = await tx
    .insert(policyApprovalRequests)
    .values(
      [...byPerson.keys()].map((personId) => ({
        schoolId: policy.schoolId,
        versionId: version.id,
        personId,
      })),
    )
    .onConflictDoNothing()
    .returning({ personId: policyApprovalRequests.personId });
  const number = formatNumber(version);
  const link = `${args.publicUrl}/policies/${policy.id}/versions/${version.id}`;
  const emailed: string[] = [];
  const readers = await readersOf(
    tx,
    policy.schoolId,
    fresh.map((f) => f.personId),
  );
  for (const { personId } of fresh) {
    const { holder, roles } = byPerson.get(personId)!;
    if (!holder.email || personId === args.submittedBy.personId) continue;
    await queueMail(tx, policy.schoolId, {
      to: holder.email,
      readers: readers(personId),
      subject: msg`Please approve: ${policy.title}, version ${number}`,
      lines: [
        msg`Dear ${holder.name},`,
        "",
        args.submittedBy.name
          ? msg`${args.submittedBy.name} has submitted version ${number} of "${policy.title}" for approval.`
          : msg`A colleague has submitted version ${number} of "${policy.title}" for approval.`,
        askedAs(roles),
        "",
        msg`Read it and approve it here: ${link}`,
        "",
        msg`If something needs changing, reply to the person who submitted it rather than approving.`,
        "",
        msg`— Accord at ${args.schoolName}`,
      ],
    });
    emailed.push(personId);
  }
  return emailed;
}

/** Submitted versions whose approval is still needed from one of these roles, oldest first. */
export async function submittedVersions(db: DbOrTx, schoolId: string) {
  return db
    .select({
      policyId: policies.id,
      title: policies.title,
      versionId: policyVersions.id,
      major: policyVersions.major,
      minor: policyVersions.minor,
      submittedAt: policyVersions.submittedAt,
    })
    .from(policyVersions)
    .innerJoin(policies, eq(policies.id, policyVersions.policyId))
    .where(and(eq(policyVersions.schoolId, schoolId), eq(policyVersions.status, "submitted")))
    .orderBy(policyVersions.submittedAt);
}
