/**
 * Asking permission: a member of staff picks a type and answers its questions; everyone holding
 * one of its approver roles is told by email and on their home page (any of them may decide, so
 * one who is away is stood in for). The requester sees their request and answers when more is
 * asked; nobody else sees it but its approvers and the school's admins (access/requests.ts).
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { permissionRequests, requestEntries } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import {
  canAnswerRequest,
  canDecideRequest,
  canReadRequest,
  type RequestRecord,
} from "../access/requests.js";
import { type Actor, ADMIN_ROLES } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf, readersOf } from "../people/service.js";
import { followUpOf } from "./follow-ups.js";
import {
  emailOf,
  entriesOf,
  holdersOf,
  presentSummary,
  type RequestRow,
  requestById,
  requestsWhere,
} from "./queries.js";
import type { RequestInput, RequestView } from "./schema.js";
import { checkDetails, typeByKey } from "./types.js";

const recordOf = (r: RequestRow): RequestRecord => ({
  schoolId: r.schoolId,
  requesterId: r.requesterId,
  approverRoles: r.approverRoles,
  requesterLineManagerId: r.requesterLineManagerId,
});

/** A request the actor may see, or 404 as if it did not exist. */
export async function visibleRequest(db: DbOrTx, actor: Actor, id: string) {
  const row = await requestById(db, actor.schoolId, id);
  if (!row || !canReadRequest(actor, recordOf(row))) throw notFound(msg`request`);
  return row;
}

export const mayDecide = (actor: Actor, r: RequestRow) => canDecideRequest(actor, recordOf(r));
const isOpen = (r: RequestRow) => r.status === "pending" || r.status === "more_info";

/** Tell the approvers (every holder of a role, never the requester) what waits for them. */
async function tellApprovers(tx: Tx, r: RequestRow, subject: Message, lead: Message, publicUrl: string) {
  let approvers = await holdersOf(tx, r.schoolId, r.approverRoles, r.requesterId, r.requesterLineManagerId);
  let note: (Message | string)[] = [""];
  // Nobody holds the role (a vacancy, a new school): the admins are told, so it is not left unseen.
  if (approvers.length === 0) {
    approvers = await holdersOf(tx, r.schoolId, ADMIN_ROLES, r.requesterId);
    note = [
      "",
      msg`Nobody holds the role that approves it (${r.approverRoles.join(", ")}): give someone the role so it can be decided.`,
    ];
  }
  const readers = await readersOf(
    tx,
    r.schoolId,
    approvers.map((a) => a.id),
  );
  for (const a of approvers.filter((a) => a.email))
    await queueMail(tx, r.schoolId, {
      to: a.email as string,
      readers: readers(a.id),
      subject,
      lines: [lead, ...note, "", msg`Open it here (sign in first): ${publicUrl}/requests/${r.id}`],
    });
}

/** The requester's email: `lines` are its body, followed by the link to their request. */
export async function tellRequester(
  tx: Tx,
  r: RequestRow,
  subject: Message,
  lines: readonly (Message | string)[],
  publicUrl: string,
) {
  const to = await emailOf(tx, r.schoolId, r.requesterId);
  if (to)
    await queueMail(tx, r.schoolId, {
      to,
      readers: await readerOf(tx, r.schoolId, r.requesterId),
      subject,
      lines: [...lines, "", msg`See your request here (sign in first): ${publicUrl}/requests/${r.id}`],
    });
}

export async function makeRequest(db: Db, actor: Actor, input: RequestInput, publicUrl: string) {
  if (!actor.personId) throw forbidden(msg`Only a person can ask permission.`);
  const type = await typeByKey(db, actor.schoolId, input.typeKey).catch(() => {
    throw badRequest(msg`There is no such request type.`, [
      { field: "typeKey", message: msg`Choose what you are asking permission for.` },
    ]);
  });
  if (type.retiredAt)
    throw badRequest(msg`This request type is no longer used.`, [
      { field: "typeKey", message: msg`This request type is no longer used: choose another.` },
    ]);
  const details = checkDetails(type.questions, input.details);
  return db.transaction(async (tx: Tx) => {
    const [made] = await tx
      .insert(permissionRequests)
      .values({
        schoolId: actor.schoolId,
        typeId: type.id,
        requesterId: actor.personId as string,
        details,
        questions: type.questions,
        approverRoles: type.approverRoles,
      })
      .returning({ id: permissionRequests.id });
    const row = (await requestById(tx, actor.schoolId, made.id)) as RequestRow;
    await tellApprovers(
      tx,
      row,
      msg`Permission asked: ${type.name}`,
      msg`${row.requesterName} asks permission: ${type.name}.`,
      publicUrl,
    );
    await recordEvent(tx, actor, {
      action: "request.made",
      entityType: "permission_request",
      entityId: made.id,
      summary: { name: type.name, approverRoles: type.approverRoles.join(", ") },
    });
    return { id: made.id, status: "pending" as const };
  });
}

export async function viewRequest(db: Db, actor: Actor, id: string): Promise<RequestView> {
  const r = await visibleRequest(db, actor, id);
  const entries = await entriesOf(db, actor.schoolId, r.id);
  const followUp = r.followUp && r.status === "approved" ? await followUpOf(db, r.schoolId, r.id) : null;
  const today = todayInLondon();
  const answering = canAnswerRequest(actor, recordOf(r));
  return {
    ...presentSummary(r),
    approverRoles: r.approverRoles,
    questions: r.questions,
    details: r.details,
    conditions: r.conditions,
    register: r.register,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      conditions: e.conditions,
      validUntil: e.validUntil,
      text: e.text,
      author: { id: e.authorId, name: e.authorName ?? "Accord" },
      at: new Date(e.at).toISOString(),
    })),
    followUp: followUp
      ? {
          text: "Confirm the images were moved to school systems and deleted from the device.",
          dueOn: followUp.dueOn,
          overdue: !followUp.confirmedAt && followUp.dueOn < today,
          confirmedAt: followUp.confirmedAt?.toISOString() ?? null,
        }
      : null,
    canDecide: isOpen(r) && mayDecide(actor, r),
    canReply: r.status === "more_info" && answering,
    canConfirmFollowUp: Boolean(followUp && !followUp.confirmedAt && answering),
  };
}

/** My requests, and the open ones I may decide (a role I hold approves them; never my own). */
export async function listRequests(db: Db, actor: Actor) {
  const mine = actor.personId
    ? await requestsWhere(db, sql`r.school_id = ${actor.schoolId} AND r.requester_id = ${actor.personId}`)
    : [];
  const toDecide = !actor.personId
    ? []
    : (
        await requestsWhere(
          db,
          sql`r.school_id = ${actor.schoolId} AND r.requester_id IS DISTINCT FROM ${actor.personId}
              AND (r.approver_roles && ${sql.param([...actor.roles])}::text[] OR p.line_manager_id = ${actor.personId})`,
          sql`r.made_at`,
        )
      ).filter((r) => isOpen(r) && mayDecide(actor, r));
  return { mine: mine.map(presentSummary), toDecide: toDecide.map(presentSummary) };
}

/** The requester answers a request for more information: it goes back to its approvers, pending. */
export async function replyToRequest(db: Db, actor: Actor, id: string, text: string, publicUrl: string) {
  const r = await visibleRequest(db, actor, id);
  if (!canAnswerRequest(actor, recordOf(r))) throw forbidden(msg`Only the person who asked can answer.`);
  if (r.status !== "more_info")
    throw conflict(msg`Nobody has asked for more information about this request.`);
  return db.transaction(async (tx: Tx) => {
    await tx.insert(requestEntries).values({
      schoolId: actor.schoolId,
      requestId: r.id,
      kind: "reply",
      text,
      authorId: actor.personId,
    });
    await tellApprovers(
      tx,
      r,
      msg`More information given: ${r.typeName}`,
      msg`${r.requesterName} has answered your question about their request: ${r.typeName}.`,
      publicUrl,
    );
    await recordEvent(tx, actor, {
      action: "request.replied",
      entityType: "permission_request",
      entityId: r.id,
      summary: { name: r.typeName },
    });
    return { id: r.id, status: "pending" as const };
  });
}
