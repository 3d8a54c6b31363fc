import type { AttentionSource } from "../../kernel/attention.js";
import { holdsAny, isSchoolAdmin } from "../access/predicates.js";
import type { Actor } from "../access/roles.js";
import { openLeaverChecklists } from "./leavers.js";

/**
 * Home page: leavers whose checklist is not finished — every one for the headteacher, admins and
 * network manager; a line manager sees the leavers who answer to them.
 */
export const devicesAttention: AttentionSource<Actor> = async (db, actor) => {
  const everyone = isSchoolAdmin(actor) || holdsAny(actor, ["network_manager"]);
  if (!everyone && !(holdsAny(actor, ["line_manager"]) && actor.personId)) return [];
  const open = await openLeaverChecklists(
    db,
    actor.schoolId,
    everyone ? undefined : (actor.personId ?? undefined),
  );
  return open.slice(0, 5).map((l) => ({
    key: "leaverChecklist",
    params: { name: l.name, date: l.leave_date, devices: l.devices, count: l.outstanding },
    href: `/people/${l.id}/leaver`,
    severity: "info" as const,
  }));
};
