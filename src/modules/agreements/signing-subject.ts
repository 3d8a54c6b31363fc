/**
 * An agreement, described to the signing module: signing asks these questions of every subject
 * it records a signature of, and knows nothing else about agreements (decision 011).
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import { agreements, assignments, policyVersions } from "../../db/schema.js";
import type { Kind } from "../access/roles.js";
import { registerSubjectOwner, type Subject, type SubjectLabel } from "../signing/service.js";
import { AUDIENCE_KIND, type Audience } from "./schema.js";
import { agreementInForce, type ChoiceDef, presentAgreement, signable } from "./service.js";

type AgreementRow = typeof agreements.$inferSelect;

const audienceOfKind = (kind: Kind) =>
  (Object.keys(AUDIENCE_KIND) as Audience[]).find((a) => AUDIENCE_KIND[a] === kind);

export function agreementSubject(a: AgreementRow): Subject {
  let shown: Subject["shown"] | undefined;
  return {
    type: "agreement",
    id: a.id,
    schoolId: a.schoolId,
    title: a.title,
    inForce: a.status === "active",
    textSha256: a.textSha256,
    choices: a.choices as ChoiceDef[],
    requireJobTitle: a.requireJobTitle,
    audienceKind: AUDIENCE_KIND[a.audience as Audience],
    parentMode: a.parentMode,
    text: signable(a, a.policyTitle, a.versionNumber),
    // What a signer's screen receives, policy text rendered: made only when a screen asks, since
    // signing itself loads subjects far more often than it shows them.
    get shown() {
      shown ??= presentAgreement(a, true);
      return shown;
    },
  };
}

registerSubjectOwner("agreement", {
  async load(db, schoolId, id) {
    const [row] = await db
      .select()
      .from(agreements)
      .where(and(eq(agreements.schoolId, schoolId), eq(agreements.id, id)));
    return row ? agreementSubject(row) : null;
  },

  async inForce(db, schoolId, id) {
    const row = await agreementInForce(db, schoolId, id);
    return row ? agreementSubject(row) : null;
  },

  async isAssigned(db, subject, personId) {
    const [assigned] = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(
        and(
          eq(assignments.schoolId, subject.schoolId),
          eq(assignments.agreementId, subject.id),
          eq(assignments.personId, personId),
          isNull(assignments.cancelledAt),
        ),
      );
    return Boolean(assigned);
  },

  async asked(db, subject) {
    const rows = await db
      .select({ personId: assignments.personId })
      .from(assignments)
      .where(
        and(
          eq(assignments.schoolId, subject.schoolId),
          eq(assignments.agreementId, subject.id),
          isNull(assignments.cancelledAt),
        ),
      );
    return rows.map((r) => r.personId);
  },

  async askedBy(db, subject) {
    return db
      .select({ personId: assignments.personId, dueDate: assignments.dueDate })
      .from(assignments)
      .where(
        and(
          eq(assignments.schoolId, subject.schoolId),
          eq(assignments.agreementId, subject.id),
          isNull(assignments.cancelledAt),
        ),
      );
  },

  async ask(tx, actor, subject, personIds, dueDate) {
    if (personIds.length === 0) return;
    await tx
      .insert(assignments)
      .values(
        personIds.map((personId) => ({
          schoolId: subject.schoolId,
          agreementId: subject.id,
          personId,
          dueDate,
          source: "manual" as const,
          assignedBy: actor.personId,
        })),
      )
      .onConflictDoNothing();
  },

  async sameText(db, id) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`WITH RECURSIVE line(id) AS (
            SELECT ${id}::uuid
            UNION
            SELECT a.supersedes_id FROM agreements a JOIN line ON a.id = line.id
            WHERE a.same_text_as_previous AND a.supersedes_id IS NOT NULL
          )
          SELECT id FROM line`,
    );
    return rows.map((r) => r.id);
  },

  async labels(db, ids) {
    if (ids.length === 0) return new Map<string, SubjectLabel>();
    const rows = await db
      .select({
        id: agreements.id,
        title: agreements.title,
        status: agreements.status,
        major: policyVersions.major,
        minor: policyVersions.minor,
      })
      .from(agreements)
      .innerJoin(policyVersions, eq(policyVersions.id, agreements.policyVersionId))
      .where(inArray(agreements.id, ids));
    return new Map(
      rows.map((r) => [
        r.id,
        { title: r.title, versionNumber: `${r.major}.${r.minor}`, inForce: r.status === "active" },
      ]),
    );
  },

  async offered(db, schoolId, audienceKind) {
    const audience = audienceOfKind(audienceKind);
    if (!audience) return [];
    const rows = await db
      .select()
      .from(agreements)
      .where(
        and(
          eq(agreements.schoolId, schoolId),
          eq(agreements.status, "active"),
          eq(agreements.audience, audience),
        ),
      )
      .orderBy(asc(agreements.title));
    return rows.map(agreementSubject);
  },

  signableSql(subjectId, personId, schoolId, askAssigned) {
    const kindOf = sql.join(
      Object.entries(AUDIENCE_KIND).map(([audience, kind]) => sql`WHEN ${audience} THEN ${kind}`),
      sql` `,
    );
    return sql`SELECT a.id, a.school_id, a.title, a.status = 'active' AS in_force, a.text_sha256,
        a.choices, a.require_job_title, CASE a.audience ${kindOf} END AS audience_kind,
        (${askAssigned} AND EXISTS (SELECT 1 FROM assignments x WHERE x.agreement_id = a.id
          AND x.person_id = ${personId} AND x.cancelled_at IS NULL)) AS assigned
      FROM agreements a WHERE a.school_id = ${schoolId} AND a.id = ${subjectId}`;
  },
});
