import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import {
  agreements,
  assignments,
  people,
  policyVersions,
  roleAssignments,
  signatures,
} from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { fullName } from "../../kernel/names.js";
import type { Kind } from "../access/roles.js";
import { familyCoverage, type SignatureFact } from "./family-coverage.js";
import type {
  Audience,
  ComplianceCellView,
  ComplianceStatus,
  ComplianceView,
  UncoveredChildView,
} from "./schema.js";
import { statusFrom } from "./service.js";

export type ComplianceFilter = { kind?: string; role?: string; department?: string; regGroup?: string };

/**
 * People × active agreements. Three set-based queries (agreements with their ancestry, the
 * assignments, the signatures) and the status worked out in memory: no query per cell.
 */
export async function complianceMatrix(
  db: Db,
  schoolId: string,
  f: ComplianceFilter,
): Promise<ComplianceView> {
  const today = todayInLondon();
  const all = await db
    .select({ a: agreements, major: policyVersions.major, minor: policyVersions.minor })
    .from(agreements)
    .innerJoin(policyVersions, eq(policyVersions.id, agreements.policyVersionId))
    .where(eq(agreements.schoolId, schoolId));
  const byId = new Map(all.map((r) => [r.a.id, r]));
  const active = all
    .filter((r) => r.a.status === "active")
    .sort((x, y) => x.a.title.localeCompare(y.a.title));
  const lineage = new Map<string, { same: string[]; older: string[] }>();
  for (const { a } of active) {
    const same: string[] = [];
    const older: string[] = [];
    let sameText = true;
    let current = a;
    while (current.supersedesId && byId.has(current.supersedesId)) {
      sameText = sameText && current.sameTextAsPrevious;
      current = byId.get(current.supersedesId)!.a;
      (sameText ? same : older).push(current.id);
    }
    lineage.set(a.id, { same, older });
  }

  const conditions = [
    eq(people.schoolId, schoolId),
    sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
  ];
  if (f.kind) conditions.push(sql`${people.kinds} @> ARRAY[${f.kind}]::text[]`);
  if (f.department) conditions.push(eq(people.department, f.department));
  if (f.regGroup) conditions.push(eq(people.regGroup, f.regGroup));
  if (f.role)
    conditions.push(
      sql`${people.id} IN (SELECT ${roleAssignments.personId} FROM ${roleAssignments} WHERE ${roleAssignments.schoolId} = ${schoolId} AND ${roleAssignments.role} = ${f.role})`,
    );
  const folk = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      kinds: people.kinds,
      department: people.department,
      regGroup: people.regGroup,
      jobTitle: people.jobTitle,
    })
    .from(people)
    .where(and(...conditions))
    .orderBy(people.familyName, people.givenName);
  const activeIds = active.map((r) => r.a.id);
  const dues = activeIds.length
    ? await db
        .select({
          agreementId: assignments.agreementId,
          personId: assignments.personId,
          dueDate: assignments.dueDate,
        })
        .from(assignments)
        .where(
          and(
            eq(assignments.schoolId, schoolId),
            inArray(assignments.agreementId, activeIds),
            isNull(assignments.cancelledAt),
          ),
        )
    : [];
  const due = new Map(dues.map((d) => [`${d.agreementId}:${d.personId}`, d.dueDate]));
  const sigs = await db
    .select({
      id: signatures.id,
      personId: signatures.personId,
      subjectId: signatures.subjectId,
      kind: signatures.kind,
      signedAt: signatures.signedAt,
      onBehalfOfId: signatures.onBehalfOfId,
      fullName: signatures.fullName,
      choices: signatures.choices,
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.schoolId, schoolId),
        eq(signatures.subjectType, "agreement"),
        // A visitor's kiosk signature is nobody's here (they have their register); a printed form
        // recorded for a child may name a carer who is not on record, and still covers the child.
        sql`(${signatures.personId} IS NOT NULL OR ${signatures.onBehalfOfId} IS NOT NULL)`,
      ),
    );
  const sigsOf = new Map<string, typeof sigs>();
  for (const s of sigs) if (s.personId) sigsOf.set(s.personId, [...(sigsOf.get(s.personId) ?? []), s]);
  const family = await familyCoverage(db, schoolId, today, sigs);

  const totals = Object.fromEntries(
    activeIds.map((id) => [
      id,
      { required: 0, signed: 0, covered: 0, signed_older: 0, pending: 0, overdue: 0, declined: 0 },
    ]),
  );
  const rows = folk.map((p) => {
    const mine = sigsOf.get(p.id) ?? [];
    const cells: Record<string, ComplianceCellView> = {};
    for (const { a } of active) {
      const { same, older } = lineage.get(a.id)!;
      const dueDate = due.get(`${a.id}:${p.id}`) ?? null;
      let status: ComplianceStatus = statusFrom(mine, a.id, same, older, dueDate, today);
      let shown: SignatureFact | undefined;
      // A parent's part is done when each child (or the family) has one carer's signature; if
      // none of those signatures is their own, they are covered, not signed.
      if (a.audience === "parents" && dueDate !== null && status !== "declined") {
        const cover = family.parent(p.id, a.parentMode, [a.id, ...same]);
        if (cover.state === "no children") status = "not_required";
        else if (cover.state === "waiting" && status === "signed")
          status = dueDate < today ? "overdue" : "pending";
        else if (cover.state === "covered") {
          status = cover.own ? "signed" : "covered";
          shown = cover.own ?? cover.newest;
        }
      }
      const cell: ComplianceCellView = { status };
      if (status === "signed" || status === "signed_older" || status === "covered") {
        const ids = status === "signed_older" ? older : [a.id, ...same];
        const s =
          shown ??
          mine
            .filter((x) => x.kind === "signed" && ids.includes(x.subjectId))
            .sort((x, y) => y.signedAt.getTime() - x.signedAt.getTime())[0];
        const v = byId.get(s.subjectId)!;
        Object.assign(cell, {
          signedAt: s.signedAt.toISOString(),
          versionNumber: `${v.major}.${v.minor}`,
          signatureId: s.id,
          answers: s.choices as Record<string, string>,
          ...(status === "covered" ? { coveredBy: s.fullName } : {}),
        });
      }
      cells[a.id] = cell;
      if (status !== "not_required") {
        totals[a.id].required++;
        totals[a.id][status]++;
      }
    }
    return {
      id: p.id,
      name: fullName({ givenName: p.givenName, familyName: p.familyName }),
      kinds: p.kinds as Kind[],
      department: p.department,
      regGroup: p.regGroup,
      jobTitle: p.jobTitle,
      cells,
    };
  });

  // Parents' agreements are counted by child: a child is asked for when one of their carers was
  // asked to sign, and covered by one carer's signature.
  const children = await childrenCoverage(db, schoolId, f, family, {
    agreements: active.filter(({ a }) => a.audience === "parents").map(({ a }) => a),
    lineage,
    dues,
  });
  const visitors = await visitorCounts(
    db,
    schoolId,
    today,
    active.filter(({ a }) => a.audience === "visitors").map(({ a }) => a.id),
    lineage,
  );
  return {
    agreements: active.map(({ a, major, minor }) => {
      const counts = children.counts.get(a.id) ?? null;
      const required = counts ? counts.required : totals[a.id].required;
      const done = counts ? counts.covered : totals[a.id].signed;
      return {
        id: a.id,
        title: a.title,
        audience: a.audience as Audience,
        versionNumber: `${major}.${minor}`,
        ...totals[a.id],
        percentSigned: required ? Math.round((1000 * done) / required) / 10 : null,
        choices: (a.choices as { key: string; label: string }[]).map(({ key, label }) => ({ key, label })),
        children: counts,
        visitors: visitors.get(a.id) ?? null,
      };
    }),
    people: rows,
    childrenNotCovered: Object.fromEntries(children.notCovered),
    // What the department and class filters can be set to: the school's own values, so a filter
    // is picked, not guessed (filters match exactly).
    options: await filterOptions(db, schoolId, today),
  };
}

type Lineage = Map<string, { same: string[]; older: string[] }>;

async function childrenCoverage(
  db: Db,
  schoolId: string,
  f: ComplianceFilter,
  family: Awaited<ReturnType<typeof familyCoverage>>,
  {
    agreements: parentAgreements,
    lineage,
    dues,
  }: {
    agreements: { id: string; parentMode: string }[];
    lineage: Lineage;
    dues: { agreementId: string; personId: string }[];
  },
) {
  const counts = new Map<string, { required: number; covered: number }>();
  const notCovered = new Map<string, UncoveredChildView[]>();
  if (parentAgreements.length === 0) return { counts, notCovered };
  const asked = new Map<string, Set<string>>();
  const everyone = new Set<string>();
  for (const a of parentAgreements) {
    const kids = new Set<string>();
    for (const d of dues)
      if (d.agreementId === a.id) for (const c of family.childrenOf(d.personId)) kids.add(c);
    asked.set(a.id, kids);
    for (const c of kids) {
      everyone.add(c);
      for (const carer of family.carersOf(c)) everyone.add(carer.id);
    }
  }
  const who = everyone.size
    ? await db
        .select({
          id: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          regGroup: people.regGroup,
          yearGroup: people.yearGroup,
          email: people.email,
        })
        .from(people)
        .where(and(eq(people.schoolId, schoolId), inArray(people.id, [...everyone])))
    : [];
  const person = new Map(who.map((w) => [w.id, w]));
  const nameOf = (id: string) => {
    const w = person.get(id);
    return w ? fullName({ givenName: w.givenName, familyName: w.familyName }) : "";
  };
  for (const a of parentAgreements) {
    const ids = [a.id, ...lineage.get(a.id)!.same];
    // The class filter narrows the children; the other filters are about adults.
    const kids = [...asked.get(a.id)!].filter((c) => !f.regGroup || person.get(c)?.regGroup === f.regGroup);
    const open = kids.filter((c) => !family.coveringChild(c, a.parentMode, ids));
    counts.set(a.id, { required: kids.length, covered: kids.length - open.length });
    notCovered.set(
      a.id,
      open
        .map((c) => ({
          id: c,
          name: nameOf(c),
          regGroup: person.get(c)?.regGroup ?? null,
          yearGroup: person.get(c)?.yearGroup ?? null,
          carers: family.carersOf(c).map((carer) => ({
            id: carer.id,
            name: nameOf(carer.id),
            relationship: carer.relationship,
            hasEmail: Boolean(person.get(carer.id)?.email),
          })),
        }))
        .sort(
          (x, y) =>
            (x.regGroup ?? "").localeCompare(y.regGroup ?? "") ||
            (person.get(x.id)?.familyName ?? "").localeCompare(person.get(y.id)?.familyName ?? "") ||
            x.name.localeCompare(y.name),
        ),
    );
  }
  return { counts, notCovered };
}

/**
 * Schools count visitors by term. Terms are taken as starting on 1 September, 1 January and
 * 1 April (the same three terms as the governors' report); half-terms and Easter move each year.
 */
export function termStart(today: string) {
  const [year, month] = today.split("-").map(Number);
  if (month >= 9) return `${year}-09-01`;
  if (month >= 4) return `${year}-04-01`;
  return `${year}-01-01`;
}

/** Visitors who signed each visitors' agreement (any version) at a kiosk, less those withdrawn. */
async function visitorCounts(db: Db, schoolId: string, today: string, ids: string[], lineage: Lineage) {
  const counts = new Map<string, { thisTerm: number; allTime: number }>();
  if (ids.length === 0) return counts;
  const family = new Map(
    ids.flatMap((id) => [id, ...lineage.get(id)!.same, ...lineage.get(id)!.older].map((x) => [x, id])),
  );
  const rows = await queryRows<{ subject_id: string; this_term: number; all_time: number }>(
    db,
    sql`SELECT s.subject_id, count(*) FILTER (WHERE s.signed_at >= (${termStart(today)}::date AT TIME ZONE 'Europe/London'))::int AS this_term,
          count(*)::int AS all_time
        FROM signatures s
        WHERE s.school_id = ${schoolId} AND s.auth_method = 'kiosk' AND s.kind = 'signed'
          AND s.subject_id = ANY(${sql.param([...family.keys()])}::uuid[])
          AND NOT EXISTS (SELECT 1 FROM signatures w WHERE w.corrects_id = s.id AND w.kind = 'withdrawn')
        GROUP BY s.subject_id`,
  );
  for (const id of ids) counts.set(id, { thisTerm: 0, allTime: 0 });
  for (const r of rows) {
    const c = counts.get(family.get(r.subject_id)!)!;
    c.thisTerm += r.this_term;
    c.allTime += r.all_time;
  }
  return counts;
}

async function filterOptions(db: Db, schoolId: string, today: string) {
  const here = and(
    eq(people.schoolId, schoolId),
    sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
  );
  const [departments, regGroups] = await Promise.all([
    db
      .selectDistinct({ value: people.department })
      .from(people)
      .where(and(here, sql`${people.department} IS NOT NULL`))
      .orderBy(people.department),
    db
      .selectDistinct({ value: people.regGroup })
      .from(people)
      .where(and(here, sql`${people.regGroup} IS NOT NULL`))
      .orderBy(people.regGroup),
  ]);
  return {
    departments: departments.map((d) => d.value as string),
    regGroups: regGroups.map((r) => r.value as string),
  };
}

export { complianceCsv } from "./compliance-csv.js";
