/**
 * Photos taken on a personal device, in the rare case it is allowed: the images must then be
 * moved to school systems and deleted from the device. Approval sets a follow-up due by the end
 * of the permission (or within 7 days); the requester confirms it; until they do, once it is
 * overdue, they are emailed each day, once a day.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { requestFollowUps, schools } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { conflict, forbidden } from "../../kernel/problem.js";
import { canAnswerRequest } from "../access/requests.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { emailOf, personName } from "./queries.js";

export const FOLLOW_UP_DAYS = 7;
export const FOLLOW_UP_TEXT = "Confirm the images were moved to school systems and deleted from the device.";

export async function followUpOf(db: DbOrTx, schoolId: string, requestId: string) {
  const [row] = await db
    .select()
    .from(requestFollowUps)
    .where(and(eq(requestFollowUps.schoolId, schoolId), eq(requestFollowUps.requestId, requestId)));
  return row ?? null;
}

/** Written with the approval, in its transaction. */
export async function setFollowUp(tx: Tx, schoolId: string, requestId: string, validUntil: string | null) {
  const dueOn = validUntil ?? addDays(todayInLondon(), FOLLOW_UP_DAYS);
  await tx.insert(requestFollowUps).values({ schoolId, requestId, dueOn });
  return dueOn;
}

export async function confirmFollowUp(
  db: Db,
  actor: Actor,
  request: { id: string; schoolId: string; requesterId: string; typeName: string },
) {
  if (!canAnswerRequest(actor, { ...request, approverRoles: [] }))
    throw forbidden(msg`Only the person who took the photos can confirm this.`);
  const followUp = await followUpOf(db, actor.schoolId, request.id);
  if (!followUp) throw conflict(msg`This request has nothing to confirm.`);
  if (followUp.confirmedAt) throw conflict(msg`This was already confirmed.`);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(requestFollowUps)
      .set({ confirmedAt: new Date(), confirmedBy: actor.personId })
      .where(and(eq(requestFollowUps.requestId, request.id), isNull(requestFollowUps.confirmedAt)))
      .returning();
    if (!row) throw conflict(msg`This was already confirmed.`);
    await recordEvent(tx, actor, {
      action: "request.follow_up_confirmed",
      entityType: "permission_request",
      entityId: request.id,
      summary: { name: request.typeName, confirmed: FOLLOW_UP_TEXT },
    });
    return { confirmedAt: (row.confirmedAt as Date).toISOString() };
  });
}

/**
 * Each day a follow-up is overdue, its requester is emailed once. `now` is a parameter so tests
 * control the clock; the day is Europe/London's, so a sweep just after midnight starts a new day.
 * Marking the day chased in the same statement that picks it means two servers send it once.
 */
export async function chaseFollowUps(db: Db, publicUrl: string, now = new Date()) {
  const today = todayInLondon(now);
  let chased = 0;
  for (const { id: schoolId } of await db.select({ id: schools.id }).from(schools)) {
    await db.transaction(async (tx: Tx) => {
      const due = await tx
        .update(requestFollowUps)
        .set({ lastChasedOn: today })
        .where(
          and(
            eq(requestFollowUps.schoolId, schoolId),
            isNull(requestFollowUps.confirmedAt),
            lt(requestFollowUps.dueOn, today),
            or(isNull(requestFollowUps.lastChasedOn), lt(requestFollowUps.lastChasedOn, today)),
          ),
        )
        .returning();
      for (const f of due) {
        const [r] = await queryRows<{ requesterId: string; name: string; typeName: string }>(
          tx,
          sql`SELECT r.requester_id AS "requesterId", ${personName("p")} AS name, t.name AS "typeName"
              FROM permission_requests r JOIN request_types t ON t.id = r.type_id JOIN people p ON p.id = r.requester_id
              WHERE r.school_id = ${schoolId} AND r.id = ${f.requestId}`,
        );
        const to = await emailOf(tx, schoolId, r.requesterId);
        if (to)
          await queueMail(tx, schoolId, {
            to,
            readers: await readerOf(tx, schoolId, r.requesterId),
            subject: msg`Overdue: confirm the photos were moved and deleted`,
            lines: [
              msg`You were allowed to take photos on a personal device (${r.typeName}).`,
              msg`The images should have been moved to school systems and deleted from the device by ${f.dueOn}.`,
              msg`Once they have been, confirm it in Accord. You will be reminded each day until you do.`,
              "",
              msg`Confirm it here (sign in first): ${publicUrl}/requests/${f.requestId}`,
            ],
          });
        await recordEvent(tx, systemActor(schoolId), {
          action: "request.follow_up_chased",
          entityType: "permission_request",
          entityId: f.requestId,
          summary: { name: r.typeName, due: f.dueOn, onBehalfOf: r.requesterId },
        });
        chased++;
      }
    });
  }
  return { chased };
}
