/**
 * Recording a review and reading it back. A review is saved once, whole, with its actions, and
 * never edited afterwards (the database refuses it): it is what was found on the day. Everything
 * a review names is checked before anything is written: the people who took part and the owners
 * of its actions are adults of this school, the incident is a filtering incident of this school.
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { filteringActions, filteringReviews } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, type FieldError, forbidden, notFound } from "../../kernel/problem.js";
import { canMarkFilteringActionDone } from "../access/filtering.js";
import { ACCOUNT_KINDS, type Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import {
  type ActionRow,
  actionById,
  actionsOfReview,
  filteringIncident,
  openActionsOwnedBy,
  peopleByIds,
  reviewById,
  reviewsOf,
} from "./queries.js";
import {
  type ActionView,
  CHECKS,
  type DoneInput,
  type ReviewInput,
  type ReviewListView,
  type ReviewView,
} from "./schema.js";

const isAdult = (kinds: string[]) => kinds.some((k) => (ACCOUNT_KINDS as readonly string[]).includes(k));

/** What a review names that the request's shape cannot check: people, an incident, dates. */
async function checkNamed(db: DbOrTx, actor: Actor, input: ReviewInput) {
  const errors: FieldError[] = [];
  const ids = [...input.participants, ...(input.actions ?? []).map((a) => a.ownerId)];
  const people = await peopleByIds(db, actor.schoolId, ids);
  const adult = (id: string) => {
    const p = people.get(id);
    return Boolean(p && !p.left && isAdult(p.kinds));
  };
  input.participants.forEach((id, i) => {
    if (!adult(id))
      errors.push({
        field: `participants.${i}`,
        message: msg`Choose someone on the school's staff or governors.`,
      });
  });
  (input.actions ?? []).forEach((a, i) => {
    if (!adult(a.ownerId))
      errors.push({
        field: `actions.${i}.ownerId`,
        message: msg`Choose who will do it from the school's staff or governors.`,
      });
    if (a.dueDate < input.reviewedOn)
      errors.push({
        field: `actions.${i}.dueDate`,
        message: msg`An action cannot be due before the review.`,
      });
  });
  if (input.reviewedOn > todayInLondon())
    errors.push({ field: "reviewedOn", message: msg`Record a review once it has taken place.` });
  let incident: { id: string; reference: string } | null = null;
  if (input.incidentId) {
    const found = await filteringIncident(db, actor.schoolId, input.incidentId);
    if (found?.category !== "filtering_breach")
      errors.push({ field: "incidentId", message: msg`That is not a filtering incident of this school.` });
    else incident = found;
  }
  if (errors.length) throw badRequest(msg`Some of the review is not right yet.`, errors);
  return { incident };
}

/** Every check on the list, in its order: those not sent are recorded as not checked. */
function allChecks(sent: ReviewInput["checks"]) {
  return CHECKS.map((key) => {
    const c = (sent ?? []).find((s) => s.key === key);
    return { key, checked: c?.checked ?? false, note: c?.note?.trim() ?? "" };
  });
}

export async function recordReview(db: Db, actor: Actor, input: ReviewInput) {
  const { incident } = await checkNamed(db, actor, input);
  return db.transaction(async (tx: Tx) => {
    const [review] = await tx
      .insert(filteringReviews)
      .values({
        schoolId: actor.schoolId,
        reviewedOn: input.reviewedOn,
        trigger: input.trigger,
        incidentId: incident?.id ?? null,
        participantIds: [...new Set(input.participants)],
        externalParticipants: input.externalParticipants ?? [],
        products: input.products ?? [],
        checks: allChecks(input.checks),
        findings: input.findings,
        recordedBy: actor.personId,
      })
      .returning({ id: filteringReviews.id });
    const actions = (input.actions ?? []).length
      ? await tx
          .insert(filteringActions)
          .values(
            (input.actions ?? []).map((a, position) => ({
              schoolId: actor.schoolId,
              reviewId: review.id,
              position,
              text: a.text,
              ownerId: a.ownerId,
              dueOn: a.dueDate,
            })),
          )
          .returning({ id: filteringActions.id })
      : [];
    await recordEvent(tx, actor, {
      action: "filtering.review_recorded",
      entityType: "filtering_review",
      entityId: review.id,
      summary: {
        reviewedOn: input.reviewedOn,
        trigger: input.trigger,
        actions: actions.length,
        ...(incident ? { incident: incident.reference } : {}),
      },
    });
    return { id: review.id, actions };
  });
}

export async function listReviews(db: DbOrTx, actor: Actor): Promise<ReviewListView> {
  const rows = await reviewsOf(db, actor.schoolId);
  return {
    reviews: rows.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewedOn,
      trigger: r.trigger,
      actions: r.actions,
      openActions: r.openActions,
      recordedBy: r.recordedBy ? { id: r.recordedBy, name: r.recordedByName ?? "" } : null,
    })),
  };
}

export function presentAction(actor: Actor, a: ActionRow, today = todayInLondon()): ActionView {
  return {
    id: a.id,
    reviewId: a.reviewId,
    text: a.text,
    owner: { id: a.ownerId, name: a.ownerName },
    dueOn: a.dueOn,
    doneOn: a.doneOn,
    doneBy: a.doneBy ? { id: a.doneBy, name: a.doneByName ?? "" } : null,
    overdue: !a.doneOn && a.dueOn < today,
    canMarkDone: !a.doneOn && canMarkFilteringActionDone(actor, a),
  };
}

export async function viewReview(db: DbOrTx, actor: Actor, id: string): Promise<ReviewView> {
  const r = await reviewById(db, actor.schoolId, id);
  if (!r) throw notFound(msg`review`);
  const people = await peopleByIds(db, actor.schoolId, r.participantIds);
  const actions = await actionsOfReview(db, actor.schoolId, r.id);
  return {
    id: r.id,
    reviewedOn: r.reviewedOn,
    trigger: r.trigger,
    participants: r.participantIds.flatMap((pid) => {
      const p = people.get(pid);
      return p ? [{ id: p.id, name: p.name }] : [];
    }),
    externalParticipants: r.externalParticipants,
    products: r.products,
    checks: r.checks,
    findings: r.findings,
    incident:
      r.incidentId && r.incidentReference ? { id: r.incidentId, reference: r.incidentReference } : null,
    actions: actions.map((a) => presentAction(actor, a)),
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: r.recordedByName ?? "" } : null,
    recordedAt: new Date(r.recordedAt).toISOString(),
  };
}

/** An action marked done, by its owner or an admin, on a day between the review and today. */
export async function markActionDone(
  db: Db,
  actor: Actor,
  reviewId: string,
  actionId: string,
  input: DoneInput,
): Promise<ActionView> {
  const action = await actionById(db, actor.schoolId, reviewId, actionId);
  if (!action) throw notFound(msg`action`);
  if (!canMarkFilteringActionDone(actor, action))
    throw forbidden(msg`Only the person the action was given to, or an administrator, can mark it done.`);
  if (action.doneOn) throw conflict(msg`This action is already marked done.`);
  const today = todayInLondon();
  const doneOn = input.doneOn ?? today;
  if (doneOn > today || doneOn < action.reviewedOn)
    throw badRequest(msg`That date is not right.`, [
      { field: "doneOn", message: msg`Choose a day between the review and today.` },
    ]);
  await db.transaction(async (tx: Tx) => {
    await tx
      .update(filteringActions)
      .set({ doneOn, doneBy: actor.personId, doneAt: new Date() })
      .where(
        sql`${filteringActions.id} = ${action.id} AND ${filteringActions.schoolId} = ${actor.schoolId} AND ${filteringActions.doneOn} IS NULL`,
      );
    await recordEvent(tx, actor, {
      action: "filtering.action_done",
      entityType: "filtering_review",
      entityId: reviewId,
      summary: { name: action.text, doneOn, owner: action.ownerName },
    });
  });
  const done = (await actionById(db, actor.schoolId, reviewId, actionId)) as ActionRow;
  return presentAction(actor, done, today);
}

/** The open actions given to the actor, whether or not they may read the reviews. */
export async function myActions(db: DbOrTx, actor: Actor) {
  if (!actor.personId) return { actions: [] };
  const rows = await openActionsOwnedBy(db, actor.schoolId, actor.personId);
  return { actions: rows.map((a) => presentAction(actor, a)) };
}
