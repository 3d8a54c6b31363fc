/**
 * Assigning an agreement: by hand, to kinds of person, designated roles or named people; and to
 * new starters afterwards, by the rules that assigning to kinds and roles leaves behind.
 */
import type { Db, DbOrTx } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import { type Actor, type Kind, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { tellAssigned } from "./chasing.js";
import {
  activeRules,
  currentMembersMatching,
  findAgreement,
  insertAssignments,
  insertRules,
  joinersWithRoles,
  markJoinHandled,
  unhandledJoins,
} from "./queries.js";

export async function loadAgreement(db: DbOrTx, schoolId: string, id: string) {
  const row = await findAgreement(db, schoolId, id);
  if (!row) throw notFound(msg`agreement`);
  return row;
}

export async function assign(
  db: Db,
  actor: Actor,
  agreementId: string,
  input: { kinds?: Kind[]; roles?: string[]; personIds?: string[]; dueDate: string },
  /** Where links in emails point; without it the hourly chase sends the "please sign" notice. */
  publicUrl?: string,
) {
  return db.transaction(async (tx) => {
    const agreement = await loadAgreement(tx, actor.schoolId, agreementId);
    if (agreement.status !== "active")
      throw conflict(msg`This agreement has been replaced by a newer one; assign that instead.`);
    const today = todayInLondon();
    const kinds = input.kinds ?? [];
    const roles = input.roles ?? [];
    const ids = input.personIds ?? [];
    const matched = await currentMembersMatching(tx, actor.schoolId, today, { kinds, roles, personIds: ids });
    const unknown = ids.filter((id) => !matched.some((m) => m.id === id));
    if (unknown.length > 0)
      throw badRequest(msg`${unknown.length} of the chosen people are not current members of this school.`, [
        { field: "personIds", message: msg`Unknown or left.` },
      ]);
    const inserted = matched.length
      ? await insertAssignments(
          tx,
          matched.map((m) => ({
            schoolId: actor.schoolId,
            agreementId,
            personId: m.id,
            dueDate: input.dueDate,
            source: "manual" as const,
            assignedBy: actor.personId,
          })),
        )
      : [];
    if (kinds.length + roles.length > 0)
      await insertRules(tx, [{ schoolId: actor.schoolId, agreementId, kinds, roles }]);
    await recordEvent(tx, actor, {
      action: "agreement.assigned",
      entityType: "agreement",
      entityId: agreementId,
      summary: {
        title: agreement.title,
        kinds,
        roles,
        people: ids.length,
        assigned: inserted.length,
        dueDate: input.dueDate,
      },
    });
    // Each person newly asked is told once ("please sign"); someone assigned again is not.
    const told = publicUrl
      ? await tellAssigned(
          tx,
          actor,
          agreement,
          inserted.map((i) => i.id),
          publicUrl,
        )
      : 0;
    return { assigned: inserted.length, told };
  });
}

/**
 * New starters (the people import's `people.joined` events) get what their kind must sign, and
 * are told so once; without `publicUrl` the hourly chase tells them.
 */
export async function assignNewStarters(db: Db, publicUrl?: string) {
  const events = await unhandledJoins(db);
  let assigned = 0;
  for (const event of events) {
    await db.transaction(async (tx) => {
      const { personIds } = event.payload as { personIds: string[] };
      const rules = await activeRules(tx, event.schoolId);
      if (rules.length > 0 && personIds.length > 0) {
        const { joiners, roles: roleRows } = await joinersWithRoles(tx, event.schoolId, personIds);
        const values = [];
        for (const { rule, agreement } of rules)
          for (const p of joiners) {
            const fits =
              p.kinds.some((k) => rule.kinds.includes(k)) ||
              roleRows.some((r) => r.personId === p.id && rule.roles.includes(r.role));
            if (!fits) continue;
            const from = p.startDate && p.startDate > todayInLondon() ? p.startDate : todayInLondon();
            values.push({
              schoolId: event.schoolId,
              agreementId: agreement.id,
              personId: p.id,
              dueDate: addDays(from, rule.dueInDays),
              source: "starter" as const,
            });
          }
        const made: string[] = [];
        for (let i = 0; i < values.length; i += 1000) {
          const rows = await insertAssignments(tx, values.slice(i, i + 1000));
          assigned += rows.length;
          made.push(...rows.map((r) => r.id));
        }
        if (values.length > 0)
          await recordEvent(tx, systemActor(event.schoolId), {
            action: "agreement.assigned_to_starters",
            entityType: "domain_event",
            entityId: event.id,
            summary: { starters: joiners.length, assignments: values.length },
          });
        if (publicUrl)
          for (const { agreement } of rules)
            await tellAssigned(tx, systemActor(event.schoolId), agreement, made, publicUrl);
      }
      await markJoinHandled(tx, event.id);
    });
  }
  return { assigned };
}
