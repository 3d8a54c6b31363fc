/**
 * Completions: records of training that happened. Insert-only (a database trigger refuses any
 * change); a mistaken one is withdrawn by a new row saying who and why. One call records one
 * person's own course or a whole INSET: the same person, course and day again is not a second
 * completion, and `recorded` counts only the new ones.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { people, trainingCertificates, trainingCompletions, trainingWithdrawals } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { personNameSql } from "../../kernel/names.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import {
  canReadCertificate,
  canReadTrainingOf,
  canRecordTrainingFor,
  canWithdrawCompletion,
} from "../access/training.js";
import { recordEvent } from "../audit/service.js";
import { courseByKey } from "./courses.js";
import { coverage, expiryOf } from "./coverage.js";
import type { CompletionInput, CompletionRecordView, PersonTrainingView } from "./schema.js";

export const MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

/** What a file is, by its first bytes: a renamed .exe is not a PDF because its name says so. */
export function certificateType(bytes: Buffer): "application/pdf" | "image/jpeg" | "image/png" | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  return null;
}

export async function uploadCertificate(db: Db, actor: Actor, file: { fileName: string; bytes: Buffer }) {
  if (!actor.personId) throw badRequest(msg`Certificates are uploaded by the person they belong to.`);
  if (file.bytes.length === 0)
    throw badRequest(msg`The file is empty.`, [{ field: "file", message: msg`Empty` }]);
  const contentType = certificateType(file.bytes);
  if (!contentType)
    throw badRequest(
      msg`A certificate must be a PDF, JPEG or PNG file. Save or scan it as one of those and try again.`,
      [{ field: "file", message: msg`Not a PDF, JPEG or PNG file.` }],
    );
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(trainingCertificates)
      .values({
        schoolId: actor.schoolId,
        personId: actor.personId!,
        fileName: file.fileName.slice(0, 200) || "certificate",
        contentType,
        content: file.bytes,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        uploadedBy: actor.personId,
      })
      .returning({ id: trainingCertificates.id, fileName: trainingCertificates.fileName });
    await recordEvent(tx, actor, {
      action: "training.certificate_uploaded",
      entityType: "person",
      entityId: actor.personId,
      summary: { file: row.fileName, bytes: file.bytes.length },
    });
    return { id: row.id, fileName: row.fileName, contentType, bytes: file.bytes.length };
  });
}

export async function readCertificate(db: Db, actor: Actor, id: string) {
  const [file] = await db
    .select()
    .from(trainingCertificates)
    .where(and(eq(trainingCertificates.schoolId, actor.schoolId), eq(trainingCertificates.id, id)));
  // Someone else's certificate is answered as if it did not exist.
  if (!file || !canReadCertificate(actor, file)) throw notFound(msg`certificate`);
  return file;
}

export async function recordCompletions(db: Db, actor: Actor, input: CompletionInput) {
  const personIds = [...new Set(input.personIds)];
  for (const personId of personIds)
    if (!canRecordTrainingFor(actor, { schoolId: actor.schoolId, personId })) throw forbidden();
  if (input.completedOn > todayInLondon())
    throw badRequest(msg`Training is recorded once it has happened.`, [
      { field: "completedOn", message: msg`This date is in the future.` },
    ]);
  const course = await courseByKey(db, actor.schoolId, input.courseKey).catch(() => {
    throw badRequest(msg`There is no such course.`, [{ field: "courseKey", message: msg`Choose a course.` }]);
  });
  if (course.retiredAt)
    throw badRequest(msg`That course is retired.`, [
      { field: "courseKey", message: msg`Choose a current course.` },
    ]);
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.schoolId, actor.schoolId), inArray(people.id, personIds)));
  if (found.length !== personIds.length)
    throw badRequest(msg`Someone chosen is not in the school's directory.`, [
      { field: "personIds", message: msg`Choose people from the directory.` },
    ]);
  if (input.certificateId) {
    const [certificate] = await db
      .select({ id: trainingCertificates.id, personId: trainingCertificates.personId })
      .from(trainingCertificates)
      .where(
        and(
          eq(trainingCertificates.schoolId, actor.schoolId),
          eq(trainingCertificates.id, input.certificateId),
        ),
      );
    if (!certificate || personIds.length !== 1 || certificate.personId !== personIds[0])
      throw badRequest(msg`That certificate is not this person's.`, [
        { field: "certificateId", message: msg`Upload the certificate again.` },
      ]);
  }
  const source: "self" | "attendance" =
    personIds.length === 1 && personIds[0] === actor.personId ? "self" : "attendance";
  return db.transaction(async (tx: Tx) => {
    const inserted = await tx
      .insert(trainingCompletions)
      .values(
        personIds.map((personId) => ({
          schoolId: actor.schoolId,
          courseId: course.id,
          personId,
          completedOn: input.completedOn,
          source,
          certificateId: input.certificateId ?? null,
          recordedBy: actor.personId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: trainingCompletions.id });
    const recorded = inserted.length;
    if (recorded > 0)
      await recordEvent(tx, actor, {
        action: "training.completion_recorded",
        entityType: "training_course",
        entityId: course.id,
        summary: {
          name: course.name,
          completedOn: input.completedOn,
          recorded,
          ...(personIds.length === 1 && source !== "self" ? { onBehalfOf: personIds[0] } : {}),
        },
      });
    return { recorded, alreadyRecorded: personIds.length - recorded };
  });
}

export async function withdrawCompletion(db: Db, actor: Actor, id: string, reason: string) {
  const [row] = await db
    .select({ completion: trainingCompletions, withdrawn: trainingWithdrawals.completionId })
    .from(trainingCompletions)
    .leftJoin(trainingWithdrawals, eq(trainingWithdrawals.completionId, trainingCompletions.id))
    .where(and(eq(trainingCompletions.schoolId, actor.schoolId), eq(trainingCompletions.id, id)));
  if (!row || !canWithdrawCompletion(actor, row.completion)) throw notFound(msg`training record`);
  if (row.withdrawn) throw conflict(msg`This record is already withdrawn.`);
  await db.transaction(async (tx: Tx) => {
    await tx.insert(trainingWithdrawals).values({
      completionId: id,
      schoolId: actor.schoolId,
      reason,
      withdrawnBy: actor.personId,
    });
    await recordEvent(tx, actor, {
      action: "training.completion_withdrawn",
      entityType: "person",
      entityId: row.completion.personId,
      summary: { completedOn: row.completion.completedOn, courseId: row.completion.courseId, reason },
    });
  });
}

/** One person's courses with their standing, and every record (withdrawn ones marked). */
export async function personTraining(db: Db, actor: Actor, personId: string): Promise<PersonTrainingView> {
  const [person] = await queryRows<{ id: string; name: string; lineManagerId: string | null }>(
    db,
    sql`SELECT p.id, ${personNameSql("p")} AS name, p.line_manager_id AS "lineManagerId"
        FROM people p WHERE p.school_id = ${actor.schoolId} AND p.id = ${personId}`,
  );
  if (!person || !canReadTrainingOf(actor, { schoolId: actor.schoolId, personId, ...person }))
    throw notFound(msg`person`);
  const cover = await coverage(db, actor.schoolId, { personIds: [personId], withLeavers: true });
  const cells = cover.people[0]?.cells ?? new Map();
  const records = await queryRows<
    Omit<CompletionRecordView, "certificate" | "withdrawn" | "expiresOn" | "recordedAt"> & {
      validityMonths: number | null;
      recordedAt: string | Date;
      certificateId: string | null;
      certificateName: string | null;
      certificateType: string | null;
      certificateBytes: number | null;
      withdrawnReason: string | null;
      withdrawnBy: string | null;
      withdrawnAt: string | Date | null;
      recordedById: string | null;
    }
  >(
    db,
    sql`SELECT c.id, k.key AS "courseKey", k.name AS "courseName", c.completed_on::text AS "completedOn",
          k.validity_months AS "validityMonths", c.source, c.recorded_at AS "recordedAt",
          ${personNameSql("r")} AS "recordedBy", c.recorded_by AS "recordedById",
          f.id AS "certificateId", f.file_name AS "certificateName", f.content_type AS "certificateType",
          octet_length(f.content) AS "certificateBytes",
          w.reason AS "withdrawnReason", ${personNameSql("wb")} AS "withdrawnBy", w.withdrawn_at AS "withdrawnAt"
        FROM training_completions c
          JOIN training_courses k ON k.id = c.course_id
          LEFT JOIN people r ON r.id = c.recorded_by
          LEFT JOIN training_certificates f ON f.id = c.certificate_id
          LEFT JOIN training_withdrawals w ON w.completion_id = c.id
          LEFT JOIN people wb ON wb.id = w.withdrawn_by
        WHERE c.school_id = ${actor.schoolId} AND c.person_id = ${personId}
        ORDER BY c.completed_on DESC, c.recorded_at DESC`,
  );
  return {
    person: { id: person.id, name: person.name },
    courses: cover.courses
      .filter((c) => cells.has(c.id))
      .map((c) => ({
        key: c.key,
        name: c.name,
        description: c.description,
        evidence: c.evidence,
        ...cells.get(c.id)!,
      })),
    records: records.map((r) => ({
      canWithdraw: canWithdrawCompletion(actor, {
        schoolId: actor.schoolId,
        personId,
        recordedBy: r.recordedById,
      }),
      id: r.id,
      courseKey: r.courseKey,
      courseName: r.courseName,
      completedOn: r.completedOn,
      expiresOn: expiryOf(r.completedOn, r.validityMonths),
      source: r.source,
      certificate: r.certificateId
        ? {
            id: r.certificateId,
            fileName: r.certificateName!,
            contentType: r.certificateType!,
            bytes: Number(r.certificateBytes),
          }
        : null,
      // A name the concat gives as "" when nobody (the system) recorded it.
      recordedBy: r.recordedBy || null,
      recordedAt: new Date(r.recordedAt).toISOString(),
      withdrawn: r.withdrawnAt
        ? { reason: r.withdrawnReason!, by: r.withdrawnBy || null, at: new Date(r.withdrawnAt).toISOString() }
        : null,
    })),
  };
}
