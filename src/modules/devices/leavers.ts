/**
 * A leaver's checklist, opened when their leave date is set (by hand or by the people import):
 * every device they hold returned (done when it is checked in), each system on the school's list
 * disabled, their social media admin rights passed on (done when another administrator replaces
 * them on the account), and each permission they hold ended. The items are worked out from what
 * is true now, so a device handed back ticks itself; ticks are kept with who and when, and a tick
 * made by mistake can be taken back (audited too).
 *
 * Items carry their parts (asset tag and type, the system's key, the account's platform and
 * handle, the permission's type) besides an English label, so the web app words them in the
 * reader's language.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { leaverChecks, leaverSystems } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { personNameSql } from "../../kernel/names.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import { canWorkLeaverChecklist } from "../access/devices.js";
import type { Actor } from "../access/roles.js";
import { statementsAgreed } from "../agreements/duties-agreed.js";
import { recordEvent } from "../audit/service.js";
import type { LeaverItem, LeaverSystemInput } from "./schema.js";

/** The systems offered to every school; their keys name translated labels in the web app. */
export const DEFAULT_LEAVER_SYSTEMS = [
  { key: "email", name: "School email account" },
  { key: "network", name: "Network and device logon" },
  { key: "mis", name: "MIS (management information system)" },
];

/** The school's list, the defaults added the first time a school has none at all. */
export async function leaverSystemsOf(db: DbOrTx, schoolId: string, withRetired = false) {
  const list = () =>
    db
      .select()
      .from(leaverSystems)
      .where(eq(leaverSystems.schoolId, schoolId))
      .orderBy(asc(leaverSystems.position), asc(leaverSystems.createdAt));
  let rows = await list();
  if (rows.length === 0) {
    await db
      .insert(leaverSystems)
      .values(DEFAULT_LEAVER_SYSTEMS.map((s, position) => ({ ...s, schoolId, position })))
      .onConflictDoNothing();
    rows = await list();
  }
  return withRetired ? rows : rows.filter((r) => r.retiredAt === null);
}

export async function addLeaverSystem(db: Db, actor: Actor, input: LeaverSystemInput) {
  if (!canWorkLeaverChecklist(actor, { schoolId: actor.schoolId })) throw forbidden();
  const current = await leaverSystemsOf(db, actor.schoolId, true);
  const name = input.name.trim();
  if (current.some((s) => s.retiredAt === null && s.name.toLowerCase() === name.toLowerCase()))
    throw badRequest(msg`That system is already on the list.`, [
      { field: "name", message: msg`That system is already on the list.` },
    ]);
  await db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(leaverSystems)
      .values({
        schoolId: actor.schoolId,
        // A key of its own: the name may be corrected later without orphaning ticks.
        key: `own-${crypto.randomUUID().slice(0, 8)}`,
        name,
        position: Math.max(-1, ...current.map((s) => s.position)) + 1,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "school.leaver_system_added",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { system: row.name },
    });
  });
  return leaverSystemsOf(db, actor.schoolId);
}

export async function retireLeaverSystem(db: Db, actor: Actor, key: string) {
  if (!canWorkLeaverChecklist(actor, { schoolId: actor.schoolId })) throw forbidden();
  await db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(leaverSystems)
      .set({ retiredAt: new Date() })
      .where(
        and(
          eq(leaverSystems.schoolId, actor.schoolId),
          eq(leaverSystems.key, key),
          isNull(leaverSystems.retiredAt),
        ),
      )
      .returning();
    if (!row) throw notFound(msg`system`);
    await recordEvent(tx, actor, {
      action: "school.leaver_system_retired",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { system: row.name },
    });
  });
  return leaverSystemsOf(db, actor.schoolId);
}

async function leaver(db: DbOrTx, actor: Pick<Actor, "schoolId" | "roles">, personId: string) {
  if (!canWorkLeaverChecklist(actor, { schoolId: actor.schoolId })) throw forbidden();
  const [p] = await queryRows<{ id: string; name: string; leave_date: string | null }>(
    db,
    sql`SELECT id, ${personNameSql("people")} AS name, leave_date::text AS leave_date
        FROM people WHERE school_id = ${actor.schoolId} AND id = ${personId}`,
  );
  if (!p) throw notFound(msg`person`);
  return p;
}

export async function leaverChecklist(
  db: DbOrTx,
  actor: Pick<Actor, "schoolId" | "roles">,
  personId: string,
) {
  const person = await leaver(db, actor, personId);
  const schoolId = actor.schoolId;
  const today = todayInLondon();
  const [held, returned, ticks, systems, accounts, permissions, agreed] = await Promise.all([
    queryRows<{ device_id: string; tag: string; type: string }>(
      db,
      sql`SELECT a.device_id, d.asset_tag AS tag, d.type FROM device_allocations a JOIN devices d ON d.id = a.device_id
          WHERE a.school_id = ${schoolId} AND a.person_id = ${personId} AND a.returned_at IS NULL ORDER BY d.asset_tag`,
    ),
    queryRows<{ device_id: string; tag: string; type: string; returned_at: Date | string }>(
      db,
      sql`SELECT DISTINCT ON (a.device_id) a.device_id, d.asset_tag AS tag, d.type, a.returned_at
          FROM device_allocations a JOIN devices d ON d.id = a.device_id
          WHERE a.school_id = ${schoolId} AND a.person_id = ${personId} AND a.returned_at IS NOT NULL
            AND ${person.leave_date}::date IS NOT NULL AND a.returned_at >= ${person.leave_date}::date - 90
          ORDER BY a.device_id, a.returned_at DESC`,
    ),
    db
      .select()
      .from(leaverChecks)
      .where(and(eq(leaverChecks.schoolId, schoolId), eq(leaverChecks.personId, personId))),
    leaverSystemsOf(db, schoolId),
    // Accounts they administer now; once passed on, the account's record no longer names them.
    queryRows<{ id: string; platform: string; handle: string; others: number }>(
      db,
      sql`SELECT id, platform, handle, cardinality(administrator_ids) - 1 AS others FROM social_accounts
          WHERE school_id = ${schoolId} AND ${personId}::uuid = ANY(administrator_ids) ORDER BY platform, handle`,
    ),
    // Permissions approved for them that have not run out: each must be ended when they go.
    queryRows<{ id: string; type: string; valid_until: string | null }>(
      db,
      sql`SELECT r.id, t.name AS type, last.valid_until::text AS valid_until
          FROM permission_requests r JOIN request_types t ON t.id = r.type_id
          JOIN LATERAL (SELECT e.kind, e.valid_until FROM request_entries e WHERE e.request_id = r.id
            ORDER BY e.at DESC LIMIT 1) last ON true
          WHERE r.school_id = ${schoolId} AND r.requester_id = ${personId} AND last.kind = 'approved'
            AND (last.valid_until IS NULL OR last.valid_until >= ${today}::date)
          ORDER BY r.made_at`,
    ),
    // What they promised about handing equipment back, quoted from what they signed.
    statementsAgreed(db, schoolId, personId, "return_equipment"),
  ]);
  const ticked = new Map(ticks.map((t) => [t.itemKey, t.doneAt]));
  const tick = (key: string) => {
    const at = ticked.get(key);
    return { done: Boolean(at), doneAt: at ? at.toISOString() : null };
  };
  const stillHeld = new Set(held.map((h) => h.device_id));
  const device = (d: { device_id: string; tag: string; type: string }) => ({
    key: `device:${d.device_id}`,
    kind: "device_return" as const,
    label: `Return ${d.tag} (${d.type})`,
    tickable: false,
    deviceId: d.device_id,
    assetTag: d.tag,
    deviceType: d.type,
  });
  const items: LeaverItem[] = [
    ...held.map((h) => ({ ...device(h), done: false, doneAt: null })),
    ...returned
      .filter((r) => !stillHeld.has(r.device_id))
      .map((r) => ({ ...device(r), done: true, doneAt: new Date(r.returned_at).toISOString() })),
    ...systems.map((s) => ({
      key: `logon:${s.key}`,
      kind: "logon_disabled" as const,
      label: `Disable: ${s.name}`,
      tickable: true,
      systemKey: s.key,
      systemName: s.name,
      ...tick(`logon:${s.key}`),
    })),
    ...accounts.map((a) => ({
      key: `social:${a.id}`,
      kind: "social_admin" as const,
      label: `Pass on admin rights: ${a.platform}${a.handle ? ` ${a.handle}` : ""}`,
      tickable: false,
      accountId: a.id,
      platform: a.platform,
      handle: a.handle,
      otherAdmins: a.others,
      done: false,
      doneAt: null,
    })),
    ...permissions.map((p) => ({
      key: `permission:${p.id}`,
      kind: "permission_ended" as const,
      label: `End permission: ${p.type}`,
      tickable: true,
      requestId: p.id,
      requestType: p.type,
      validUntil: p.valid_until,
      ...tick(`permission:${p.id}`),
    })),
  ];
  return { person: { id: person.id, name: person.name, leaveDate: person.leave_date }, items, agreed };
}

/** Tick an item or take a tick back; devices and admin rights tick themselves from the records. */
export async function setLeaverItem(db: Db, actor: Actor, personId: string, key: string, done: boolean) {
  const person = await leaver(db, actor, personId);
  if (!person.leave_date)
    throw conflict(msg`${person.name} has no leave date: there is no leaver's checklist yet.`);
  const item = (await leaverChecklist(db, actor, personId)).items.find((i) => i.key === key);
  if (!item?.tickable)
    throw badRequest(
      msg`Devices are ticked off by checking them in, and admin rights by changing the account's administrators; choose a logon or a permission to tick.`,
    );
  const what = item.kind === "logon_disabled" ? item.systemName : item.requestType;
  await db.transaction(async (tx: Tx) => {
    if (done) {
      const made = await tx
        .insert(leaverChecks)
        .values({ schoolId: actor.schoolId, personId, itemKey: key, doneBy: actor.personId })
        .onConflictDoNothing()
        .returning({ id: leaverChecks.id });
      if (made.length === 0) throw conflict(msg`That item is already done.`);
    } else {
      const gone = await tx
        .delete(leaverChecks)
        .where(
          and(
            eq(leaverChecks.schoolId, actor.schoolId),
            eq(leaverChecks.personId, personId),
            eq(leaverChecks.itemKey, key),
          ),
        )
        .returning({ id: leaverChecks.id });
      if (gone.length === 0) throw conflict(msg`That item is not ticked.`);
    }
    await recordEvent(tx, actor, {
      action: done ? "person.leaver_item_done" : "person.leaver_item_undone",
      entityType: "person",
      entityId: personId,
      summary: { item: item.kind === "logon_disabled" ? `Disable: ${what}` : `End permission: ${what}` },
    });
  });
  return leaverChecklist(db, actor, personId);
}

/** Leavers (left in the last 60 days, or leaving) whose checklist is not finished, for home pages. */
export async function openLeaverChecklists(db: DbOrTx, schoolId: string, onlyManagedBy?: string) {
  const leavers = await queryRows<{ id: string; name: string; leave_date: string }>(
    db,
    sql`SELECT p.id, ${personNameSql("p")} AS name, p.leave_date::text AS leave_date
        FROM people p
        WHERE p.school_id = ${schoolId} AND p.leave_date IS NOT NULL AND p.leave_date > now()::date - 60
          AND p.kinds && ARRAY['staff','supply','student_teacher','volunteer','governor']::text[]
          AND (${onlyManagedBy ?? null}::uuid IS NULL OR p.line_manager_id = ${onlyManagedBy ?? null}::uuid)
        ORDER BY p.leave_date`,
  );
  // A handful of leavers at a time: each list is worked out as its own page shows it.
  const reader = { schoolId, roles: ["headteacher" as const] };
  const open = [];
  for (const l of leavers) {
    const { items } = await leaverChecklist(db, reader, l.id);
    const outstanding = items.filter((i) => !i.done);
    if (outstanding.length > 0)
      open.push({
        ...l,
        devices: outstanding.filter((i) => i.kind === "device_return").length,
        outstanding: outstanding.length,
      });
  }
  return open;
}
