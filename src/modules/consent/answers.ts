/**
 * Recording answers: by a carer through their link, by the office from a paper form or a call,
 * or by a pupil old enough to answer for themself. Every answer is a new row with the exact
 * wording and its SHA-256. Where a pupil's yes turns to no, the image managers are told at once
 * (removals.ts); where two carers now disagree, the school is told.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { consentAnswers } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { bindRecord, recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { purposesOf } from "./purposes.js";
import { carersOf, nameOf, onRoll, type PupilRow, pupilsWhere } from "./queries.js";
import { notifyRemovals } from "./removals.js";
import type { Answer, Method, StaffAnswersInput } from "./schema.js";
import { ageOn, settingsOf } from "./settings.js";
import { wordingOf } from "./status.js";
import { statusesFor } from "./statuses.js";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

type Purpose = Awaited<ReturnType<typeof purposesOf>>[number];

export type AnswersToRecord = {
  pupil: PupilRow;
  carerId: string | null;
  method: Method;
  note: string | null;
  linkId: string | null;
  answers: { purpose: Purpose; answer: Answer }[];
};

/** Insert the answers and act on what they change; the caller's transaction holds it all. */
export async function recordAnswers(tx: Tx, actor: Actor, r: AnswersToRecord, publicUrl: string) {
  const purposes = r.answers.map((a) => a.purpose);
  const before = (await statusesFor(tx, actor.schoolId, [r.pupil.id], purposes)).get(r.pupil.id);
  const rows = await tx
    .insert(consentAnswers)
    .values(
      r.answers.map((a) => {
        const wording = wordingOf(a.purpose);
        return {
          schoolId: actor.schoolId,
          pupilId: r.pupil.id,
          purposeId: a.purpose.id,
          answer: a.answer,
          carerId: r.carerId,
          method: r.method,
          note: r.note,
          wording,
          wordingSha256: sha256(wording),
          recordedBy: r.method === "link" ? null : actor.personId,
          linkId: r.linkId,
        };
      }),
    )
    .returning();
  const after = (await statusesFor(tx, actor.schoolId, [r.pupil.id], purposes)).get(r.pupil.id);

  const turnedToNo = purposes.filter(
    (_, i) => before?.statuses[i].status === "yes" && after?.statuses[i].status === "no",
  );
  const newlyDisputed = purposes.filter(
    (_, i) => before?.statuses[i].reason !== "disagreement" && after?.statuses[i].reason === "disagreement",
  );

  await recordEvent(tx, actor, {
    action: "consent.answered",
    entityType: "person",
    entityId: r.pupil.id,
    summary: {
      answers: r.answers.map((a) => `${a.purpose.name}: ${a.answer}`).join("; "),
      how: r.method,
      ...(r.note ? { note: r.note } : {}),
    },
    // Each answer bound into the chain: an edit to one afterwards is caught (decision 028).
    records: rows.map((row) => bindRecord("consent_answer", row)),
  });
  if (turnedToNo.length > 0) {
    await recordEvent(tx, actor, {
      action: "consent.withdrawn",
      entityType: "person",
      entityId: r.pupil.id,
      summary: { purpose: turnedToNo.map((p) => p.name).join(", ") },
    });
    const byPurpose = new Map(rows.map((row) => [row.purposeId, row.id]));
    await notifyRemovals(
      tx,
      actor.schoolId,
      r.pupil,
      turnedToNo.map((p) => ({ purpose: p, answerId: byPurpose.get(p.id) ?? null })),
      "withdrawn",
      publicUrl,
    );
  }
  if (newlyDisputed.length > 0)
    await tellAdminsOfDisagreement(tx, actor.schoolId, r.pupil, newlyDisputed, publicUrl);
  return rows;
}

/** The headteacher and office are told when carers disagree: the no stands, but someone should talk to them. */
async function tellAdminsOfDisagreement(
  tx: Tx,
  schoolId: string,
  pupil: PupilRow,
  purposes: Purpose[],
  publicUrl: string,
) {
  const admins = await queryRows<{ id: string; email: string }>(
    tx,
    sql`SELECT DISTINCT ON (p.email) p.id, p.email FROM role_assignments r JOIN people p ON p.id = r.person_id
        WHERE r.school_id = ${schoolId} AND r.role IN ('headteacher', 'school_admin') AND p.email IS NOT NULL
          AND ${onRoll("p")}
        ORDER BY p.email, p.id`,
  );
  const readers = await readersOf(
    tx,
    schoolId,
    admins.map((a) => a.id),
  );
  for (const admin of admins)
    await queueMail(tx, schoolId, {
      to: admin.email,
      readers: readers(admin.id),
      subject: msg`Photo consent: ${pupil.name}'s carers disagree`,
      lines: [
        msg`${pupil.name}'s carers have given different answers about photos for:`,
        ...purposes.map((p) => `  - ${p.name}`),
        "",
        msg`Until they agree, the answer is no: Accord keeps the more restrictive answer.`,
        msg`See the answers: ${publicUrl}/consent/pupils/${pupil.id}`,
      ],
    });
}

/** The pupil, on the roll of the actor's school, or 404. */
export async function pupilOnRoll(db: Db | Tx, schoolId: string, pupilId: string) {
  const [pupil] = await pupilsWhere(db, schoolId, sql`p.id = ${pupilId}`);
  if (!pupil) throw notFound(msg`pupil`);
  return pupil;
}

/** Staff record a paper form, a call or an answer given in person, for a carer or by the pupil. */
export async function recordStaffAnswers(
  db: Db,
  actor: Actor,
  pupilId: string,
  input: StaffAnswersInput & { byPupil?: boolean },
  publicUrl: string,
) {
  const pupil = await pupilOnRoll(db, actor.schoolId, pupilId);
  const purposes = await purposesOf(db, actor.schoolId);
  const answers = input.answers.map((a, i) => {
    const purpose = purposes.find((p) => p.key === a.purposeKey);
    if (!purpose)
      throw badRequest(msg`No such consent purpose: ${a.purposeKey}.`, [
        { field: `answers.${i}.purposeKey`, message: msg`No such consent purpose: ${a.purposeKey}.` },
      ]);
    return { purpose, answer: a.answer };
  });
  if (new Set(answers.map((a) => a.purpose.id)).size !== answers.length)
    throw badRequest(msg`Each purpose may be answered once in one record.`, [
      { field: "answers", message: msg`Each purpose may be answered once in one record.` },
    ]);

  let method: Method = input.method;
  if (input.byPupil) {
    if (input.carerId) throw badRequest(msg`A pupil answers for themself: leave the carer out.`);
    const { selfAnswerAge } = await settingsOf(db, actor.schoolId);
    const age = ageOn(pupil.date_of_birth, todayInLondon());
    if (selfAnswerAge === null)
      throw badRequest(msg`Pupils do not answer for themselves at this school (see the consent settings).`);
    if (age === null || age < selfAnswerAge)
      throw badRequest(
        msg`${pupil.name} is ${age === null ? "of unknown age" : `${age}`}; pupils answer for themselves from ${selfAnswerAge}.`,
      );
    method = "pupil";
  }
  if (input.carerId) {
    const carers = await carersOf(db, actor.schoolId, [pupil.id]);
    const carer = carers.find((c) => c.id === input.carerId);
    // Only someone with parental responsibility gives or refuses consent for a child.
    if (!carer?.parental_responsibility)
      throw badRequest(msg`Choose one of ${pupil.name}'s carers with parental responsibility.`, [
        {
          field: "carerId",
          message: msg`Choose one of ${pupil.name}'s carers with parental responsibility.`,
        },
      ]);
  }
  const rows = await db.transaction((tx: Tx) =>
    recordAnswers(
      tx,
      actor,
      { pupil, carerId: input.carerId ?? null, method, note: input.note ?? null, linkId: null, answers },
      publicUrl,
    ),
  );
  return {
    recorded: rows.length,
    answers: await answerViews(
      db,
      actor.schoolId,
      rows.map((r) => r.id),
    ),
  };
}

/** Answers as the API shows them, by id, oldest first. */
export async function answerViews(db: Db | Tx, schoolId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    key: string;
    answer: Answer;
    by: string | null;
    method: Method;
    note: string | null;
    wording_sha256: string;
    answered_at: Date | string;
  }>(
    db,
    sql`SELECT a.id, pu.key, a.answer, ${nameOf("c")} AS by, a.method, a.note, a.wording_sha256, a.answered_at
        FROM consent_answers a JOIN consent_purposes pu ON pu.id = a.purpose_id
          LEFT JOIN people c ON c.id = coalesce(a.carer_id, CASE WHEN a.method IN ('pupil', 'self') THEN a.pupil_id END)
        WHERE a.school_id = ${schoolId} AND a.id = ANY(${sql.param(ids)}::uuid[])
        ORDER BY a.answered_at, a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    purposeKey: r.key,
    answer: r.answer,
    by: r.by ?? "The school office",
    method: r.method,
    note: r.note,
    wordingSha256: r.wording_sha256,
    answeredAt: new Date(r.answered_at).toISOString(),
  }));
}
