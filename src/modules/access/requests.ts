import { isStaffMember } from "./consent.js";
import { holdsAny, inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor, Role } from "./roles.js";

/**
 * Permission requests. The requester sees their own; an approver sees the requests whose type
 * names a role they hold (any holder may decide, so a colleague stands in for one who is away);
 * the school's admins see every request. Nobody decides their own request, whatever roles they
 * hold. Anyone else gets 404, as if it did not exist. Registers (what is permitted, online
 * services, social media accounts) are read by staff and kept by the admins and the DPO.
 */
export type RequestRecord = {
  schoolId: string;
  requesterId: string | null;
  approverRoles: readonly Role[];
  /** The requester's own line manager, when the directory records one. */
  requesterLineManagerId?: string | null;
};

/**
 * Whether the actor is one of the request's approvers. A type that names line managers means the
 * requester's own when the directory records one (whether or not they hold the role), and any
 * holder of the role when it does not; the type's other roles decide as always.
 */
export function isApproverOf(actor: Pick<Actor, "personId" | "roles">, request: RequestRecord) {
  const manager = request.approverRoles.includes("line_manager") ? request.requesterLineManagerId : null;
  if (!manager) return holdsAny(actor, request.approverRoles);
  if (actor.personId === manager) return true;
  return holdsAny(
    actor,
    request.approverRoles.filter((r) => r !== "line_manager"),
  );
}

export type RequestAccess = "requester" | "approver" | "admin" | null;

/** How the actor reaches a request, first match first: their own, theirs to decide, an admin's. */
export function requestAccess(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  request: RequestRecord,
): RequestAccess {
  if (!inSchool(actor, request)) return null;
  if (isSelf(actor, request.requesterId)) return "requester";
  if (isApproverOf(actor, request)) return "approver";
  if (isSchoolAdmin(actor)) return "admin";
  return null;
}

export function canReadRequest(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  request: RequestRecord,
) {
  return requestAccess(actor, request) !== null;
}

/** A holder of one of the type's approver roles, never the requester. */
export function canDecideRequest(
  actor: Pick<Actor, "schoolId" | "personId" | "roles">,
  request: RequestRecord,
) {
  if (!inSchool(actor, request)) return false;
  if (isSelf(actor, request.requesterId)) return false;
  return isApproverOf(actor, request);
}

/**
 * Only someone holding a designated role is offered the menu's "to decide". A line manager named
 * in the directory without any role still decides their team's requests: the email and Home lead
 * them to each one.
 */
export function mayEverDecide(actor: Pick<Actor, "roles">) {
  return actor.roles.length > 0;
}

/** Answering a request for more information, and confirming a follow-up: the requester alone. */
export function canAnswerRequest(actor: Pick<Actor, "schoolId" | "personId">, request: RequestRecord) {
  if (!inSchool(actor, request)) return false;
  return isSelf(actor, request.requesterId);
}

const REGISTER_KEEPERS: readonly Role[] = ["headteacher", "school_admin", "dpo"];

/** The registers name staff and what they are allowed: read by the school's staff and its admins. */
export function canReadRegisters(actor: Pick<Actor, "kinds" | "roles">) {
  return isStaffMember(actor) || isSchoolAdmin(actor);
}

/** Adding to and correcting the services and social media registers: admins and the DPO. */
export function canKeepRegisters(actor: Pick<Actor, "schoolId" | "roles">, record: { schoolId: string }) {
  if (!inSchool(actor, record)) return false;
  return holdsAny(actor, REGISTER_KEEPERS);
}
