/**
 * The agreements module's SQL: agreements and the line of agreements that replaced one another,
 * assignments and the rules that assign new starters. These only read and write rows; what is
 * allowed and what follows from it is decided in service.ts.
 */
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
import type { Kind } from "../access/roles.js";

export type AgreementRow = typeof agreements.$inferSelect;
type NewAssignment = typeof assignments.$inferInsert;

// ---- agreements

/** A policy version with its policy's title, or null when the school has no such version. */
export async function versionInfo(db: DbOrTx, schoolId: string, versionId: string) {
  const [row] = await db
    .select({ version: policyVersions, policyTitle: policies.title })
    .from(policyVersions)
    .innerJoin(policies, eq(policies.id, policyVersions.policyId))
    .where(and(eq(policyVersions.schoolId, schoolId), eq(policyVersions.id, versionId)));
  return row ?? null;
}

export async function policyVersion(db: DbOrTx, versionId: string) {
  const [version] = await db.select().from(policyVersions).where(eq(policyVersions.id, versionId));
  return version;
}

/** What a policy version's note says changed in it. */
export async function versionSummary(db: DbOrTx, versionId: string) {
  const [version] = await db
    .select({ summary: policyVersions.summary })
    .from(policyVersions)
    .where(eq(policyVersions.id, versionId));
  return version;
}

export async function insertAgreementRow(tx: Tx, values: typeof agreements.$inferInsert) {
  const [row] = await tx.insert(agreements).values(values).returning();
  return row;
}

export async function markSuperseded(tx: Tx, agreementId: string) {
  await tx.update(agreements).set({ status: "superseded" }).where(eq(agreements.id, agreementId));
}

export async function findAgreement(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.schoolId, schoolId), eq(agreements.id, id)));
  return row;
}

export async function agreementById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row;
}

/** The school's active agreements for a policy: for every audience, or for one. */
export async function activeAgreementsOfPolicy(
  db: DbOrTx,
  schoolId: string,
  policyId: string,
  audience?: string,
) {
  return db
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.schoolId, schoolId),
        eq(agreements.policyId, policyId),
        ...(audience === undefined ? [] : [eq(agreements.audience, audience)]),
        eq(agreements.status, "active"),
      ),
    );
}

export async function activeAgreements(db: DbOrTx, schoolId: string) {
  return db
    .select()
    .from(agreements)
    .where(and(eq(agreements.schoolId, schoolId), eq(agreements.status, "active")))
    .orderBy(asc(agreements.title));
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
  return agreementById(db, newest.id);
}

// ---- assignments and the rules that assign new starters

/** Who is still asked to sign an agreement, and by when. */
export async function openAssignments(tx: Tx, agreementId: string) {
  return tx
    .select({ personId: assignments.personId, dueDate: assignments.dueDate })
    .from(assignments)
    .where(and(eq(assignments.agreementId, agreementId), isNull(assignments.cancelledAt)));
}

/** Assign; a person already assigned the agreement keeps the assignment they have. Returns the new ones. */
export async function insertAssignments(tx: Tx, values: NewAssignment[]) {
  return tx.insert(assignments).values(values).onConflictDoNothing().returning({ id: assignments.id });
}

/** The same, for carrying assignments over to a new agreement, where nobody counts them. */
export async function carryAssignments(tx: Tx, values: NewAssignment[]) {
  await tx.insert(assignments).values(values).onConflictDoNothing();
}

export async function rulesOf(tx: Tx, agreementId: string) {
  return tx.select().from(agreementRules).where(eq(agreementRules.agreementId, agreementId));
}

export async function insertRules(tx: Tx, values: (typeof agreementRules.$inferInsert)[]) {
  await tx.insert(agreementRules).values(values);
}

/** The school's current members who are of one of the kinds, hold one of the roles, or are named. */
export async function currentMembersMatching(
  tx: Tx,
  schoolId: string,
  today: string,
  match: { kinds: Kind[]; roles: string[]; personIds: string[] },
) {
  return tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.schoolId, schoolId),
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
        sql`(${people.kinds} && ${sql.param(match.kinds)}::text[]
            OR ${people.id} IN (SELECT ${roleAssignments.personId} FROM ${roleAssignments} WHERE ${roleAssignments.schoolId} = ${schoolId} AND ${roleAssignments.role} = ANY(${sql.param(match.roles)}::text[]))
            OR ${people.id} = ANY(${sql.param(match.personIds)}::uuid[]))`,
      ),
    );
}

/** People who joined (the people import's `people.joined` events) and have not been assigned yet. */
export async function unhandledJoins(db: Db) {
  return db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.type, "people.joined"), isNull(domainEvents.handledAt)))
    .orderBy(asc(domainEvents.createdAt))
    .limit(50);
}

export async function markJoinHandled(tx: Tx, eventId: string) {
  await tx.update(domainEvents).set({ handledAt: new Date() }).where(eq(domainEvents.id, eventId));
}

/** The school's assignment rules of active agreements, each with its agreement. */
export async function activeRules(tx: Tx, schoolId: string) {
  return tx
    .select({ rule: agreementRules, agreement: agreements })
    .from(agreementRules)
    .innerJoin(agreements, eq(agreements.id, agreementRules.agreementId))
    .where(and(eq(agreementRules.schoolId, schoolId), eq(agreements.status, "active")));
}

/** Joiners' kinds, start dates and designated roles, which the rules are matched against. */
export async function joinersWithRoles(tx: Tx, schoolId: string, personIds: string[]) {
  const joiners = await tx
    .select({ id: people.id, kinds: people.kinds, startDate: people.startDate })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), inArray(people.id, personIds)));
  const roles = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.schoolId, schoolId), inArray(roleAssignments.personId, personIds)));
  return { joiners, roles };
}

// ---- what a person is asked to sign

/** A person's open assignments of active agreements, each with its agreement. */
export async function myOpenAssignments(db: DbOrTx, schoolId: string, personId: string) {
  return db
    .select({ assignment: assignments, agreement: agreements })
    .from(assignments)
    .innerJoin(agreements, eq(agreements.id, assignments.agreementId))
    .where(
      and(
        eq(assignments.schoolId, schoolId),
        eq(assignments.personId, personId),
        isNull(assignments.cancelledAt),
        eq(agreements.status, "active"),
      ),
    );
}

/** Every signature record (signed, declined, withdrawn) a person has of any agreement. */
export async function mySignaturesOfAgreements(db: DbOrTx, schoolId: string, personId: string) {
  return db
    .select()
    .from(signatures)
    .where(
      and(
        eq(signatures.schoolId, schoolId),
        eq(signatures.personId, personId),
        eq(signatures.subjectType, "agreement"),
      ),
    );
}
