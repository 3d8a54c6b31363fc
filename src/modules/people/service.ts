import {
  and,
  asc,
  count,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  isNull,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { credentials, invitations, people, pupilContacts, roleAssignments } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { fullName, fullNameSql } from "../../kernel/names.js";
import { badRequest, forbidden, notFound } from "../../kernel/problem.js";
import type { Actor, Kind, Role } from "../access/roles.js";
import { mayGrantRoles } from "../access/tokens.js";
import { recordEvent } from "../audit/service.js";
import type { AccountState, PeopleQuery, PersonInput, PersonPatch, PersonView } from "./schema.js";

type PersonRow = typeof people.$inferSelect;

/**
 * The presenter: the one shape a person leaves the server in (no raw rows in responses), as
 * `PersonView` in schema.ts declares it. Kinds are written only through `KINDS`-checked input.
 */
export function presentPerson(p: PersonRow, roles: Role[], account: AccountState): PersonView {
  const today = todayInLondon();
  return {
    id: p.id,
    language: p.language,
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName,
    name: fullName(p),
    kinds: p.kinds as Kind[],
    roles,
    email: p.email,
    phone: p.phone,
    jobTitle: p.jobTitle,
    department: p.department,
    yearGroup: p.yearGroup,
    regGroup: p.regGroup,
    startDate: p.startDate,
    leaveDate: p.leaveDate,
    lineManagerId: p.lineManagerId,
    status: !p.leaveDate ? "current" : p.leaveDate > today ? "leaving" : "left",
    account,
  };
}
export type Person = ReturnType<typeof presentPerson>;

const hasCredentials = (personId: SQL | typeof people.id) =>
  exists(sql`(SELECT 1 FROM ${credentials} WHERE ${credentials.personId} = ${personId})`);
const hasOpenInvitation = (personId: SQL | typeof people.id) =>
  exists(
    sql`(SELECT 1 FROM ${invitations} WHERE ${invitations.personId} = ${personId} AND ${invitations.usedAt} IS NULL AND ${invitations.expiresAt} > now())`,
  );

export async function listPeople(db: DbOrTx, schoolId: string, q: PeopleQuery) {
  const where: SQL[] = [eq(people.schoolId, schoolId)];
  const today = todayInLondon();
  if (q.status === "current") where.push(or(isNull(people.leaveDate), gt(people.leaveDate, today))!);
  if (q.status === "leavers") where.push(sql`${people.leaveDate} IS NOT NULL`);
  if (q.kind) where.push(sql`${people.kinds} @> ARRAY[${q.kind}]::text[]`);
  if (q.yearGroup) where.push(eq(people.yearGroup, q.yearGroup));
  if (q.department) where.push(eq(people.department, q.department));
  if (q.role)
    where.push(
      exists(
        sql`(SELECT 1 FROM ${roleAssignments} WHERE ${roleAssignments.personId} = ${people.id} AND ${roleAssignments.role} = ${q.role})`,
      ),
    );
  if (q.account === "active") where.push(hasCredentials(people.id));
  if (q.account === "invited")
    where.push(
      and(
        notExists(sql`(SELECT 1 FROM ${credentials} WHERE ${credentials.personId} = ${people.id})`),
        hasOpenInvitation(people.id),
      )!,
    );
  if (q.account === "none")
    where.push(
      and(
        notExists(sql`(SELECT 1 FROM ${credentials} WHERE ${credentials.personId} = ${people.id})`),
        notExists(
          sql`(SELECT 1 FROM ${invitations} WHERE ${invitations.personId} = ${people.id} AND ${invitations.usedAt} IS NULL AND ${invitations.expiresAt} > now())`,
        ),
      )!,
    );
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(sql`${people.givenName} || ' ' || ${people.familyName}`, like),
        ilike(sql`coalesce(${people.preferredName}, '') || ' ' || ${people.familyName}`, like),
        ilike(people.email, like),
        ilike(people.jobTitle, like),
        ilike(people.regGroup, like),
      )!,
    );
  }
  const filter = and(...where);
  const rows = await db
    .select({
      person: people,
      active: hasCredentials(people.id).mapWith(Boolean),
      invited: hasOpenInvitation(people.id).mapWith(Boolean),
    })
    .from(people)
    .where(filter)
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total }] = await db.select({ total: count() }).from(people).where(filter);
  const roles = await rolesOf(
    db,
    schoolId,
    rows.map((r) => r.person.id),
  );
  return {
    total,
    people: rows.map((r) =>
      presentPerson(
        r.person,
        roles.get(r.person.id) ?? [],
        r.active ? "active" : r.invited ? "invited" : "none",
      ),
    ),
  };
}

async function rolesOf(db: DbOrTx, schoolId: string, ids: string[]) {
  const map = new Map<string, Role[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.schoolId, schoolId), inArray(roleAssignments.personId, ids)))
    .orderBy(roleAssignments.role);
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r.role as Role]);
  return map;
}

export async function getPerson(db: DbOrTx, schoolId: string, id: string) {
  const [row] = await db
    .select({
      person: people,
      active: hasCredentials(people.id).mapWith(Boolean),
      invited: hasOpenInvitation(people.id).mapWith(Boolean),
    })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  if (!row) throw notFound(msg`person`);
  const roles = (await rolesOf(db, schoolId, [id])).get(id) ?? [];
  const name = fullNameSql(sql`coalesce(${people.preferredName}, ${people.givenName})`, people.familyName);
  const contacts = await db
    .select({
      id: people.id,
      name,
      relationship: pupilContacts.relationship,
      priority: pupilContacts.priority,
    })
    .from(pupilContacts)
    .innerJoin(people, eq(people.id, pupilContacts.contactId))
    .where(and(eq(pupilContacts.schoolId, schoolId), eq(pupilContacts.pupilId, id)))
    .orderBy(asc(pupilContacts.priority));
  const pupils = await db
    .select({ id: people.id, name, relationship: pupilContacts.relationship })
    .from(pupilContacts)
    .innerJoin(people, eq(people.id, pupilContacts.pupilId))
    .where(and(eq(pupilContacts.schoolId, schoolId), eq(pupilContacts.contactId, id)))
    .orderBy(asc(people.familyName));
  const [lineManager] = row.person.lineManagerId
    ? await db
        .select({ id: people.id, name })
        .from(people)
        .where(and(eq(people.schoolId, schoolId), eq(people.id, row.person.lineManagerId)))
    : [];
  return {
    ...presentPerson(row.person, roles, row.active ? "active" : row.invited ? "invited" : "none"),
    lineManager: lineManager ?? null,
    contacts,
    pupils,
  };
}

/** Create a person inside the caller's transaction (setup, the directory form, imports, demo). */
/**
 * A line manager is a member of staff of the same school who has not left, and not the person
 * themself: anything else would send their requests and training reminders nowhere useful.
 */
async function checkLineManager(db: DbOrTx, schoolId: string, personId: string | null, managerId: string) {
  const problem = (message: Message) =>
    badRequest(msg`Choose someone else as line manager.`, [{ field: "lineManagerId", message }]);
  if (managerId === personId) throw problem(msg`A person cannot be their own line manager.`);
  const [manager] = await db
    .select({ kinds: people.kinds, leaveDate: people.leaveDate })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, managerId)));
  if (!manager) throw problem(msg`That person is not in this school's directory.`);
  if (!manager.kinds.includes("staff")) throw problem(msg`A line manager must be a member of staff.`);
  if (manager.leaveDate && manager.leaveDate <= todayInLondon())
    throw problem(msg`That member of staff has left.`);
}

export async function insertPerson(tx: Tx, actor: Actor, input: PersonInput, audit = true) {
  const { roles = [], ...fields } = input;
  if (fields.lineManagerId) await checkLineManager(tx, actor.schoolId, null, fields.lineManagerId);
  const [row] = await tx
    .insert(people)
    .values({ ...fields, schoolId: actor.schoolId, kinds: [...new Set(fields.kinds)] })
    .returning();
  if (roles.length > 0)
    await tx
      .insert(roleAssignments)
      .values([...new Set(roles)].map((role) => ({ schoolId: actor.schoolId, personId: row.id, role })));
  if (audit)
    await recordEvent(tx, actor, {
      action: "person.created",
      entityType: "person",
      entityId: row.id,
      summary: {
        name: fullName({ givenName: row.givenName, familyName: row.familyName }),
        kinds: row.kinds,
        roles,
      },
    });
  return row;
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput) {
  // Giving designated roles is for admins signed in: never through an API token (decision 029).
  if ((input.roles?.length ?? 0) > 0 && !mayGrantRoles(actor))
    throw forbidden(
      msg`API tokens cannot give roles. Add the person without roles, or sign in to give them.`,
    );
  const row = await db.transaction((tx) => insertPerson(tx, actor, input));
  return getPerson(db, actor.schoolId, row.id);
}

/** Only the fields that really change are written and audited, as before → after pairs. */
export async function updatePerson(db: Db, actor: Actor, id: string, patch: PersonPatch) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.schoolId, actor.schoolId), eq(people.id, id)))
      .for("update");
    if (!before) throw notFound(msg`person`);
    if (patch.lineManagerId) await checkLineManager(tx, actor.schoolId, id, patch.lineManagerId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const old = (before as Record<string, unknown>)[key];
      if (JSON.stringify(old) !== JSON.stringify(value)) {
        changes[key] = { from: old, to: value };
        set[key] = value;
      }
    }
    if (Object.keys(set).length === 0) return;
    // The audit log reads as sentences: name the line managers rather than quote their ids.
    if (changes.lineManagerId) {
      const nameOf = async (managerId: unknown) => {
        if (typeof managerId !== "string") return null;
        const [m] = await tx.select().from(people).where(eq(people.id, managerId));
        return m ? fullName(m) : null;
      };
      const { from, to } = changes.lineManagerId;
      delete changes.lineManagerId;
      changes.lineManager = { from: await nameOf(from), to: await nameOf(to) };
    }
    await tx
      .update(people)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(people.schoolId, actor.schoolId), eq(people.id, id)));
    await recordEvent(tx, actor, {
      action: "person.updated",
      entityType: "person",
      entityId: id,
      summary: changes,
    });
  });
  return getPerson(db, actor.schoolId, id);
}

/** Leavers are never deleted: their signatures, consent and incidents stay on record. */
export async function markLeaver(db: Db, actor: Actor, id: string, leaveDate: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(people)
      .set({ leaveDate, updatedAt: new Date() })
      .where(and(eq(people.schoolId, actor.schoolId), eq(people.id, id)))
      .returning({ givenName: people.givenName, familyName: people.familyName });
    if (!row) throw notFound(msg`person`);
    await recordEvent(tx, actor, {
      action: "person.marked_leaver",
      entityType: "person",
      entityId: id,
      summary: { name: fullName({ givenName: row.givenName, familyName: row.familyName }), leaveDate },
    });
  });
  return getPerson(db, actor.schoolId, id);
}

export async function setRoles(db: Db, actor: Actor, id: string, roles: Role[]) {
  await db.transaction(async (tx) => {
    const person = await getPerson(tx, actor.schoolId, id);
    const wanted = [...new Set(roles)].sort();
    const before = [...person.roles].sort();
    if (JSON.stringify(wanted) === JSON.stringify(before)) return;
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.schoolId, actor.schoolId), eq(roleAssignments.personId, id)));
    if (wanted.length > 0)
      await tx
        .insert(roleAssignments)
        .values(wanted.map((role) => ({ schoolId: actor.schoolId, personId: id, role })));
    await recordEvent(tx, actor, {
      action: "person.roles_changed",
      entityType: "person",
      entityId: id,
      summary: { name: person.name, from: before, to: wanted },
    });
  });
  return getPerson(db, actor.schoolId, id);
}

export async function countByKind(db: DbOrTx, schoolId: string) {
  const rows = await db
    .select({ kind: sql<string>`unnest(${people.kinds})`, n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), isNull(people.leaveDate)))
    .groupBy(sql`1`);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n])) as Record<string, number>;
}
export { peopleAttention } from "./attention.js";
export { readerOf, readersOf, schoolReaders, setPersonLanguage } from "./languages.js";
