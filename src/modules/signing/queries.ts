/**
 * The SQL of signatures.ts: reading and writing signature records (signed, declined, withdrawn,
 * corrected) and looking them up by their reference. These only read and write rows; whether a
 * signature may be made, read or trusted is decided in signatures.ts and access/signatures.ts.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { people, roleAssignments, schools, signatures } from "../../db/schema.js";

type SignatureRow = typeof signatures.$inferSelect;

export async function insertSignatureRow(tx: Tx, row: SignatureRow) {
  await tx.insert(signatures).values(row);
}

/** The signature recorded under a shared device's key in this school, if any (decision 039). */
export async function signatureByKey(tx: Tx, schoolId: string, key: string) {
  const [row] = await tx
    .select()
    .from(signatures)
    .where(and(eq(signatures.schoolId, schoolId), eq(signatures.idempotencyKey, key)));
  return row;
}

export async function insertDecline(tx: Tx, values: typeof signatures.$inferInsert) {
  const [row] = await tx.insert(signatures).values(values).returning();
  return row;
}

/** The kind of a person's latest record for a subject (signed, declined, withdrawn), if any. */
export async function latestKindOf(tx: Tx, schoolId: string, subjectId: string, personId: string) {
  const [latest] = await tx
    .select({ kind: signatures.kind })
    .from(signatures)
    .where(
      and(
        eq(signatures.schoolId, schoolId),
        eq(signatures.subjectId, subjectId),
        eq(signatures.personId, personId),
      ),
    )
    .orderBy(desc(signatures.signedAt))
    .limit(1);
  return latest;
}

/** The email addresses of the school's admins that have one. */
export async function schoolAdminEmails(tx: Tx, schoolId: string) {
  return tx
    .select({ id: people.id, email: people.email })
    .from(people)
    .innerJoin(roleAssignments, eq(roleAssignments.personId, people.id))
    .where(
      and(
        eq(people.schoolId, schoolId),
        eq(roleAssignments.role, "school_admin"),
        sql`${people.email} IS NOT NULL`,
      ),
    );
}

/** A signature (not a decline or a withdrawal) of this school. */
export async function findSigned(db: Db, schoolId: string, id: string) {
  const [row] = await db
    .select()
    .from(signatures)
    // Only signatures have receipts: a decline is recorded, but nobody signed anything.
    .where(and(eq(signatures.schoolId, schoolId), eq(signatures.id, id), eq(signatures.kind, "signed")));
  return row;
}

export async function isPersonOf(db: Db, schoolId: string, personId: string) {
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  return Boolean(person);
}

/** Every record a person has, of any subject, newest first. */
export async function signaturesOfPerson(db: Db, schoolId: string, personId: string) {
  return db
    .select()
    .from(signatures)
    .where(and(eq(signatures.schoolId, schoolId), eq(signatures.personId, personId)))
    .orderBy(desc(signatures.signedAt));
}

export async function kioskSignatureByReference(db: Db, reference: string) {
  const [row] = await db
    .select()
    .from(signatures)
    .where(
      and(
        eq(signatures.verificationRef, reference),
        eq(signatures.kind, "signed"),
        eq(signatures.authMethod, "kiosk"),
      ),
    );
  return row;
}

/** Any record with this reference, in any school, with the school's name. */
export async function recordByReference(db: Db, reference: string) {
  const [row] = await db
    .select({ s: signatures, schoolName: schools.name })
    .from(signatures)
    .innerJoin(schools, eq(schools.id, signatures.schoolId))
    .where(eq(signatures.verificationRef, reference));
  return row;
}

/** The withdrawal or correction that points at a signature, if one does. */
export async function laterRecordOf(db: DbOrTx, schoolId: string, signatureId: string) {
  const [later] = await db
    .select({ kind: signatures.kind, at: signatures.signedAt })
    .from(signatures)
    .where(and(eq(signatures.schoolId, schoolId), eq(signatures.correctsId, signatureId)));
  return later;
}
