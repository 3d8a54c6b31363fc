import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { schools, trustRoles, trusts } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { splitName } from "../../kernel/names.js";
import { conflict, forbidden, notFound } from "../../kernel/problem.js";
import type { Actor, TrustRole } from "../access/roles.js";
import { mayAddSchools, mayReadSchoolOfTrust, mayReadTrust } from "../access/trust.js";
import { recordEvent } from "../audit/service.js";
import { createInvitation, emailHasAccount } from "../auth/service.js";
import { insertPerson } from "../people/service.js";
import { dashboardFigures, termOf, termsEndingWith } from "../reports/service.js";
import { seedCourses } from "../training/service.js";
import type { AddTrustSchoolInput, TrustSchoolRow, TrustSchoolsView, TrustStandingView } from "./schema.js";

/**
 * One installation serving a trust (issue 20 part 5, decision 037): a trust groups schools; a
 * person of one of its schools may hold trust roles (trust_roles). Trust roles read every school's
 * figures side by side and one school's dashboard, counts only: no route here returns a person or a
 * record of another school, and every school's records stay behind its own school_id.
 */

/** The person's trust and their roles in it; null when their school is in no trust. */
export async function trustStandingOf(db: DbOrTx, actor: Actor): Promise<TrustStandingView | null> {
  const [row] = await db
    .select({ id: trusts.id, name: trusts.name })
    .from(schools)
    .innerJoin(trusts, eq(trusts.id, schools.trustId))
    .where(eq(schools.id, actor.schoolId));
  if (!row) return null;
  const roles = actor.personId
    ? await db
        .select({ role: trustRoles.role })
        .from(trustRoles)
        .where(and(eq(trustRoles.trustId, row.id), eq(trustRoles.personId, actor.personId)))
    : [];
  return { ...row, roles: roles.map((r) => r.role as TrustRole).sort() };
}

/** Setup of a trust with its first school: the trust, the school in it, its first admin as trust admin. */
export async function createTrustWithFirstSchool(
  tx: Tx,
  actor: Actor,
  trustName: string,
  schoolId: string,
  adminId: string,
) {
  const [trust] = await tx.insert(trusts).values({ name: trustName }).returning();
  await tx.update(schools).set({ trustId: trust.id }).where(eq(schools.id, schoolId));
  await tx.insert(trustRoles).values({ trustId: trust.id, schoolId, personId: adminId, role: "trust_admin" });
  await recordEvent(tx, actor, {
    action: "trust.created",
    entityType: "trust",
    entityId: trust.id,
    summary: { name: trust.name, firstAdmin: adminId },
  });
  return trust;
}

async function standingOrRefuse(db: DbOrTx, actor: Actor) {
  const standing = await trustStandingOf(db, actor);
  if (!standing || !mayReadTrust(standing.roles))
    throw forbidden(msg`Only the trust's roles (chief executive, DSL, DPO, admin) see the trust's schools.`);
  return standing;
}

/** The headline of one school, from its dashboard's own figures for this term. */
function headline(
  school: { id: string; name: string; country: "england" | "wales" },
  d: Awaited<ReturnType<typeof dashboardFigures>>,
  term: string,
): TrustSchoolRow {
  const percent = (done: number, of: number) => (of === 0 ? null : Math.round((1000 * done) / of) / 10);
  const agreed = d.agreementsByKind.reduce(
    (a, r) => ({ required: a.required + r.required, done: a.done + r.done }),
    { required: 0, done: 0 },
  );
  const consent = d.consent.reduce((a, r) => ({ pupils: a.pupils + r.pupils, given: a.given + r.given }), {
    pupils: 0,
    given: 0,
  });
  const training = d.training.reduce(
    (a, r) => ({ required: a.required + r.required, inDate: a.inDate + r.inDate }),
    { required: 0, inDate: 0 },
  );
  const filtering = d.filtering[0];
  return {
    ...school,
    agreements: { ...agreed, percent: percent(agreed.done, agreed.required) },
    consent: { ...consent, percent: percent(consent.given, consent.pupils) },
    incidentsThisTerm: d.incidents.filter((r) => r.term === term).reduce((n, r) => n + r.count, 0),
    policiesOverdue: d.policies.find((r) => r.status === "overdue")?.count ?? 0,
    training: { ...training, percent: percent(training.inDate, training.required) },
    filtering: { lastReviewedOn: filtering?.lastReviewedOn ?? null, overdue: filtering?.overdue ?? true },
  };
}

/** `GET /api/v1/trust/schools`: every school of the trust with its headline figures, by name. */
export async function trustSchools(db: Db, actor: Actor, today = todayInLondon()): Promise<TrustSchoolsView> {
  const standing = await standingOrRefuse(db, actor);
  const term = termOf(today);
  const list = await db
    .select({ id: schools.id, name: schools.name, country: schools.country })
    .from(schools)
    .where(eq(schools.trustId, standing.id))
    .orderBy(asc(schools.name));
  const rows: TrustSchoolRow[] = [];
  // One school at a time: the dashboard's queries each filter by school_id (bench/trust.ts measures it).
  for (const school of list)
    rows.push(headline(school, await dashboardFigures(db, school.id, [term], today), term.name));
  return {
    trust: { id: standing.id, name: standing.name },
    term: term.name,
    roles: standing.roles,
    schools: rows,
  };
}

/** One school of the trust, in full as its dashboard: a 404 for a school outside the trust. */
export async function trustSchoolDashboard(db: Db, actor: Actor, schoolId: string, today = todayInLondon()) {
  const standing = await standingOrRefuse(db, actor);
  const [school] = await db
    .select({ id: schools.id, name: schools.name, trustId: schools.trustId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school || !mayReadSchoolOfTrust(standing.roles, standing.id, school)) throw notFound(msg`school`);
  const terms = termsEndingWith(termOf(today), 3);
  return {
    school: { id: school.id, name: school.name },
    dashboard: await dashboardFigures(db, school.id, terms, today),
  };
}

/**
 * The trust admin adds a school: the school in the trust (with the courses every school starts
 * with), its first admin as headteacher and school admin, emailed an invitation to set a password.
 * The new school's chain starts with its creation; the trust admin's school records that they added it.
 */
export async function addTrustSchool(db: Db, actor: Actor, input: AddTrustSchoolInput, publicUrl: string) {
  const standing = await trustStandingOf(db, actor);
  if (!standing || !mayAddSchools(standing.roles))
    throw forbidden(msg`Only the trust admin adds schools to the trust.`);
  const email = input.admin.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    if (await emailHasAccount(tx, email))
      throw conflict(
        msg`Someone in Accord already signs in with this email address: give the new school's admin their own.`,
      );
    const [school] = await tx
      .insert(schools)
      .values({ name: input.name.trim(), country: input.country ?? "england", trustId: standing.id })
      .returning();
    await seedCourses(tx, school.id);
    const asTrust: Actor = { ...actor, schoolId: school.id, roles: [], kinds: [] };
    await recordEvent(tx, asTrust, {
      action: "school.created",
      entityType: "school",
      entityId: school.id,
      summary: { name: school.name, trust: standing.name },
    });
    const person = await insertPerson(tx, asTrust, {
      ...splitName(input.admin.name),
      kinds: ["staff"],
      email,
      jobTitle: "Headteacher",
      roles: ["headteacher", "school_admin"],
    });
    const { expiresAt } = await createInvitation(tx, asTrust, person.id, publicUrl, school.name);
    await recordEvent(tx, actor, {
      action: "trust.school_added",
      entityType: "school",
      entityId: school.id,
      summary: { name: school.name, trust: standing.name },
    });
    return {
      school: { id: school.id, name: school.name },
      admin: { id: person.id, invitationExpiresAt: expiresAt.toISOString() },
    };
  });
}
