/**
 * The health check's SQL. Policies and their versions are read straight from the policies
 * module's tables (a read-only join, as a report would); findings and dismissals are its own.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import { policies, policyHealthDismissals, policyHealthFindings, policyVersions } from "../../db/schema.js";
import { personNameSql } from "../../kernel/names.js";
import type { TextFinding } from "./check.js";

export type FindingRow = typeof policyHealthFindings.$inferSelect;

export async function policyRow(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.schoolId, schoolId), eq(policies.id, id)));
  return row;
}

/** The policy's title and library as they are when a version's text is checked. */
export async function libraryOf(db: DbOrTx, schoolId: string) {
  return db.select().from(policies).where(eq(policies.schoolId, schoolId)).orderBy(asc(policies.title));
}

/** Each policy's versions, newest first: the first is the one the policy page shows findings for. */
export async function versionsOf(db: DbOrTx, schoolId: string, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return db
    .select({
      id: policyVersions.id,
      policyId: policyVersions.policyId,
      major: policyVersions.major,
      minor: policyVersions.minor,
      sourceFileName: policyVersions.sourceFileName,
    })
    .from(policyVersions)
    .where(and(eq(policyVersions.schoolId, schoolId), inArray(policyVersions.policyId, policyIds)))
    .orderBy(desc(policyVersions.major), desc(policyVersions.minor));
}

export async function versionText(db: DbOrTx, schoolId: string, versionId: string) {
  const [row] = await db
    .select({ content: policyVersions.content })
    .from(policyVersions)
    .where(and(eq(policyVersions.schoolId, schoolId), eq(policyVersions.id, versionId)));
  return row?.content ?? "";
}

export async function replaceFindings(
  tx: Tx,
  at: { schoolId: string; policyId: string; versionId: string },
  found: TextFinding[],
) {
  await tx.delete(policyHealthFindings).where(eq(policyHealthFindings.versionId, at.versionId));
  if (found.length === 0) return;
  await tx.insert(policyHealthFindings).values(found.map((f, position) => ({ ...at, ...f, position })));
}

export async function findingsOf(db: DbOrTx, schoolId: string, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return db
    .select()
    .from(policyHealthFindings)
    .where(
      and(eq(policyHealthFindings.schoolId, schoolId), inArray(policyHealthFindings.versionId, versionIds)),
    )
    .orderBy(asc(policyHealthFindings.position));
}

/** Has any version of the policy raised this finding? (A dismissal must be of something found.) */
export async function wasFound(db: DbOrTx, schoolId: string, policyId: string, fingerprint: string) {
  const [row] = await db
    .select({ ruleKey: policyHealthFindings.ruleKey, sentence: policyHealthFindings.sentence })
    .from(policyHealthFindings)
    .where(
      and(
        eq(policyHealthFindings.schoolId, schoolId),
        eq(policyHealthFindings.policyId, policyId),
        eq(policyHealthFindings.fingerprint, fingerprint),
      ),
    )
    .limit(1);
  return row;
}

/** Dismissals in force (not reinstated), with who made them. */
export async function dismissalsOf(db: DbOrTx, schoolId: string, policyIds: string[]) {
  if (policyIds.length === 0) return [];
  return db
    .select({
      id: policyHealthDismissals.id,
      policyId: policyHealthDismissals.policyId,
      fingerprint: policyHealthDismissals.fingerprint,
      reason: policyHealthDismissals.reason,
      dismissedAt: policyHealthDismissals.dismissedAt,
      byName: sql<
        string | null
      >`(SELECT ${personNameSql("p")} FROM people p WHERE p.id = ${policyHealthDismissals.dismissedBy})`,
    })
    .from(policyHealthDismissals)
    .where(
      and(
        eq(policyHealthDismissals.schoolId, schoolId),
        inArray(policyHealthDismissals.policyId, policyIds),
        isNull(policyHealthDismissals.reinstatedAt),
      ),
    );
}

export async function insertDismissal(tx: Tx, values: typeof policyHealthDismissals.$inferInsert) {
  const [row] = await tx.insert(policyHealthDismissals).values(values).onConflictDoNothing().returning();
  return row;
}

export async function openDismissal(tx: Tx, schoolId: string, policyId: string, id: string) {
  const [row] = await tx
    .select()
    .from(policyHealthDismissals)
    .where(
      and(
        eq(policyHealthDismissals.schoolId, schoolId),
        eq(policyHealthDismissals.policyId, policyId),
        eq(policyHealthDismissals.id, id),
      ),
    )
    .for("update");
  return row;
}

export async function markReinstated(tx: Tx, id: string, by: string | null) {
  await tx
    .update(policyHealthDismissals)
    .set({ reinstatedAt: new Date(), reinstatedBy: by })
    .where(eq(policyHealthDismissals.id, id));
}
