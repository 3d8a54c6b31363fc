/**
 * Who a parents' agreement can reach, worked out before anything is sent. Only a carer with
 * parental responsibility for a child signs for that child (a grandmother on the contact list
 * without it is told nothing); a carer without an email address, and a child none of whose
 * carers can be emailed, are listed so the office can send a printed form instead
 * (paper-forms.ts). Every child is counted once: one signature covers them.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/client.js";
import { personNameSql as nameOf } from "../../kernel/names.js";
import type { Subject } from "./subjects.js";
import { ownerOf } from "./subjects.js";

const here = (alias: string) => sql.raw(`(${alias}.leave_date IS NULL OR ${alias}.leave_date > now()::date)`);

/**
 * For each child given, the name on the signature that covers them for this subject, or null
 * while nobody has. Per child: the newest record for the child is a signature (a decline or a
 * withdrawal leaves the child uncovered). Per family: also a family signature, not withdrawn, by
 * one of the child's carers. A paper form is always recorded for a child, so it counts either way.
 */
export async function coverOf(
  db: DbOrTx,
  subject: Pick<Subject, "id" | "schoolId" | "type" | "parentMode">,
  childIds: string[],
) {
  if (childIds.length === 0) return new Map<string, string | null>();
  const line = sql.param(await ownerOf(subject.type).sameText(db, subject.id));
  const family = subject.parentMode === "per_family";
  const rows = await queryRows<{ child_id: string; by_child: string | null; by_family: string | null }>(
    db,
    sql`SELECT c.id AS child_id,
          (SELECT CASE WHEN s.kind = 'signed' THEN s.full_name END FROM signatures s
            WHERE s.school_id = ${subject.schoolId} AND s.subject_id = ANY(${line}::uuid[]) AND s.on_behalf_of_id = c.id
            ORDER BY s.signed_at DESC LIMIT 1) AS by_child,
          CASE WHEN ${family} THEN
            (SELECT s.full_name FROM signatures s
              JOIN pupil_contacts pc ON pc.contact_id = s.person_id AND pc.pupil_id = c.id
              WHERE s.school_id = ${subject.schoolId} AND s.subject_id = ANY(${line}::uuid[])
                AND s.on_behalf_of_id IS NULL AND s.kind = 'signed'
                AND NOT EXISTS (SELECT 1 FROM signatures w WHERE w.corrects_id = s.id)
              ORDER BY s.signed_at DESC LIMIT 1)
          END AS by_family
        FROM unnest(${sql.param(childIds)}::uuid[]) AS c(id)`,
  );
  return new Map(rows.map((r) => [r.child_id, r.by_child ?? r.by_family]));
}

/** The children at the school now for whom this carer has parental responsibility. */
export async function childrenInCareOf(db: DbOrTx, schoolId: string, carerId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT c.id, ${nameOf("c")} AS name FROM pupil_contacts pc JOIN people c ON c.id = pc.pupil_id
        WHERE pc.school_id = ${schoolId} AND pc.contact_id = ${carerId} AND pc.parental_responsibility
          AND ${here("c")}
        ORDER BY c.family_name, c.given_name`,
  );
}

export type Carer = { id: string; name: string; givenName: string; email: string | null; dueDate: string };
export type LinkTarget = { carer: Carer; child: { id: string | null; name: string } };
export type ReachPlan = {
  /** One link per child (or per family), to a carer with parental responsibility and an email address. */
  links: LinkTarget[];
  /** Carers with parental responsibility who were asked but have no email address. */
  carersWithoutEmail: { id: string; name: string; children: { id: string; name: string }[] }[];
  /** Children still to be covered whom no link can reach. */
  unreachableChildren: {
    id: string;
    name: string;
    regGroup: string | null;
    reason: "no_responsible_carer" | "no_email" | "not_asked";
  }[];
  /** People asked who hold parental responsibility for no child at the school: nothing goes to them. */
  withoutResponsibility: number;
  /** Every child in view still to be covered, with every carer holding parental responsibility. */
  openChildren: {
    id: string;
    name: string;
    regGroup: string | null;
    carers: { id: string; name: string; relationship: string | null }[];
  }[];
};

/**
 * The plan for sending: who gets a link for which child, and who cannot be reached. The children
 * in view are those of the people asked; when every parent and carer at the school was asked,
 * every pupil is in view, so a child with no carer on record is listed too.
 */
export async function planParentLinks(
  db: DbOrTx,
  subject: Pick<Subject, "id" | "schoolId" | "type" | "parentMode">,
): Promise<ReachPlan> {
  const askedBy = await ownerOf(subject.type).askedBy(db, subject as Subject);
  const due = new Map(askedBy.map((a) => [a.personId, a.dueDate]));
  const asked = sql.param([...due.keys()]);
  const schoolId = subject.schoolId;
  const [{ everyone }] = await queryRows<{ everyone: boolean }>(
    db,
    sql`SELECT ${due.size > 0} AND NOT EXISTS (
          SELECT 1 FROM people p WHERE p.school_id = ${schoolId} AND 'parent' = ANY(p.kinds) AND ${here("p")}
            AND NOT (p.id = ANY(${asked}::uuid[]))) AS everyone`,
  );
  const children = await queryRows<{ id: string; name: string; reg_group: string | null }>(
    db,
    sql`SELECT c.id, ${nameOf("c")} AS name, c.reg_group FROM people c
        WHERE c.school_id = ${schoolId} AND 'pupil' = ANY(c.kinds) AND ${here("c")}
          AND (${everyone} OR EXISTS (SELECT 1 FROM pupil_contacts pc
                WHERE pc.pupil_id = c.id AND pc.contact_id = ANY(${asked}::uuid[])))
        ORDER BY c.reg_group NULLS LAST, c.family_name, c.given_name`,
  );
  const links = await queryRows<{
    pupil_id: string;
    contact_id: string;
    name: string;
    given_name: string;
    email: string | null;
    relationship: string | null;
    asked: boolean;
  }>(
    db,
    sql`SELECT pc.pupil_id, pc.contact_id, ${nameOf("p")} AS name, p.given_name, p.email, pc.relationship,
          p.id = ANY(${asked}::uuid[]) AS asked
        FROM pupil_contacts pc JOIN people p ON p.id = pc.contact_id
        WHERE pc.school_id = ${schoolId} AND pc.parental_responsibility AND ${here("p")}
          AND pc.pupil_id = ANY(${sql.param(children.map((c) => c.id))}::uuid[])
        ORDER BY pc.priority NULLS LAST, p.family_name, p.given_name`,
  );
  const cover = await coverOf(
    db,
    subject,
    children.map((c) => c.id),
  );
  const open = children.filter((c) => !cover.get(c.id));
  const carersOf = new Map<string, typeof links>();
  for (const l of links) carersOf.set(l.pupil_id, [...(carersOf.get(l.pupil_id) ?? []), l]);

  const carers = new Map<string, Carer & { children: { id: string; name: string }[] }>();
  const unreachable: ReachPlan["unreachableChildren"] = [];
  for (const child of open) {
    const responsible = carersOf.get(child.id) ?? [];
    const askedCarers = responsible.filter((l) => l.asked);
    for (const l of askedCarers) {
      const carer = carers.get(l.contact_id) ?? {
        id: l.contact_id,
        name: l.name,
        givenName: l.given_name,
        email: l.email,
        dueDate: due.get(l.contact_id)!,
        children: [],
      };
      carer.children.push({ id: child.id, name: child.name });
      carers.set(l.contact_id, carer);
    }
    if (askedCarers.some((l) => l.email)) continue;
    unreachable.push({
      id: child.id,
      name: child.name,
      regGroup: child.reg_group,
      reason:
        responsible.length === 0
          ? "no_responsible_carer"
          : askedCarers.length === 0
            ? "not_asked"
            : "no_email",
    });
  }

  const targets: LinkTarget[] = [];
  for (const carer of carers.values()) {
    if (!carer.email) continue;
    if (subject.parentMode === "per_family") {
      // One link for the family: it names every child of theirs still to be covered.
      targets.push({ carer, child: { id: null, name: carer.children.map((c) => c.name).join(", ") } });
    } else for (const child of carer.children) targets.push({ carer, child });
  }
  const responsibleFor = new Set(links.map((l) => l.contact_id));
  return {
    links: targets,
    carersWithoutEmail: [...carers.values()]
      .filter((c) => !c.email)
      .map((c) => ({ id: c.id, name: c.name, children: c.children })),
    unreachableChildren: unreachable,
    withoutResponsibility: [...due.keys()].filter((id) => !responsibleFor.has(id)).length,
    openChildren: open.map((c) => ({
      id: c.id,
      name: c.name,
      regGroup: c.reg_group,
      carers: (carersOf.get(c.id) ?? []).map((l) => ({
        id: l.contact_id,
        name: l.name,
        relationship: l.relationship,
      })),
    })),
  };
}
