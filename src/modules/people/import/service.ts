import type { Db, Tx } from "../../../db/client.js";
import type { pupilContacts } from "../../../db/schema.js";
import { todayInLondon } from "../../../kernel/dates.js";
import { msg } from "../../../kernel/i18n/index.js";
import { badRequest, Problem } from "../../../kernel/problem.js";
import type { Actor, Kind } from "../../access/roles.js";
import { recordEvent } from "../../audit/service.js";
import {
  detectLinkMapping,
  detectMapping,
  FIELDS,
  type Field,
  type ImportKind,
  kindOfRole,
  LINK_FIELDS,
  type LinkMapping,
  likelyKind,
  type Mapping,
  missingColumns,
  normalise,
  refineMapping,
} from "./columns.js";
import { type ParsedCsv, parseCsv } from "./csv.js";
import {
  announceJoiners,
  contactLinksOfSchool,
  dropContactLinks,
  type Existing,
  insertPeople,
  markLeft,
  PERSON_FIELDS,
  type PersonField,
  peopleOfSchool,
  saveContactLinks,
  savedMapping,
  saveMapping,
  updatePerson,
} from "./queries.js";
import { anyOf, fieldLabel, type ImportRecord, type RowError, readRow } from "./rows.js";

/** The person kind each import kind brings in. */
const KIND_OF: Record<ImportKind, Kind> = { staff: "staff", pupils: "pupil", contacts: "parent" };
/** Keys that identify the same person from one export to the next, strongest first. */
const KEYS: Record<ImportKind, Field[]> = {
  staff: ["staffCode", "misId", "email"],
  pupils: ["upn", "admissionNumber", "misId", "email"],
  contacts: ["misId", "email"],
};
export type ImportOptions = {
  kind: ImportKind;
  dryRun: boolean;
  /** Import the good rows of a file that has bad ones (the person confirmed this in the preview). */
  acceptErrors: boolean;
  fileName: string;
  mapping?: Mapping;
  /** Contacts only: a second file saying which carer belongs to which pupil (users + relationships). */
  relationships?: { bytes: Buffer; fileName: string };
  /** Staff or pupils only: a second file giving each person's role (SDS v2.1 users.csv + roles.csv). */
  roles?: { bytes: Buffer; fileName: string };
};

/** Headings of a roles file (SDS v2.1 roles.csv: userSourcedId, role) and of OneRoster's carers-of-a-pupil column. */
const ROLES_FILE_ID = ["userSourcedId", "sourcedId", "SIS ID", "MIS ID", "ID", "Person ID"];
const ROLES_FILE_ROLE = ["role", "Role", "User Type", "Person Type"];
const AGENTS = ["agentSourcedIds", "agents", "agentSourcedId"];
const ROLE_COLUMN = "Role (from the roles file)";

/**
 * Give each row of the people file the role the roles file holds for its id, as a column of its
 * own. People the roles file does not name (an SDS file's carers, who have only relationships)
 * are not for this import.
 */
function withRolesFile(
  kind: ImportKind,
  file: { bytes: Buffer; fileName: string },
  headings: string[],
  rows: string[][],
  mapping: Mapping,
) {
  const roles = parseCsv(file.bytes);
  const find = (names: string[]) =>
    roles.headings.findIndex((h) => names.some((n) => normalise(n) === normalise(h)));
  const idAt = find(ROLES_FILE_ID);
  const roleAt = find(ROLES_FILE_ROLE);
  if (idAt < 0 || roleAt < 0)
    throw badRequest(
      msg`The roles file ${file.fileName} needs a column naming the person (userSourcedId or SIS ID) and a role column. Headings found: ${roles.headings.join(", ")}.`,
    );
  if (!mapping.misId)
    throw badRequest(
      msg`To use a roles file, the people file needs the id the roles file uses (sourcedId or SIS ID).`,
    );
  // A teacher at two schools of a trust has two rows: any row of this kind makes them this kind.
  const roleOf = new Map<string, string>();
  for (const r of roles.rows) {
    const id = (r[idAt] ?? "").trim();
    const role = (r[roleAt] ?? "").trim();
    if (!id) continue;
    const before = roleOf.get(id);
    if (before === undefined || (kindOfRole(role) === kind && kindOfRole(before) !== kind))
      roleOf.set(id, role);
  }
  const idColumn = headings.indexOf(mapping.misId);
  const kept: string[][] = [];
  const rowNumbers: number[] = [];
  let notNamed = 0;
  rows.forEach((r, i) => {
    const role = roleOf.get((r[idColumn] ?? "").trim());
    if (role === undefined) notNamed++;
    else {
      kept.push([...r, role]);
      rowNumbers.push(i + 2);
    }
  });
  return {
    headings: [...headings, ROLE_COLUMN],
    rows: kept,
    rowNumbers,
    mapping: { ...mapping, role: ROLE_COLUMN },
    notNamed,
  };
}

/**
 * OneRoster's users.csv names a pupil's carers in the pupil's own row (agentSourcedIds): read
 * those as the relationships file they stand for.
 */
function agentsAsRelationships(headings: string[], rows: string[][], mapping: Mapping): ParsedCsv | null {
  const agentsAt = headings.findIndex((h) => AGENTS.some((n) => normalise(n) === normalise(h)));
  if (agentsAt < 0 || !mapping.misId || !mapping.role) return null;
  const idAt = headings.indexOf(mapping.misId);
  const roleAt = headings.indexOf(mapping.role);
  const links: string[][] = [];
  for (const r of rows) {
    if (kindOfRole(r[roleAt] ?? "") !== "pupils") continue;
    for (const agent of (r[agentsAt] ?? "").split(/[,;\s]+/).filter(Boolean))
      links.push([agent, r[idAt] ?? ""]);
  }
  return { headings: ["relationshipUserSourcedId", "userSourcedId"], rows: links };
}

type Change = { from: unknown; to: unknown };
type PlannedUpdate = {
  row: number;
  person: Existing;
  set: Record<string, unknown>;
  changes: Record<string, Change>;
};
type Link = {
  pupilId: string;
  relationship: string | null;
  priority: number | null;
  parentalResponsibility: boolean;
};

const PREVIEW_LIMIT = 200;
const fullName = (p: { givenName?: unknown; familyName?: unknown; preferredName?: unknown }) =>
  `${p.preferredName ?? p.givenName ?? ""} ${p.familyName ?? ""}`.trim();

async function resolveMapping(
  db: Db,
  schoolId: string,
  kind: ImportKind,
  headings: string[],
  requested?: Mapping,
) {
  const allowed = new Set(Object.keys(FIELDS[kind]));
  if (requested) {
    const unknownFields = Object.keys(requested).filter((f) => !allowed.has(f));
    const unknownColumns = Object.values(requested).filter((c) => c && !headings.includes(c));
    if (unknownFields.length || unknownColumns.length)
      throw badRequest(
        msg`The column mapping does not fit this file: ${[...unknownFields.map((f) => `no field "${f}" for ${kind}`), ...unknownColumns.map((c) => `no column "${c}"`)].join("; ")}.`,
      );
    const clean = Object.fromEntries(Object.entries(requested).filter(([, c]) => c)) as Mapping;
    return { mapping: clean, source: "request" as const };
  }
  const saved = await savedMapping(db, schoolId, kind);
  if (saved && Object.values(saved).every((c) => headings.includes(c!)))
    return { mapping: saved, source: "saved" as const };
  return { mapping: detectMapping(kind, headings), source: "detected" as const };
}

const YES = /^(y|yes|true|1|x)$/i;
const NO = /^(n|no|false|0|)$/i;
/** "guardian" (SDS's lower case) reads as "Guardian", like the MIS exports' relationships. */
const relationshipName = (v: string) => (v === v.toLowerCase() ? v.charAt(0).toUpperCase() + v.slice(1) : v);

/**
 * Join a contacts file with its relationships file: each carer becomes one record per child, as
 * if the MIS had exported one row per child. Carers the relationships never name (pupils and staff
 * in an SDS users.csv that holds everyone) are left for the other imports.
 */
function joinRelationships(
  records: ImportRecord[],
  file: { fileName: string } & ParsedCsv,
  errors: RowError[],
) {
  const { headings, rows } = file;
  const mapping: LinkMapping = detectLinkMapping(headings);
  const hasContact = mapping.contactMisId || mapping.contactEmail;
  const hasPupil = mapping.pupilUpn || mapping.pupilAdmissionNumber || mapping.pupilMisId;
  if (!hasContact || !hasPupil)
    throw badRequest(
      msg`The relationships file ${file.fileName} needs a column naming the carer (${[...LINK_FIELDS.contactMisId.slice(0, 2), "Email"].join(", ")}) and one naming the pupil (${LINK_FIELDS.pupilMisId.slice(0, 3).join(", ")}, UPN or admission number). Headings found: ${headings.join(", ")}.`,
    );
  const at = (h: string | undefined, cells: string[]) =>
    h === undefined ? "" : (cells[headings.indexOf(h)] ?? "").trim();
  const byMisId = new Map(records.filter((r) => r.misId).map((r) => [String(r.misId), r]));
  const byEmail = new Map(records.filter((r) => r.email).map((r) => [String(r.email).toLowerCase(), r]));
  const children = new Map<ImportRecord, ImportRecord[]>();
  for (const [i, cells] of rows.entries()) {
    const row = i + 2;
    const where = `In the relationships file, row ${row}: `;
    const misId = at(mapping.contactMisId, cells);
    const email = at(mapping.contactEmail, cells).toLowerCase();
    const pupil = {
      pupilUpn: at(mapping.pupilUpn, cells).toUpperCase() || null,
      pupilAdmissionNumber: at(mapping.pupilAdmissionNumber, cells) || null,
      pupilMisId: at(mapping.pupilMisId, cells) || null,
    };
    const contact = (misId && byMisId.get(misId)) || (email && byEmail.get(email)) || null;
    const priorityRaw = at(mapping.priority, cells);
    const priority = priorityRaw === "" ? null : Number(priorityRaw);
    const pr = at(mapping.parentalResponsibility, cells);
    const problem =
      !misId && !email
        ? "the carer is missing"
        : !pupil.pupilUpn && !pupil.pupilAdmissionNumber && !pupil.pupilMisId
          ? "the pupil is missing"
          : !contact
            ? `no one with ${misId ? `id ${misId}` : `email ${email}`} is in the people file`
            : priority !== null && (!Number.isInteger(priority) || priority < 0 || priority > 99)
              ? `priority "${priorityRaw}" is not a whole number`
              : !YES.test(pr) && !NO.test(pr)
                ? `parental responsibility "${pr}" should be Yes or No`
                : null;
    if (problem || !contact) {
      errors.push({ row, message: `${where}${problem}` });
      continue;
    }
    const relationship = at(mapping.relationship, cells);
    children.set(contact, [
      ...(children.get(contact) ?? []),
      {
        ...contact,
        ...pupil,
        relationship: relationship ? relationshipName(relationship) : (contact.relationship ?? null),
        priority: priority ?? contact.priority ?? null,
        parentalResponsibility: pr ? YES.test(pr) : Boolean(contact.parentalResponsibility),
      },
    ]);
  }
  const joined = records.flatMap((r) => children.get(r) ?? []);
  return { joined, notCarers: records.filter((r) => !children.has(r)).length };
}

/**
 * Import one MIS export. Everything is worked out first (the plan, which is also the dry-run
 * preview), then applied in one transaction: an import commits whole or not at all.
 */
export async function importPeople(db: Db, actor: Actor, bytes: Buffer, opts: ImportOptions) {
  const { kind } = opts;
  const { headings, rows } = parseCsv(bytes);
  if (rows.length === 0) throw badRequest(msg`The file has a heading row but no people in it.`);
  const guess = likelyKind(headings);
  if (guess && guess !== kind)
    throw badRequest(
      msg`This looks like a ${guess} file, not a ${kind} file. Choose "${guess}" and upload it again.`,
    );
  const resolved = await resolveMapping(db, actor.schoolId, kind, headings, opts.mapping);
  const { source } = resolved;
  let mapping =
    source === "request" ? resolved.mapping : refineMapping(kind, resolved.mapping, headings, rows);
  if (opts.relationships && kind !== "contacts")
    throw badRequest(msg`A relationships file goes with a parents and carers import only.`);
  if (opts.roles && kind === "contacts")
    throw badRequest(
      msg`A roles file goes with a staff or pupils import; parents and carers come with a relationships file.`,
    );
  // OneRoster's users.csv carries the links itself; otherwise they come in the second file.
  const agents =
    kind === "contacts" && !opts.relationships ? agentsAsRelationships(headings, rows, mapping) : null;
  const relationships = opts.relationships
    ? { fileName: opts.relationships.fileName, ...parseCsv(opts.relationships.bytes) }
    : agents && { fileName: opts.fileName, ...agents };
  const withRelationships = kind === "contacts" && Boolean(relationships);
  const missing = missingColumns(kind, mapping, withRelationships);
  if (missing.length > 0)
    throw badRequest(
      msg`No column for ${missing.map(anyOf).join("; ")} was recognised. Headings found: ${headings.join(", ")}. Map the columns by hand and try again.`,
    );

  const errors: RowError[] = [];
  let records: ImportRecord[] = [];
  // Rows for another kind of import: pupils and carers in a staff import of a file holding everyone.
  let leftOut = 0;
  // The mapping as it fits the file itself: what the page shows and what is remembered.
  const fileMapping = mapping;
  let readable = { headings, rows, rowNumbers: rows.map((_, i) => i + 2) }; // row 1 is the heading row, as in a spreadsheet
  if (opts.roles) {
    const joined = withRolesFile(kind, opts.roles, headings, rows, mapping);
    readable = joined;
    mapping = joined.mapping;
    leftOut += joined.notNamed;
  }
  readable.rows.forEach((cells, i) => {
    const row = readable.rowNumbers[i];
    const read = readRow(kind, mapping, readable.headings, cells, row, withRelationships);
    if ("error" in read) errors.push(read.error);
    else if ("elsewhere" in read) leftOut++;
    else records.push(read.record);
  });
  if (relationships) {
    const { joined, notCarers } = joinRelationships(records, relationships, errors);
    records = joined;
    leftOut += notCarers;
  }
  // A file holding everyone but none of this kind would make everyone of this kind a leaver.
  if (records.length === 0 && errors.length === 0 && leftOut > 0)
    throw badRequest(
      msg`None of the ${rows.length} people in this file is ${kind === "contacts" ? "a parent or carer" : kind === "pupils" ? "a pupil" : "staff"}, so nothing was imported. Choose the kind of people the file holds, or check the role column.`,
    );

  return db.transaction(async (tx) => {
    const plan = await makePlan(tx, actor, kind, records, errors);
    const report = {
      kind,
      fileName: opts.fileName,
      dryRun: opts.dryRun,
      applied: false,
      rows: rows.length,
      leftOut,
      secondFileName: (opts.relationships ?? opts.roles)?.fileName ?? null,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      leavers: plan.leavers.length,
      errors: [...errors].sort((a, b) => a.row - b.row),
      columns: headings,
      mapping: fileMapping,
      mappingSource: source,
      preview: {
        create: plan.creates
          .slice(0, PREVIEW_LIMIT)
          .map((c) => ({ row: c.record.row, name: fullName(c.record) })),
        update: plan.updates
          .slice(0, PREVIEW_LIMIT)
          .map((u) => ({ row: u.row, id: u.person.id, name: fullName(u.person), changes: u.changes })),
        leavers: plan.leavers.slice(0, PREVIEW_LIMIT).map((l) => ({ id: l.id, name: fullName(l) })),
      },
    };
    if (opts.dryRun) return report;
    if (errors.length > 0 && !opts.acceptErrors)
      throw new Problem(
        422,
        msg`File has errors`,
        errors.length === 1
          ? msg`1 row has errors, so nothing was imported. Correct the file, or confirm that only the good rows should be imported.`
          : msg`${errors.length} rows have errors, so nothing was imported. Correct the file, or confirm that only the good rows should be imported.`,
        undefined,
        { report },
      );
    await applyPlan(tx, actor, kind, plan, fileMapping);
    await recordEvent(tx, actor, {
      action: "people.imported",
      entityType: "import",
      entityId: null,
      summary: {
        kind,
        fileName: opts.fileName,
        rows: rows.length,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        leavers: report.leavers,
        rowsWithErrors: errors.length,
      },
    });
    return { ...report, applied: true };
  });
}

async function makePlan(tx: Tx, actor: Actor, kind: ImportKind, records: ImportRecord[], errors: RowError[]) {
  const tag = KIND_OF[kind];
  const existing = await peopleOfSchool(tx, actor.schoolId);
  const index = new Map<string, Existing>();
  for (const p of existing)
    for (const key of KEYS[kind]) {
      // MIS ids are numbered per kind (pupil 1042 and contact 1042 are different people).
      if (key === "misId" && !p.kinds.includes(tag)) continue;
      const v = p[key as PersonField];
      if (v) index.set(`${key}:${String(v).toLowerCase()}`, p);
    }

  // For contacts: one row per child, so rows with the same contact key are one person.
  const groups = new Map<string, ImportRecord[]>();
  const seenKeys = new Map<string, number>();
  for (const r of records) {
    const keyField = KEYS[kind].find((k) => r[k]);
    const key = `${keyField}:${String(r[keyField!]).toLowerCase()}`;
    if (kind !== "contacts") {
      const dup = KEYS[kind]
        .map((k) => (r[k] ? `${k}:${String(r[k]).toLowerCase()}` : null))
        .find((k) => k && seenKeys.has(k));
      if (dup) {
        const field = dup.slice(0, dup.indexOf(":")) as Field;
        errors.push({
          row: r.row,
          message: `Duplicate ${fieldLabel(field)} ${r[field]} (also on row ${seenKeys.get(dup)})`,
        });
        continue;
      }
      for (const k of KEYS[kind]) if (r[k]) seenKeys.set(`${k}:${String(r[k]).toLowerCase()}`, r.row);
    }
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }

  // Pupils by UPN and admission number, for linking contacts to children.
  const pupilsByKey = new Map<string, string>();
  if (kind === "contacts")
    for (const p of existing) {
      if (!p.kinds.includes("pupil")) continue;
      if (p.upn) pupilsByKey.set(`upn:${p.upn.toUpperCase()}`, p.id);
      if (p.admissionNumber) pupilsByKey.set(`adno:${p.admissionNumber.toLowerCase()}`, p.id);
      if (p.misId) pupilsByKey.set(`mis:${p.misId}`, p.id);
    }
  const existingLinks = new Map<string, Map<string, Link>>();
  if (kind === "contacts") {
    const links = await contactLinksOfSchool(tx, actor.schoolId);
    for (const l of links) {
      const m = existingLinks.get(l.contactId) ?? new Map<string, Link>();
      m.set(l.pupilId, l);
      existingLinks.set(l.contactId, m);
    }
  }

  const creates: { record: ImportRecord; links: Link[] }[] = [];
  const updates: (PlannedUpdate & { links?: Link[] })[] = [];
  const linkPlans: { person: Existing | null; createIndex: number | null; links: Link[]; drop: string[] }[] =
    [];
  let unchanged = 0;
  const matched = new Set<string>();
  const todayIso = todayInLondon();

  for (const group of groups.values()) {
    const r = group[0];
    const links: Link[] = [];
    if (kind === "contacts") {
      const badLinks: RowError[] = [];
      const seenPupils = new Set<string>();
      for (const g of group) {
        const pupilId =
          (g.pupilUpn && pupilsByKey.get(`upn:${String(g.pupilUpn)}`)) ||
          (g.pupilAdmissionNumber &&
            pupilsByKey.get(`adno:${String(g.pupilAdmissionNumber).toLowerCase()}`)) ||
          (g.pupilMisId && pupilsByKey.get(`mis:${String(g.pupilMisId)}`));
        if (!pupilId) {
          badLinks.push({
            row: g.row,
            message: `No pupil with ${g.pupilUpn ? `UPN ${g.pupilUpn}` : g.pupilAdmissionNumber ? `admission number ${g.pupilAdmissionNumber}` : `id ${g.pupilMisId}`} in Accord: import pupils first`,
          });
          continue;
        }
        if (seenPupils.has(pupilId)) {
          badLinks.push({ row: g.row, message: `This contact is listed twice for the same pupil` });
          continue;
        }
        seenPupils.add(pupilId);
        links.push({
          pupilId,
          relationship: (g.relationship as string) ?? null,
          priority: (g.priority as number) ?? null,
          parentalResponsibility: Boolean(g.parentalResponsibility),
        });
      }
      errors.push(...badLinks);
      if (links.length === 0) continue;
    }
    const person = KEYS[kind]
      .map((k) => (r[k] ? index.get(`${k}:${String(r[k]).toLowerCase()}`) : undefined))
      .find(Boolean);
    if (person && matched.has(person.id)) {
      errors.push({ row: r.row, message: `Matches the same person (${fullName(person)}) as an earlier row` });
      continue;
    }
    if (!person) {
      creates.push({ record: r, links });
      continue;
    }
    matched.add(person.id);
    const set: Record<string, unknown> = {};
    const changes: Record<string, Change> = {};
    for (const f of PERSON_FIELDS) {
      if (!(f in r) || f === "startDate") continue;
      const to = r[f] ?? null;
      // A blank cell does not wipe what Accord already knows (exports often leave columns empty).
      if (to === null) continue;
      if ((person[f] ?? null) !== to) {
        set[f] = to;
        changes[f] = { from: person[f] ?? null, to };
      }
    }
    if (!person.kinds.includes(tag)) {
      set.kinds = [...person.kinds, tag];
      changes.kinds = { from: person.kinds, to: set.kinds };
    }
    if (person.leaveDate && person.leaveDate <= todayIso && person.kinds.includes(tag)) {
      // A leaver who comes back is the same person, re-activated.
      set.leaveDate = null;
      changes.leaveDate = { from: person.leaveDate, to: null };
    } else if (person.leaveDate && !person.kinds.includes(tag)) {
      set.leaveDate = null;
      changes.leaveDate = { from: person.leaveDate, to: null };
    }
    let drop: string[] = [];
    if (kind === "contacts") {
      const before = existingLinks.get(person.id) ?? new Map<string, Link>();
      const after = new Set(links.map((l) => l.pupilId));
      drop = [...before.keys()].filter((id) => !after.has(id));
      const linkChanged =
        drop.length > 0 ||
        links.some((l) => {
          const b = before.get(l.pupilId);
          return (
            !b ||
            b.relationship !== l.relationship ||
            b.priority !== l.priority ||
            b.parentalResponsibility !== l.parentalResponsibility
          );
        });
      if (linkChanged) changes.children = { from: before.size, to: links.length };
      linkPlans.push({ person, createIndex: null, links, drop });
    }
    if (Object.keys(changes).length === 0) unchanged++;
    else updates.push({ row: r.row, person, set, changes });
  }

  // Everyone of this kind still here but missing from the file is leaving (never deleted).
  // The person running the import is never made a leaver by it: they would lock themselves out.
  const leavers = existing.filter(
    (p) =>
      p.kinds.includes(tag) &&
      !matched.has(p.id) &&
      (!p.leaveDate || p.leaveDate > todayIso) &&
      p.id !== actor.personId,
  );
  return { creates, updates, unchanged, leavers, linkPlans, tag };
}

async function applyPlan(
  tx: Tx,
  actor: Actor,
  kind: ImportKind,
  plan: Awaited<ReturnType<typeof makePlan>>,
  mapping: Mapping,
) {
  const schoolId = actor.schoolId;
  const todayIso = todayInLondon();
  // Joiners get a start date: the one in the file, or today.
  const createdIds = await insertPeople(
    tx,
    schoolId,
    plan.tag,
    plan.creates.map((c) => c.record),
    plan.creates.map(({ record }) => (record.startDate as string | null) ?? todayIso),
  );
  for (const u of plan.updates) await updatePerson(tx, schoolId, u.person.id, u.set);
  await markLeft(
    tx,
    schoolId,
    plan.leavers.filter((p) => p.kinds.length === 1).map((p) => p.id),
    todayIso,
  );
  // Someone who is, say, staff and a parent stops being a parent but stays on as staff.
  for (const p of plan.leavers.filter((p) => p.kinds.length > 1))
    await updatePerson(tx, schoolId, p.id, { kinds: p.kinds.filter((k) => k !== plan.tag) });

  if (kind === "contacts") {
    const rows: (typeof pupilContacts.$inferInsert)[] = [];
    plan.creates.forEach((c, i) => {
      for (const l of c.links) rows.push({ schoolId, contactId: createdIds[i], ...l });
    });
    for (const lp of plan.linkPlans) {
      for (const l of lp.links) rows.push({ schoolId, contactId: lp.person!.id, ...l });
      if (lp.drop.length > 0) await dropContactLinks(tx, schoolId, lp.person!.id, lp.drop);
    }
    await saveContactLinks(tx, rows);
  }

  const rejoined = plan.updates
    .filter((u) => "leaveDate" in u.changes || "kinds" in u.changes)
    .map((u) => u.person.id);
  if (createdIds.length + rejoined.length > 0)
    await announceJoiners(tx, schoolId, plan.tag, [...createdIds, ...rejoined]);
  await saveMapping(tx, schoolId, kind, mapping);
}
