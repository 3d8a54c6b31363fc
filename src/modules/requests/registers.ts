/**
 * The registers an approval feeds: the online services the school has approved (what personal
 * data each holds, who approved it, when it is reviewed, the DPO's view) and the school's social
 * media accounts with their named administrators. An account with a single administrator, or
 * an administrator who has left, is a risk (nobody can get in, or the wrong person still can):
 * the list flags it and the headteacher sees it on their home page.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { onlineServices, socialAccounts } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, forbidden, notFound } from "../../kernel/problem.js";
import { canKeepRegisters, canReadRegisters } from "../access/requests.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { personName } from "./queries.js";
import type {
  ServiceInput,
  ServicePatch,
  ServiceView,
  SocialAccountInput,
  SocialAccountPatch,
  SocialAccountView,
} from "./schema.js";

function mayRead(actor: Actor) {
  if (!canReadRegisters(actor)) throw forbidden(msg`The registers are for the school's staff.`);
}
function mayKeep(actor: Actor) {
  if (!canKeepRegisters(actor, { schoolId: actor.schoolId }))
    throw forbidden(msg`Only the school's admins and the DPO keep the registers.`);
}

type Named = { id: string; name: string };
async function namesOf(db: DbOrTx, schoolId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, Named & { left: boolean }>();
  const rows = await queryRows<Named & { left: boolean }>(
    db,
    sql`SELECT p.id, ${personName("p")} AS name,
          (p.leave_date IS NOT NULL AND p.leave_date < ${todayInLondon()}::date) AS "left"
        FROM people p WHERE p.school_id = ${schoolId} AND p.id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

type ServiceRow = typeof onlineServices.$inferSelect;
type AccountRow = typeof socialAccounts.$inferSelect;

function presentService(s: ServiceRow, names: Map<string, Named>): ServiceView {
  const approver = s.approvedBy ? names.get(s.approvedBy) : null;
  return {
    id: s.id,
    name: s.name,
    personalData: s.personalData,
    approvedBy: approver ? { id: approver.id, name: approver.name } : null,
    reviewOn: s.reviewOn,
    reviewDue: s.reviewOn !== null && s.reviewOn <= todayInLondon(),
    dpoView: s.dpoView,
    requestId: s.requestId,
    addedAt: s.addedAt.toISOString(),
  };
}

export function accountWarnings(administrators: { left: boolean }[]): SocialAccountView["warnings"] {
  const warnings: SocialAccountView["warnings"] = [];
  if (administrators.length === 0) warnings.push("no_administrator");
  if (administrators.length === 1) warnings.push("one_administrator");
  if (administrators.some((a) => a.left)) warnings.push("administrator_left");
  return warnings;
}

function presentAccount(a: AccountRow, names: Map<string, Named & { left: boolean }>): SocialAccountView {
  const administrators = a.administratorIds.flatMap((id) => {
    const p = names.get(id);
    return p ? [{ id: p.id, name: p.name, left: p.left }] : [];
  });
  const approver = a.approvedBy ? names.get(a.approvedBy) : null;
  return {
    id: a.id,
    platform: a.platform,
    handle: a.handle,
    purpose: a.purpose,
    administrators,
    approvedBy: approver ? { id: approver.id, name: approver.name } : null,
    lastReviewedOn: a.lastReviewedOn,
    warnings: accountWarnings(administrators),
    requestId: a.requestId,
    addedAt: a.addedAt.toISOString(),
  };
}

export async function listServices(db: DbOrTx, actor: Actor) {
  mayRead(actor);
  const rows = await db
    .select()
    .from(onlineServices)
    .where(eq(onlineServices.schoolId, actor.schoolId))
    .orderBy(onlineServices.name);
  const names = await namesOf(db, actor.schoolId, [
    ...new Set(rows.flatMap((r) => (r.approvedBy ? [r.approvedBy] : []))),
  ]);
  return rows.map((r) => presentService(r, names));
}

export async function listAccounts(db: DbOrTx, actor: Pick<Actor, "schoolId">) {
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(eq(socialAccounts.schoolId, actor.schoolId))
    .orderBy(socialAccounts.platform, socialAccounts.handle);
  const ids = rows.flatMap((r) => [...r.administratorIds, ...(r.approvedBy ? [r.approvedBy] : [])]);
  const names = await namesOf(db, actor.schoolId, [...new Set(ids)]);
  return rows.map((r) => presentAccount(r, names));
}

export async function listSocialAccounts(db: DbOrTx, actor: Actor) {
  mayRead(actor);
  return listAccounts(db, actor);
}

/** Administrators must be adults of this school: a typo'd id is the caller's mistake. */
async function checkAdministrators(db: DbOrTx, schoolId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM people WHERE school_id = ${schoolId} AND id = ANY(${sql.param(unique)}::uuid[])
          AND kinds && ARRAY['staff','supply','student_teacher','volunteer','governor']::text[]`,
  );
  if (found.length !== unique.length)
    throw badRequest(msg`An administrator picked is not an adult in the school's directory.`, [
      { field, message: msg`Pick administrators from the school's staff.` },
    ]);
  return unique;
}

/** A service's line, written inside the caller's transaction (an approval, or the register's form). */
export async function insertService(
  tx: Tx,
  actor: Actor,
  input: ServiceInput,
  from: { requestId: string } | null,
) {
  const [row] = await tx
    .insert(onlineServices)
    .values({
      schoolId: actor.schoolId,
      name: input.name,
      personalData: input.personalData,
      reviewOn: input.reviewOn ?? null,
      dpoView: input.dpoView || null,
      approvedBy: actor.personId,
      requestId: from?.requestId ?? null,
    })
    .returning();
  await recordEvent(tx, actor, {
    action: "request.service_added",
    entityType: "online_service",
    entityId: row.id,
    summary: { name: row.name, ...(from ? { requestId: from.requestId } : {}) },
  });
  return row;
}

export async function insertSocialAccount(
  tx: Tx,
  actor: Actor,
  input: SocialAccountInput,
  from: { requestId: string } | null,
  field = "administratorIds",
) {
  const administratorIds = await checkAdministrators(tx, actor.schoolId, input.administratorIds, field);
  const [row] = await tx
    .insert(socialAccounts)
    .values({
      schoolId: actor.schoolId,
      platform: input.platform,
      handle: input.handle,
      purpose: input.purpose,
      administratorIds,
      approvedBy: actor.personId,
      lastReviewedOn: input.lastReviewedOn ?? todayInLondon(),
      requestId: from?.requestId ?? null,
    })
    .returning();
  await recordEvent(tx, actor, {
    action: "request.social_account_added",
    entityType: "social_account",
    entityId: row.id,
    summary: {
      name: `${row.platform} ${row.handle}`.trim(),
      administrators: administratorIds.length,
      ...(from ? { requestId: from.requestId } : {}),
    },
  });
  return row;
}

export async function addService(db: Db, actor: Actor, input: ServiceInput) {
  mayKeep(actor);
  return db.transaction(async (tx: Tx) => {
    const row = await insertService(tx, actor, input, null);
    return presentService(row, await namesOf(tx, actor.schoolId, actor.personId ? [actor.personId] : []));
  });
}

export async function changeService(db: Db, actor: Actor, id: string, patch: ServicePatch) {
  mayKeep(actor);
  const [before] = await db
    .select()
    .from(onlineServices)
    .where(and(eq(onlineServices.schoolId, actor.schoolId), eq(onlineServices.id, id)));
  if (!before) throw notFound(msg`online service`);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(onlineServices)
      .set({
        name: patch.name ?? before.name,
        personalData: patch.personalData ?? before.personalData,
        reviewOn: patch.reviewOn === undefined ? before.reviewOn : patch.reviewOn,
        dpoView: patch.dpoView === undefined ? before.dpoView : patch.dpoView || null,
      })
      .where(and(eq(onlineServices.schoolId, actor.schoolId), eq(onlineServices.id, id)))
      .returning();
    await recordEvent(tx, actor, {
      action: "request.service_changed",
      entityType: "online_service",
      entityId: row.id,
      summary: { name: row.name, changed: Object.keys(patch).join(", ") },
    });
    return presentService(row, await namesOf(tx, actor.schoolId, row.approvedBy ? [row.approvedBy] : []));
  });
}

export async function addSocialAccount(db: Db, actor: Actor, input: SocialAccountInput) {
  mayKeep(actor);
  return db.transaction(async (tx: Tx) => {
    const row = await insertSocialAccount(tx, actor, input, null);
    return presentAccount(
      row,
      await namesOf(tx, actor.schoolId, [...row.administratorIds, actor.personId ?? ""].filter(Boolean)),
    );
  });
}

export async function changeSocialAccount(db: Db, actor: Actor, id: string, patch: SocialAccountPatch) {
  mayKeep(actor);
  const [before] = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.schoolId, actor.schoolId), eq(socialAccounts.id, id)));
  if (!before) throw notFound(msg`social media account`);
  const administratorIds = patch.administratorIds
    ? await checkAdministrators(db, actor.schoolId, patch.administratorIds, "administratorIds")
    : before.administratorIds;
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(socialAccounts)
      .set({
        platform: patch.platform ?? before.platform,
        handle: patch.handle ?? before.handle,
        purpose: patch.purpose ?? before.purpose,
        administratorIds,
        lastReviewedOn: patch.lastReviewedOn === undefined ? before.lastReviewedOn : patch.lastReviewedOn,
      })
      .where(and(eq(socialAccounts.schoolId, actor.schoolId), eq(socialAccounts.id, id)))
      .returning();
    await recordEvent(tx, actor, {
      action: "request.social_account_changed",
      entityType: "social_account",
      entityId: row.id,
      summary: {
        name: `${row.platform} ${row.handle}`.trim(),
        changed: Object.keys(patch).join(", "),
        ...(patch.administratorIds ? { administrators: administratorIds.length } : {}),
      },
    });
    const ids = [...row.administratorIds, ...(row.approvedBy ? [row.approvedBy] : [])];
    return presentAccount(row, await namesOf(tx, actor.schoolId, ids));
  });
}
