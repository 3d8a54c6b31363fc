import { inSchool, isSelf } from "./predicates.js";
import type { Actor } from "./roles.js";

/**
 * Who sees an incident. Not a role: a DSL or headteacher sees an incident only when it was
 * routed or escalated to them, or a handler added them. The reporter sees their own report and
 * its status, never the handlers' notes. The adult an allegation is about never sees it, even
 * when they hold a role it would route to or were the one who reported it. Anyone else gets
 * 404, as if it did not exist.
 */
export type IncidentRecord = {
  schoolId: string;
  reporterId: string | null;
  subjectPersonId: string | null;
  handlerIds: readonly string[];
};

export type IncidentAccess = "handler" | "reporter" | null;

export function incidentAccess(
  actor: Pick<Actor, "schoolId" | "personId">,
  incident: IncidentRecord,
): IncidentAccess {
  if (!inSchool(actor, incident)) return null;
  if (isSelf(actor, incident.subjectPersonId)) return null;
  if (actor.personId && incident.handlerIds.includes(actor.personId)) return "handler";
  if (isSelf(actor, incident.reporterId)) return "reporter";
  return null;
}
