import { holdsAny, inSchool, isSchoolAdmin, isSelf } from "./predicates.js";
import type { Actor, Role } from "./roles.js";

/**
 * The device register is run by the network manager and the admins, and read by the people who
 * look after technology and safeguarding. Everyone sees the devices they hold. A leaver's
 * checklist is worked by the network manager, line managers and admins.
 */
const REGISTER_READERS: readonly Role[] = ["network_manager", "computing_lead", "online_safety_lead", "dpo"];
const CHECKLIST_WORKERS: readonly Role[] = ["network_manager", "line_manager", "headteacher"];

export type DeviceRecord = { schoolId: string; holderId: string | null };

export function canReadDevice(actor: Pick<Actor, "schoolId" | "roles" | "personId">, device: DeviceRecord) {
  if (!inSchool(actor, device)) return false;
  return (
    isSchoolAdmin(actor) ||
    holdsAny(actor, ["network_manager", ...REGISTER_READERS]) ||
    isSelf(actor, device.holderId)
  );
}

export function canWorkLeaverChecklist(
  actor: Pick<Actor, "schoolId" | "roles">,
  leaver: { schoolId: string },
) {
  if (!inSchool(actor, leaver)) return false;
  return isSchoolAdmin(actor) || holdsAny(actor, CHECKLIST_WORKERS);
}

/** A device is reported lost, stolen or damaged by whoever holds it, or by those who run the register. */
export function canReportDevice(actor: Pick<Actor, "schoolId" | "roles" | "personId">, device: DeviceRecord) {
  if (!inSchool(actor, device)) return false;
  return isSchoolAdmin(actor) || holdsAny(actor, ["network_manager"]) || isSelf(actor, device.holderId);
}
