/**
 * Reading consent: one pupil, "can I use this photo?", a class's collection, and the export for
 * the website team or the MIS. All go through statuses.ts, so they always agree.
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { consentChecks } from "../../db/schema.js";
import { csvLines } from "../../kernel/csv.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, forbidden } from "../../kernel/problem.js";
import { canReadConsent, canReadRestrictionReason, canRestrictImages } from "../access/consent.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { answerViews, pupilOnRoll } from "./answers.js";
import { presentPurpose, purposeByKey, purposesOf } from "./purposes.js";
import {
  answersFor,
  carersOf,
  classesAndYears,
  pupilsWhere,
  type Selection,
  selectionSql,
} from "./queries.js";
import type { CheckView, CollectionView, PupilConsentView } from "./schema.js";
import { statusesFor, statusView } from "./statuses.js";

function mayRead(actor: Actor) {
  if (!canReadConsent(actor, { schoolId: actor.schoolId }))
    throw forbidden(msg`Photo consent is for the school's staff.`);
}

export async function pupilConsent(db: DbOrTx, actor: Actor, pupilId: string): Promise<PupilConsentView> {
  mayRead(actor);
  const pupil = await pupilOnRoll(db as Db, actor.schoolId, pupilId);
  const purposes = await purposesOf(db, actor.schoolId);
  const [statuses, carers, history] = await Promise.all([
    statusesFor(db, actor.schoolId, [pupil.id], purposes),
    carersOf(db, actor.schoolId, [pupil.id]),
    answersFor(db, actor.schoolId, [pupil.id]),
  ]);
  const mine = statuses.get(pupil.id);
  const restriction = mine?.restriction ?? null;
  const readsReason = canReadRestrictionReason(actor, { schoolId: actor.schoolId });
  return {
    pupil: { id: pupil.id, name: pupil.name, regGroup: pupil.reg_group, yearGroup: pupil.year_group },
    restricted: restriction !== null,
    restriction: restriction && {
      since: restriction.at.toISOString(),
      reason: readsReason ? restriction.reason : null,
      by: readsReason ? restriction.by_name : null,
    },
    canRestrict: canRestrictImages(actor, { schoolId: actor.schoolId }),
    purposes: (mine?.statuses ?? []).map(statusView),
    carers: carers.map((c) => ({
      id: c.id,
      name: c.name,
      parentalResponsibility: c.parental_responsibility,
    })),
    history: (
      await answerViews(
        db as Db,
        actor.schoolId,
        history.map((h) => h.id),
      )
    ).reverse(),
  };
}

/** "Can I use this photo?": yes only when every pupil in it may appear for this purpose. Recorded. */
export async function checkPhoto(
  db: Db,
  actor: Actor,
  purposeKey: string,
  pupilIds: string[],
): Promise<CheckView> {
  mayRead(actor);
  const purpose = await purposeByKey(db, actor.schoolId, purposeKey);
  const ids = [...new Set(pupilIds)];
  const pupils = await pupilsWhere(db, actor.schoolId, sql`p.id = ANY(${sql.param(ids)}::uuid[])`);
  if (pupils.length !== ids.length)
    throw badRequest(msg`Some of the pupils picked are not on the school's roll.`, [
      { field: "pupilIds", message: msg`Some of the pupils picked are not on the school's roll.` },
    ]);
  const statuses = await statusesFor(db, actor.schoolId, ids, [purpose]);
  const results = pupils.map((p) => {
    const s = statuses.get(p.id)?.statuses[0];
    return {
      id: p.id,
      name: p.name,
      allowed: s?.status === "yes",
      reason: s?.reason ?? "no_answer",
      since: s?.since?.toISOString() ?? null,
    };
  });
  // Those who may not appear first: they are what the teacher must act on.
  results.sort((a, b) => Number(a.allowed) - Number(b.allowed));
  const allowed = results.every((r) => r.allowed);
  const checkId = await db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(consentChecks)
      .values({
        schoolId: actor.schoolId,
        purposeId: purpose.id,
        pupilIds: ids,
        allowed,
        refusedIds: results.filter((r) => !r.allowed).map((r) => r.id),
        checkedBy: actor.personId,
      })
      .returning({ id: consentChecks.id });
    await recordEvent(tx, actor, {
      action: "consent.checked",
      entityType: "consent_purpose",
      entityId: purpose.id,
      summary: { name: purpose.name, pupils: ids.length, allowed },
    });
    return row.id;
  });
  return { allowed, purpose: { key: purpose.key, name: purpose.name }, pupils: results, checkId };
}

export async function collection(db: DbOrTx, actor: Actor, s: Selection): Promise<CollectionView> {
  mayRead(actor);
  const purposes = await purposesOf(db, actor.schoolId);
  const pupils = await pupilsWhere(db, actor.schoolId, selectionSql(s));
  const statuses = await statusesFor(
    db,
    actor.schoolId,
    pupils.map((p) => p.id),
    purposes,
  );
  const rows = pupils.map((p) => {
    const mine = statuses.get(p.id);
    return {
      id: p.id,
      name: p.name,
      regGroup: p.reg_group,
      restricted: Boolean(mine?.restriction),
      answered: mine?.answered ?? false,
      statuses: (mine?.statuses ?? []).map(statusView),
    };
  });
  return {
    purposes: purposes.map(presentPurpose),
    pupils: rows,
    answered: rows.filter((r) => r.answered).length,
    total: rows.length,
  };
}

export async function pupilSearch(db: DbOrTx, actor: Actor, q: { q?: string; class?: string }) {
  mayRead(actor);
  const parts = [sql`true`];
  if (q.class) parts.push(sql`p.reg_group = ${q.class}`);
  if (q.q?.trim()) {
    const like = `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(concat_ws(' ', p.preferred_name, p.given_name, p.family_name) ILIKE ${like})`);
  }
  const pupils =
    q.class || q.q?.trim() ? await pupilsWhere(db, actor.schoolId, sql.join(parts, sql` AND `)) : [];
  return {
    pupils: pupils.slice(0, 100).map((p) => ({ id: p.id, name: p.name, regGroup: p.reg_group })),
    ...(await classesAndYears(db, actor.schoolId)),
  };
}

export async function exportStatuses(db: DbOrTx, actor: Actor) {
  mayRead(actor);
  const purposes = await purposesOf(db, actor.schoolId);
  const pupils = await pupilsWhere(db, actor.schoolId);
  const statuses = await statusesFor(
    db,
    actor.schoolId,
    pupils.map((p) => p.id),
    purposes,
  );
  return {
    purposes,
    pupils: pupils.map((p) => {
      const mine = statuses.get(p.id);
      return {
        id: p.id,
        name: p.name,
        regGroup: p.reg_group,
        yearGroup: p.year_group,
        restricted: Boolean(mine?.restriction),
        purposes: Object.fromEntries(
          (mine?.statuses ?? []).map((s) => [s.key, { status: s.status, reason: s.reason }]),
        ),
      };
    }),
  };
}

export function exportCsv(data: Awaited<ReturnType<typeof exportStatuses>>) {
  const head = ["Pupil", "Class", "Year", "Restricted", ...data.purposes.map((p) => p.name)];
  const lines = data.pupils.map((p) => [
    p.name,
    p.regGroup ?? "",
    p.yearGroup ?? "",
    p.restricted ? "Restricted" : "",
    ...data.purposes.map((pu) => (p.purposes[pu.key]?.status === "yes" ? "Yes" : "No")),
  ]);
  return csvLines([head, ...lines]);
}
