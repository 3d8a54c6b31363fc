/**
 * The school's named senior leader and governor for filtering and monitoring. The leader is a
 * member of staff and the governor one of the school's governors, both still with the school.
 */
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { filteringResponsibles } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, type FieldError } from "../../kernel/problem.js";
import { type FilteringStanding, standingOf } from "../access/filtering.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { peopleByIds, responsiblesOf } from "./queries.js";
import type { ResponsiblesInput, ResponsiblesView } from "./schema.js";

const STAFF_KINDS = ["staff", "supply"];

export async function viewResponsibles(db: DbOrTx, schoolId: string): Promise<ResponsiblesView> {
  const named = await responsiblesOf(db, schoolId);
  const people = await peopleByIds(
    db,
    schoolId,
    [named.leaderId, named.governorId].filter((id): id is string => Boolean(id)),
  );
  const ref = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? { id: p.id, name: p.name } : null;
  };
  return { leader: ref(named.leaderId), governor: ref(named.governorId) };
}

export async function nameResponsibles(db: Db, actor: Actor, input: ResponsiblesInput) {
  const { leaderId, governorId } = input;
  const people = await peopleByIds(
    db,
    actor.schoolId,
    [leaderId, governorId].filter((id): id is string => Boolean(id)),
  );
  const errors: FieldError[] = [];
  const leader = leaderId ? people.get(leaderId) : null;
  if (leaderId && (!leader || leader.left || !leader.kinds.some((k) => STAFF_KINDS.includes(k))))
    errors.push({ field: "leaderId", message: msg`Choose a senior leader on the school's staff.` });
  const governor = governorId ? people.get(governorId) : null;
  if (governorId && (!governor || governor.left || !governor.kinds.includes("governor")))
    errors.push({ field: "governorId", message: msg`Choose one of the school's governors.` });
  if (errors.length) throw badRequest(msg`The people named are not right for these roles.`, errors);
  await db.transaction(async (tx: Tx) => {
    await tx
      .insert(filteringResponsibles)
      .values({ schoolId: actor.schoolId, leaderId, governorId, namedBy: actor.personId })
      .onConflictDoUpdate({
        target: filteringResponsibles.schoolId,
        set: { leaderId, governorId, namedBy: actor.personId, namedAt: new Date() },
      });
    await recordEvent(tx, actor, {
      action: "filtering.responsibles_named",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { leader: leader?.name ?? null, governor: governor?.name ?? null },
    });
  });
  return viewResponsibles(db, actor.schoolId);
}

/** Whether the actor is the school's named leader or governor (what /me's permissions add). */
export async function filteringStandingOf(db: DbOrTx, actor: Actor): Promise<FilteringStanding> {
  return standingOf(actor, await responsiblesOf(db, actor.schoolId));
}
