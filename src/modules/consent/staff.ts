/**
 * Staff photos: a member of staff answers for their own image (the staff purposes, consent by
 * default: a photo on the website's staff page is promotional). The same evidence as a carer's
 * answer: insert-only, the wording and its hash kept; a yes turned to no tells the image managers.
 */
import { sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, forbidden } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordAnswers } from "./answers.js";
import { purposesOf } from "./purposes.js";
import { nameOf } from "./queries.js";
import { statusesFor, statusView } from "./statuses.js";

const ADULT_KINDS = sql`ARRAY['staff','supply','student_teacher','volunteer','governor']::text[]`;

export async function myPhotoConsent(db: DbOrTx, actor: Actor) {
  if (!actor.personId) throw forbidden();
  const purposes = await purposesOf(db, actor.schoolId, false, "staff");
  const mine = (await statusesFor(db, actor.schoolId, [actor.personId], purposes)).get(actor.personId);
  return {
    purposes: (mine?.statuses ?? []).map((s, i) => ({
      ...statusView(s),
      description: purposes[i].description,
    })),
  };
}

export async function answerMyPhotoConsent(
  db: Db,
  actor: Actor,
  answers: { purposeKey: string; answer: "yes" | "no" }[],
  publicUrl: string,
) {
  if (!actor.personId) throw forbidden();
  const purposes = await purposesOf(db, actor.schoolId, false, "staff");
  const chosen = answers.map((a, i) => {
    const purpose = purposes.find((p) => p.key === a.purposeKey);
    if (!purpose)
      throw badRequest(msg`No such staff photo question: ${a.purposeKey}.`, [
        { field: `answers.${i}.purposeKey`, message: msg`No such staff photo question: ${a.purposeKey}.` },
      ]);
    return { purpose, answer: a.answer };
  });
  const [me] = await queryRows<{
    id: string;
    name: string;
    reg_group: null;
    year_group: null;
    date_of_birth: null;
  }>(
    db,
    sql`SELECT p.id, ${nameOf("p")} AS name, NULL AS reg_group, NULL AS year_group, NULL AS date_of_birth
        FROM people p WHERE p.school_id = ${actor.schoolId} AND p.id = ${actor.personId}`,
  );
  await db.transaction((tx: Tx) =>
    recordAnswers(
      tx,
      actor,
      { pupil: me, carerId: null, method: "self", note: null, linkId: null, answers: chosen },
      publicUrl,
    ),
  );
  return myPhotoConsent(db, actor);
}

/** Every adult's answers to the staff purposes, for the admins who run the website. */
export async function staffPhotoConsent(db: DbOrTx, actor: Actor) {
  const purposes = await purposesOf(db, actor.schoolId, false, "staff");
  const staff = await queryRows<{ id: string; name: string; job_title: string | null }>(
    db,
    sql`SELECT p.id, ${nameOf("p")} AS name, p.job_title FROM people p
        WHERE p.school_id = ${actor.schoolId} AND p.kinds && ${ADULT_KINDS}
          AND (p.leave_date IS NULL OR p.leave_date > now()::date)
        ORDER BY p.family_name, p.given_name`,
  );
  const statuses = await statusesFor(
    db,
    actor.schoolId,
    staff.map((s) => s.id),
    purposes,
  );
  return {
    purposes: purposes.map((p) => ({ key: p.key, name: p.name })),
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      jobTitle: s.job_title,
      statuses: (statuses.get(s.id)?.statuses ?? []).map(statusView),
    })),
  };
}
