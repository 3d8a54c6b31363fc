/**
 * The policies module's SQL: policies, their versions and approvals, and who approves them at a
 * school. These only read and write rows; who may do what, and in which order, is decided in
 * service.ts and versions.ts.
 */
import { and, asc, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { people, policies, policyApprovals, policySettings, policyVersions } from "../../db/schema.js";
import { fullNameSql } from "../../kernel/names.js";
import type { Role } from "../access/roles.js";

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;
export type Approval = { role: string; personName: string; approvedAt: Date };

// ---- who approves policies at a school

/** The roles a school has chosen to approve its policies, if it has chosen. */
export async function chosenApproverRoles(db: DbOrTx, schoolId: string) {
  const [row] = await db.select().from(policySettings).where(eq(policySettings.schoolId, schoolId));
  return row?.approverRoles as Role[] | undefined;
}

export async function saveApproverRoles(tx: Tx, schoolId: string, roles: Role[]) {
  await tx
    .insert(policySettings)
    .values({ schoolId, approverRoles: roles })
    .onConflictDoUpdate({ target: policySettings.schoolId, set: { approverRoles: roles } });
}

// ---- policies

/**
 * A policy row, with whether any version of it is published: a reader who sees only published
 * policies must not learn that a draft-only policy exists (access/policies.ts).
 */
const policyWithPublished = {
  ...getTableColumns(policies),
  // Written out in full: in a single-table select Drizzle leaves ${policies.id} unqualified, which
  // inside the subquery would mean the version's own id.
  hasPublishedVersion: sql<boolean>`EXISTS (SELECT 1 FROM policy_versions pv WHERE pv.policy_id = policies.id AND pv.status = 'published')`,
};

export async function findPolicy(db: DbOrTx, schoolId: string, id: string) {
  const [policy] = await db
    .select(policyWithPublished)
    .from(policies)
    .where(and(eq(policies.schoolId, schoolId), eq(policies.id, id)));
  return policy;
}

/** A school's policies, those due for review soonest first. */
export async function policiesOfSchool(db: DbOrTx, schoolId: string) {
  return db
    .select(policyWithPublished)
    .from(policies)
    .where(eq(policies.schoolId, schoolId))
    .orderBy(asc(policies.nextReviewDue), asc(policies.title));
}

export async function insertPolicy(tx: Tx, values: typeof policies.$inferInsert) {
  const [policy] = await tx.insert(policies).values(values).returning();
  return policy;
}

export async function updatePolicyRow(
  tx: Tx,
  schoolId: string,
  id: string,
  set: Partial<typeof policies.$inferInsert>,
) {
  await tx
    .update(policies)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(policies.schoolId, schoolId), eq(policies.id, id)));
}

/** Held until the transaction ends, so two people cannot start a new version at the same moment. */
export async function lockPolicy(tx: Tx, id: string) {
  await tx.execute(sql`SELECT id FROM policies WHERE id = ${id} FOR UPDATE`);
}

export async function setNextReviewDue(tx: Tx, id: string, nextReviewDue: string | null, now: Date) {
  await tx.update(policies).set({ nextReviewDue, updatedAt: now }).where(eq(policies.id, id));
}

/** Policies whose review date has passed, the longest overdue first. */
export async function overdueReviews(db: DbOrTx, schoolId: string, today: string) {
  return db
    .select({
      schoolId: policies.schoolId,
      id: policies.id,
      title: policies.title,
      due: policies.nextReviewDue,
      owner: policies.ownerPersonId,
    })
    .from(policies)
    .where(and(eq(policies.schoolId, schoolId), sql`${policies.nextReviewDue} < ${today}`))
    .orderBy(asc(policies.nextReviewDue));
}

const nameOf = fullNameSql(people.givenName, people.familyName);

/** A person's name as the directory writes it, or null when they are not in this school. */
export async function personName(db: DbOrTx, schoolId: string, id: string | null) {
  if (!id) return null;
  const [p] = await db
    .select({ name: nameOf })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  return p?.name ?? null;
}

// ---- versions

export async function findVersion(db: DbOrTx, policy: PolicyRow, versionId: string, forUpdate = false) {
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
  return version;
}

/** A policy's versions, newest first. */
export async function versionsOf(db: DbOrTx, policyId: string) {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.policyId, policyId))
    .orderBy(desc(policyVersions.major), desc(policyVersions.minor));
}

/** The versions of several policies, newest first. */
export async function versionsOfPolicies(db: DbOrTx, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return db
    .select()
    .from(policyVersions)
    .where(inArray(policyVersions.policyId, policyIds))
    .orderBy(desc(policyVersions.major), desc(policyVersions.minor));
}

export async function insertVersion(tx: Tx, values: typeof policyVersions.$inferInsert) {
  const [version] = await tx.insert(policyVersions).values(values).returning();
  return version;
}

export async function updateVersionRow(
  tx: Tx,
  versionId: string,
  set: Partial<typeof policyVersions.$inferInsert>,
) {
  await tx.update(policyVersions).set(set).where(eq(policyVersions.id, versionId));
}

/** The version in force becomes superseded; returns its number, if there was one. */
export async function supersedePublished(tx: Tx, policyId: string, now: Date) {
  return tx
    .update(policyVersions)
    .set({ status: "superseded", supersededAt: now })
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.status, "published")))
    .returning({ major: policyVersions.major, minor: policyVersions.minor });
}

// ---- approvals

/** Each version's approvals, earliest first, with the approver's name. */
export async function approvalsFor(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, Approval[]>();
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

/** The roles a version has been approved as so far. */
export async function approvedRoles(tx: Tx, versionId: string) {
  return (
    await tx
      .select({ role: policyApprovals.role })
      .from(policyApprovals)
      .where(eq(policyApprovals.versionId, versionId))
  ).map((r) => r.role);
}

/** The roles each of several versions has been approved as so far. */
export async function approvedRolesOf(db: DbOrTx, versionIds: string[]) {
  const map = new Map<string, string[]>();
  if (versionIds.length === 0) return map;
  const rows = await db
    .select({ versionId: policyApprovals.versionId, role: policyApprovals.role })
    .from(policyApprovals)
    .where(inArray(policyApprovals.versionId, versionIds));
  for (const r of rows) map.set(r.versionId, [...(map.get(r.versionId) ?? []), r.role]);
  return map;
}

/** One approval for each role; a role that has already approved is left as it was. Returns the new ones. */
export async function addApprovals(
  tx: Tx,
  schoolId: string,
  versionId: string,
  personId: string,
  roles: Role[],
) {
  return tx
    .insert(policyApprovals)
    .values(roles.map((role) => ({ schoolId, versionId, role, personId })))
    .onConflictDoNothing()
    .returning({ role: policyApprovals.role });
}

export async function clearApprovals(tx: Tx, versionId: string) {
  await tx.delete(policyApprovals).where(eq(policyApprovals.versionId, versionId));
}
