import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  agreements,
  assignments,
  people,
  policyVersions,
  pupilContacts,
  roleAssignments,
  signatures,
} from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { fullName } from "../../kernel/names.js";
import type { Kind } from "../access/roles.js";
import type { Audience, ComplianceView } from "./schema.js";
import type { AgreementStatus } from "./service.js";
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
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.schoolId, schoolId),
        eq(signatures.subjectType, "agreement"),
        sql`${signatures.personId} IS NOT NULL`,
      ),
    );
  const sigsOf = new Map<string, typeof sigs>();
  for (const s of sigs) sigsOf.set(s.personId!, [...(sigsOf.get(s.personId!) ?? []), s]);
  const family = await familySigning(db, schoolId, today, sigs);

  const totals = Object.fromEntries(
    activeIds.map((id) => [
      id,
      { required: 0, signed: 0, signed_older: 0, pending: 0, overdue: 0, declined: 0 },
    ]),
  );
  const rows = folk.map((p) => {
    const mine = sigsOf.get(p.id) ?? [];
    const cells: Record<
      string,
      { status: AgreementStatus; signedAt?: string; versionNumber?: string; signatureId?: string }
    > = {};
    for (const { a } of active) {
      const { same, older } = lineage.get(a.id)!;
      const dueDate = due.get(`${a.id}:${p.id}`) ?? null;
      let status = statusFrom(mine, a.id, same, older, dueDate, today);
      // A parent's part is done when each child (or the family) has one parent's signature.
      const forFamily =
        a.audience === "parents" && dueDate !== null && status !== "declined"
          ? family.covering(p.id, a.parentMode, [a.id, ...same])
          : undefined;
      if (forFamily === "no children") status = "not_required";
      else if (forFamily === null && status === "signed") status = dueDate! < today ? "overdue" : "pending";
      else if (forFamily) status = "signed";
      const cell: (typeof cells)[string] = { status };
      if (status === "signed" || status === "signed_older") {
        const ids = status === "signed" ? [a.id, ...same] : older;
        const s =
          (forFamily && forFamily !== "no children" ? forFamily : undefined) ??
          mine
            .filter((x) => x.kind === "signed" && ids.includes(x.subjectId))
            .sort((x, y) => y.signedAt.getTime() - x.signedAt.getTime())[0];
        const v = byId.get(s.subjectId)!;
        Object.assign(cell, {
          signedAt: s.signedAt.toISOString(),
          versionNumber: `${v.major}.${v.minor}`,
          signatureId: s.id,
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
  return {
    agreements: active.map(({ a, major, minor }) => ({
      id: a.id,
      title: a.title,
      audience: a.audience as Audience,
      versionNumber: `${major}.${minor}`,
      ...totals[a.id],
      percentSigned: totals[a.id].required
        ? Math.round((1000 * totals[a.id].signed) / totals[a.id].required) / 10
        : null,
    })),
    people: rows,
    // What the department and class filters can be set to: the school's own values, so a filter
    // is picked, not guessed (filters match exactly).
    options: await filterOptions(db, schoolId, today),
  };
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

type SignatureFact = {
  id: string;
  personId: string | null;
  subjectId: string;
  kind: string;
  signedAt: Date;
  onBehalfOfId: string | null;
};

/**
 * Parents sign per child or per family, and one parent's signature is enough for a child (or the
 * family). `covering` answers, for a parent: the newest signature that completes their part, null
 * while one of their children is still waiting, or "no children" when they have no child at the
 * school now (nothing is asked of them). A family signature covers the children of the parent who
 * gave it, so a parent whose children live in two households is done when each child is covered.
 */
async function familySigning(db: Db, schoolId: string, today: string, sigs: SignatureFact[]) {
  const links = await db
    .select({ pupilId: pupilContacts.pupilId, contactId: pupilContacts.contactId })
    .from(pupilContacts)
    .innerJoin(people, eq(people.id, pupilContacts.pupilId))
    .where(
      and(
        eq(pupilContacts.schoolId, schoolId),
        sql`(${people.leaveDate} IS NULL OR ${people.leaveDate} > ${today})`,
      ),
    );
  const childrenOf = new Map<string, string[]>();
  const parentsOf = new Map<string, string[]>();
  for (const l of links) {
    childrenOf.set(l.contactId, [...(childrenOf.get(l.contactId) ?? []), l.pupilId]);
    parentsOf.set(l.pupilId, [...(parentsOf.get(l.pupilId) ?? []), l.contactId]);
  }
  const newest = (list: SignatureFact[]) =>
    list.sort((x, y) => y.signedAt.getTime() - x.signedAt.getTime())[0] as SignatureFact | undefined;
  const signedNewest = (list: SignatureFact[]) => {
    const n = newest(list);
    return n?.kind === "signed" ? n : null;
  };
  // Indexed once, so each parent's cell looks only at their own family's records.
  const forChild = new Map<string, SignatureFact[]>();
  const forFamilyBy = new Map<string, SignatureFact[]>();
  for (const s of sigs) {
    if (s.onBehalfOfId) forChild.set(s.onBehalfOfId, [...(forChild.get(s.onBehalfOfId) ?? []), s]);
    else if (s.personId) forFamilyBy.set(s.personId, [...(forFamilyBy.get(s.personId) ?? []), s]);
  }
  return {
    covering(parentId: string, mode: string, agreementIds: string[]): SignatureFact | null | "no children" {
      const children = childrenOf.get(parentId);
      if (!children?.length) return "no children";
      const on = (list: SignatureFact[] = []) => list.filter((s) => agreementIds.includes(s.subjectId));
      // Per family: a child is covered by a family signature from any of their parents.
      const coveringChild = (c: string) =>
        mode === "per_family"
          ? newest(
              (parentsOf.get(c) ?? [])
                .map((q) => signedNewest(on(forFamilyBy.get(q))))
                .filter((x) => x !== null),
            )
          : signedNewest(on(forChild.get(c)));
      const perChild = children.map(coveringChild);
      return perChild.every(Boolean) ? newest(perChild as SignatureFact[])! : null;
    },
  };
}

const LABEL: Record<AgreementStatus, string> = {
  signed: "Signed",
  signed_older: "Signed an older version",
  pending: "Pending",
  overdue: "Overdue",
  declined: "Declined",
  not_required: "Not required",
};

/** CSV for an inspector: one row per person, one column per agreement (status and date). */
export function complianceCsv(m: ComplianceView) {
  const esc = (v: string | null | undefined) => {
    const s = v ?? "";
    // A leading = + - @ would be run as a formula by a spreadsheet: neutralise it.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = [
    "Name",
    "Kinds",
    "Department",
    "Class",
    ...m.agreements.map((a) => `${a.title} (v${a.versionNumber})`),
  ];
  const lines = [header.map(esc).join(",")];
  for (const p of m.people) {
    const cells = m.agreements.map((a) => {
      const c = p.cells[a.id];
      return c.signedAt
        ? `${LABEL[c.status]} v${c.versionNumber} ${todayInLondon(new Date(c.signedAt))}`
        : LABEL[c.status];
    });
    lines.push([p.name, p.kinds.join(" "), p.department, p.regGroup, ...cells].map(esc).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
