/**
 * The subject access export (issue 15 part 7, decision 034): everything Accord holds about one
 * person, as a ZIP of JSON files, their signatures' receipts as PDF, and a summary for the DPO.
 * Every other person named in it is a third party: listed in third-parties.json with where they
 * appear, and flagged where they appear (`thirdParty: true`, and each record's `redactionReview`),
 * so the DPO reviews before anything is released. Child protection records are flagged as
 * possibly exempt, never left out: deciding is the DPO's job, not the software's.
 */
import { sql } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { type Db, queryRows } from "../../db/client.js";
import { signatures } from "../../db/schema.js";
import { londonDateTime, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { fullName } from "../../kernel/names.js";
import { newPdfDocument, PDF_COLOUR } from "../../kernel/pdf.js";
import { notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { receiptPdf } from "../signing/service.js";

export const SAR_FILES = [
  "person.json",
  "signatures.json",
  "consent.json",
  "incidents.json",
  "requests.json",
  "devices.json",
  "training.json",
  "audit.json",
  "third-parties.json",
] as const;

type Named = { id: string; given_name: string; family_name: string; preferred_name: string | null };
type Appearance = { file: string; recordId: string; as: string };

/** Every other person the export names, and where: the DPO's redaction list. */
class ThirdParties {
  readonly people = new Map<string, { personId: string | null; name: string; appearsIn: Appearance[] }>();
  constructor(
    private readonly subjectId: string,
    private readonly names: Map<string, string>,
  ) {}

  /** A person named in a record: null for the subject themself, otherwise flagged and listed. */
  note(personId: string | null, file: string, recordId: string, as: string) {
    if (!personId || personId === this.subjectId) return null;
    const name = this.names.get(personId) ?? "Unknown person";
    const entry = this.people.get(personId) ?? { personId, name, appearsIn: [] };
    entry.appearsIn.push({ file, recordId, as });
    this.people.set(personId, entry);
    return { personId, name, as, thirdParty: true as const };
  }

  /** Someone named only in words (a visitor's typed name, a carer without a record). */
  noteName(name: string, file: string, recordId: string, as: string) {
    const key = `name:${name}`;
    const entry = this.people.get(key) ?? { personId: null, name, appearsIn: [] };
    entry.appearsIn.push({ file, recordId, as });
    this.people.set(key, entry);
    return { personId: null, name, as, thirdParty: true as const };
  }

  list() {
    return [...this.people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : d);

async function namesOf(db: Db, schoolId: string) {
  const rows = await queryRows<Named>(
    db,
    sql`SELECT id, given_name, family_name, preferred_name FROM people WHERE school_id = ${schoolId}`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      fullName({ givenName: r.given_name, familyName: r.family_name, preferredName: r.preferred_name }),
    ]),
  );
}

export async function subjectAccessExport(db: Db, actor: Actor, personId: string, publicUrl: string) {
  const schoolId = actor.schoolId;
  const [person] = await queryRows<Record<string, unknown> & Named & { kinds: string[] }>(
    db,
    sql`SELECT id, given_name, family_name, preferred_name, kinds, email, phone, job_title, department, year_group,
          reg_group, date_of_birth::text AS date_of_birth, upn, admission_number, staff_code, mis_id,
          start_date::text AS start_date, leave_date::text AS leave_date, line_manager_id, created_at, updated_at
        FROM people WHERE school_id = ${schoolId} AND id = ${personId}`,
  );
  if (!person) throw notFound(msg`person`);
  const names = await namesOf(db, schoolId);
  const third = new ThirdParties(personId, names);
  const subjectName = names.get(personId)!;

  // person.json: the record itself, the roles held, and the family links (the others are third parties).
  const roles = await queryRows<{ role: string; assigned_at: Date }>(
    db,
    sql`SELECT role, assigned_at FROM role_assignments WHERE school_id = ${schoolId} AND person_id = ${personId} ORDER BY role`,
  );
  const links = await queryRows<{
    pupil_id: string;
    contact_id: string;
    relationship: string | null;
    parental_responsibility: boolean;
  }>(
    db,
    sql`SELECT pupil_id, contact_id, relationship, parental_responsibility FROM pupil_contacts
        WHERE school_id = ${schoolId} AND (pupil_id = ${personId} OR contact_id = ${personId})`,
  );
  const personJson = {
    ...person,
    created_at: iso(person.created_at as Date),
    updated_at: iso(person.updated_at as Date),
    lineManager: third.note(person.line_manager_id as string | null, "person.json", personId, "line manager"),
    roles: roles.map((r) => ({ role: r.role, assignedAt: iso(r.assigned_at) })),
    family: links.map((l) => ({
      relationship: l.relationship,
      parentalResponsibility: l.parental_responsibility,
      person: third.note(
        l.pupil_id === personId ? l.contact_id : l.pupil_id,
        "person.json",
        personId,
        l.pupil_id === personId ? "contact" : "child",
      ),
    })),
    redactionReview: links.length > 0 || person.line_manager_id ? ["family", "lineManager"] : [],
  };

  // signatures.json and the receipts: what they signed, and what was signed for them (a child).
  const sigs = await db
    .select()
    .from(signatures)
    .where(
      sql`${signatures.schoolId} = ${schoolId} AND (${signatures.personId} = ${personId} OR ${signatures.onBehalfOfId} = ${personId})`,
    )
    .orderBy(signatures.signedAt);
  const titles = new Map(
    (
      await queryRows<{ id: string; title: string }>(
        db,
        sql`SELECT id, title FROM agreements WHERE school_id = ${schoolId}`,
      )
    ).map((a) => [a.id, a.title]),
  );
  const receipts: Record<string, Uint8Array> = {};
  const signaturesJson = [];
  for (const s of sigs) {
    const signer =
      s.personId === personId
        ? null
        : s.personId
          ? third.note(s.personId, "signatures.json", s.id, "signed for the person")
          : third.noteName(s.fullName, "signatures.json", s.id, "signed for the person");
    const child =
      s.onBehalfOfId && s.onBehalfOfId !== personId
        ? third.note(s.onBehalfOfId, "signatures.json", s.id, "child signed for")
        : null;
    const receipt = s.kind === "signed" ? `receipts/${s.verificationRef}.pdf` : null;
    if (receipt) receipts[receipt] = new Uint8Array(await receiptPdf(db, s, publicUrl));
    signaturesJson.push({
      id: s.id,
      agreement: titles.get(s.subjectId) ?? s.subjectType,
      kind: s.kind,
      fullName: s.fullName,
      jobTitle: s.jobTitle,
      organisation: s.organisation,
      choices: s.choices,
      reason: s.reason,
      signedAt: iso(s.signedAt),
      how: s.authMethod,
      textSha256: s.textSha256,
      verificationRef: s.verificationRef,
      correctsId: s.correctsId,
      receipt,
      signedBy: signer,
      signedFor: child,
      redactionReview:
        signer || child ? ["signedBy", "signedFor"].filter((f) => (f === "signedBy" ? signer : child)) : [],
    });
  }

  // consent.json: for a pupil the answers about them; for a carer the answers they gave.
  const answers = await queryRows<{
    id: string;
    pupil_id: string;
    carer_id: string | null;
    recorded_by: string | null;
    purpose: string;
    answer: string;
    method: string;
    note: string | null;
    wording: string;
    answered_at: Date;
  }>(
    db,
    sql`SELECT a.id, a.pupil_id, a.carer_id, a.recorded_by, p.name AS purpose, a.answer, a.method, a.note, a.wording, a.answered_at
        FROM consent_answers a JOIN consent_purposes p ON p.id = a.purpose_id
        WHERE a.school_id = ${schoolId} AND (a.pupil_id = ${personId} OR a.carer_id = ${personId}) ORDER BY a.answered_at`,
  );
  const restrictions = await queryRows<{
    id: string;
    restricted: boolean;
    reason: string | null;
    by_id: string | null;
    at: Date;
  }>(
    db,
    sql`SELECT id, restricted, reason, by_id, at FROM consent_restrictions WHERE school_id = ${schoolId} AND pupil_id = ${personId} ORDER BY at`,
  );
  const consentJson = {
    answers: answers.map((a) => {
      const pupil = third.note(a.pupil_id, "consent.json", a.id, "pupil the answer is about");
      const carer = third.note(a.carer_id, "consent.json", a.id, "carer who answered");
      const recordedBy = third.note(a.recorded_by, "consent.json", a.id, "recorded by");
      return {
        id: a.id,
        purpose: a.purpose,
        answer: a.answer,
        method: a.method,
        note: a.note,
        wording: a.wording,
        answeredAt: iso(a.answered_at),
        pupil,
        carer,
        recordedBy,
        redactionReview: [
          pupil && "pupil",
          carer && "carer",
          recordedBy && "recordedBy",
          a.note && "note",
        ].filter(Boolean),
      };
    }),
    restrictions: restrictions.map((r) => ({
      id: r.id,
      restricted: r.restricted,
      reason: r.reason,
      at: iso(r.at),
      by: third.note(r.by_id, "consent.json", r.id, "restricted by"),
      // A DSL's restriction is a safeguarding decision: its reason may be withheld (decision 034).
      redactionReview: ["reason", "by"],
    })),
  };

  // incidents.json: where the person is involved, is the subject of an allegation, or reported it.
  const incidents = await queryRows<{
    id: string;
    reference: string;
    category: string;
    occurred_at: Date;
    aware_at: Date;
    location: string | null;
    summary: string;
    actions_taken: string | null;
    involved_described: string | null;
    reporter_id: string | null;
    subject_person_id: string | null;
    status: string;
    outcome: string | null;
    reported_at: Date;
    closed_by: string | null;
    involved: string[];
    pupils_involved: number;
  }>(
    db,
    sql`SELECT i.id, i.reference, i.category, i.occurred_at, i.aware_at, i.location, i.summary, i.actions_taken,
          i.involved_described, i.reporter_id, i.subject_person_id, i.status, i.outcome, i.reported_at, i.closed_by,
          coalesce((SELECT array_agg(ip.person_id::text ORDER BY ip.person_id) FROM incident_people ip WHERE ip.incident_id = i.id), '{}') AS involved,
          (SELECT count(*)::int FROM incident_people ip JOIN people p ON p.id = ip.person_id
            WHERE ip.incident_id = i.id AND 'pupil' = ANY(p.kinds)) AS pupils_involved
        FROM incidents i
        WHERE i.school_id = ${schoolId} AND (i.subject_person_id = ${personId} OR i.reporter_id = ${personId}
          OR EXISTS (SELECT 1 FROM incident_people ip WHERE ip.incident_id = i.id AND ip.person_id = ${personId}))
        ORDER BY i.reported_at`,
  );
  const entries = await queryRows<{
    id: string;
    incident_id: string;
    kind: string;
    text: string;
    agency: string | null;
    reference: string | null;
    outcome: string | null;
    corrects_id: string | null;
    author_id: string | null;
    at: Date;
  }>(
    db,
    sql`SELECT id, incident_id, kind, text, agency, reference, outcome, corrects_id, author_id, at FROM incident_entries
        WHERE school_id = ${schoolId} AND incident_id IN (SELECT unnest(${sql.param(incidents.map((i) => i.id))}::uuid[]))
        ORDER BY at`,
  );
  const incidentsJson = incidents.map((i) => {
    const f = "incidents.json";
    const others = i.involved.map((id) => third.note(id, f, i.id, "involved")).filter(Boolean);
    const reporter = third.note(i.reporter_id, f, i.id, "reporter");
    const subject = third.note(i.subject_person_id, f, i.id, "subject of the allegation");
    const closedBy = third.note(i.closed_by, f, i.id, "closed by");
    const safeguarding = i.pupils_involved > 0 || i.subject_person_id !== null;
    return {
      id: i.id,
      reference: i.reference,
      category: i.category,
      theirPart: [
        i.involved.includes(personId) && "involved",
        i.subject_person_id === personId && "subject of the allegation",
        i.reporter_id === personId && "reporter",
      ].filter(Boolean),
      occurredAt: iso(i.occurred_at),
      awareAt: iso(i.aware_at),
      reportedAt: iso(i.reported_at),
      location: i.location,
      summary: i.summary,
      actionsTaken: i.actions_taken,
      involvedDescribed: i.involved_described,
      status: i.status,
      outcome: i.outcome,
      involved: others,
      reporter,
      subject,
      closedBy,
      entries: entries
        .filter((e) => e.incident_id === i.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          text: e.text,
          agency: e.agency,
          reference: e.reference,
          outcome: e.outcome,
          correctsId: e.corrects_id,
          at: iso(e.at),
          author: third.note(e.author_id, f, e.id, "wrote a timeline entry"),
          redactionReview: ["text", "author"],
        })),
      // Free text about an incident may name anyone; it is read before release, always.
      redactionReview: [
        "summary",
        "actionsTaken",
        "involvedDescribed",
        "outcome",
        "involved",
        "reporter",
        "subject",
        "closedBy",
      ],
      // A child protection record, or an allegation, may be exempt from disclosure (serious harm,
      // another's data): flagged for the DPO's decision, never withheld here.
      mayBeWithheld: safeguarding
        ? {
            why: i.subject_person_id
              ? "An allegation about an adult: disclosure may prejudice an investigation or reveal others."
              : "A child protection record: information whose disclosure may cause serious harm, or that names other children, may be withheld.",
          }
        : null,
    };
  });

  // requests.json: permission requests they made, with every decision and reply.
  const requests = await queryRows<{ id: string; type: string; details: unknown; made_at: Date }>(
    db,
    sql`SELECT r.id, t.name AS type, r.details, r.made_at FROM permission_requests r JOIN request_types t ON t.id = r.type_id
        WHERE r.school_id = ${schoolId} AND r.requester_id = ${personId} ORDER BY r.made_at`,
  );
  const requestEntries = await queryRows<{
    id: string;
    request_id: string;
    kind: string;
    conditions: string | null;
    valid_until: string | null;
    text: string | null;
    author_id: string | null;
    at: Date;
  }>(
    db,
    sql`SELECT id, request_id, kind, conditions, valid_until::text AS valid_until, text, author_id, at FROM request_entries
        WHERE school_id = ${schoolId} AND request_id IN (SELECT unnest(${sql.param(requests.map((r) => r.id))}::uuid[])) ORDER BY at`,
  );
  const requestsJson = requests.map((r) => ({
    id: r.id,
    type: r.type,
    details: r.details,
    madeAt: iso(r.made_at),
    entries: requestEntries
      .filter((e) => e.request_id === r.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        conditions: e.conditions,
        validUntil: e.valid_until,
        text: e.text,
        at: iso(e.at),
        author: third.note(e.author_id, "requests.json", e.id, "decided or replied"),
      })),
  }));

  // devices.json: what they were lent or given, and device events about them.
  const loans = await queryRows<{
    id: string;
    asset_tag: string;
    type: string;
    make_model: string | null;
    due_date: string | null;
    out_at: Date;
    returned_at: Date | null;
    out_by: string | null;
  }>(
    db,
    sql`SELECT a.id, d.asset_tag, d.type, d.make_model, a.due_date::text AS due_date, a.out_at, a.returned_at, a.out_by
        FROM device_allocations a JOIN devices d ON d.id = a.device_id
        WHERE a.school_id = ${schoolId} AND a.person_id = ${personId} ORDER BY a.out_at`,
  );
  const deviceEvents = await queryRows<{
    id: string;
    asset_tag: string;
    kind: string;
    note: string | null;
    by_id: string | null;
    at: Date;
  }>(
    db,
    sql`SELECT e.id, d.asset_tag, e.kind, e.note, e.by_id, e.at FROM device_events e JOIN devices d ON d.id = e.device_id
        WHERE e.school_id = ${schoolId} AND e.person_id = ${personId} ORDER BY e.at`,
  );
  const devicesJson = {
    loans: loans.map((l) => ({
      id: l.id,
      assetTag: l.asset_tag,
      type: l.type,
      makeModel: l.make_model,
      dueDate: l.due_date,
      outAt: iso(l.out_at),
      returnedAt: iso(l.returned_at),
      lentBy: third.note(l.out_by, "devices.json", l.id, "lent the device"),
    })),
    events: deviceEvents.map((e) => ({
      id: e.id,
      assetTag: e.asset_tag,
      kind: e.kind,
      note: e.note,
      at: iso(e.at),
      by: third.note(e.by_id, "devices.json", e.id, "recorded the event"),
    })),
  };

  // training.json: completions recorded for them.
  const completions = await queryRows<{
    id: string;
    course: string;
    completed_on: string;
    source: string;
    recorded_by: string | null;
    recorded_at: Date;
  }>(
    db,
    sql`SELECT c.id, t.name AS course, c.completed_on::text AS completed_on, c.source, c.recorded_by, c.recorded_at
        FROM training_completions c JOIN training_courses t ON t.id = c.course_id
        WHERE c.school_id = ${schoolId} AND c.person_id = ${personId} ORDER BY c.completed_on`,
  );
  const trainingJson = completions.map((c) => ({
    id: c.id,
    course: c.course,
    completedOn: c.completed_on,
    source: c.source,
    recordedAt: iso(c.recorded_at),
    recordedBy: third.note(c.recorded_by, "training.json", c.id, "recorded the completion"),
  }));

  // audit.json: events about the person and events they caused.
  const events = await queryRows<{
    id: string;
    seq: number;
    at: Date;
    actor_person_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    summary: unknown;
  }>(
    db,
    sql`SELECT id, seq, at, actor_person_id, actor_name, action, entity_type, entity_id, summary FROM audit_events
        WHERE school_id = ${schoolId} AND (actor_person_id = ${personId} OR (entity_type = 'person' AND entity_id = ${personId}))
        ORDER BY seq`,
  );
  const auditJson = events.map((e) => ({
    id: e.id,
    seq: Number(e.seq),
    at: iso(e.at),
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    summary: e.summary,
    actor:
      e.actor_person_id === personId
        ? { personId, name: subjectName }
        : e.actor_person_id
          ? third.note(e.actor_person_id, "audit.json", e.id, "acted")
          : { personId: null, name: e.actor_name },
    // An event the person caused may be about someone else (a child they signed for, a record they changed).
    redactionReview: e.actor_person_id === personId ? ["summary"] : ["actor"],
  }));

  const thirdParties = third.list();
  const made = new Date();
  const counts = {
    signatures: signaturesJson.length,
    receipts: Object.keys(receipts).length,
    consentAnswers: consentJson.answers.length,
    incidents: incidentsJson.length,
    incidentsThatMayBeWithheld: incidentsJson.filter((i) => i.mayBeWithheld).length,
    requests: requestsJson.length,
    deviceLoans: devicesJson.loans.length,
    trainingCompletions: trainingJson.length,
    auditEvents: auditJson.length,
    thirdParties: thirdParties.length,
  };
  const readme = readmeText(subjectName, made, counts);
  const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(readme),
    "summary.pdf": await summaryPdf(subjectName, made, counts, thirdParties),
    "person.json": json(personJson),
    "signatures.json": json(signaturesJson),
    "consent.json": json(consentJson),
    "incidents.json": json(incidentsJson),
    "requests.json": json(requestsJson),
    "devices.json": json(devicesJson),
    "training.json": json(trainingJson),
    "audit.json": json(auditJson),
    "third-parties.json": json(thirdParties),
    ...receipts,
  };
  const zip = zipSync(files, { level: 6, mtime: made });
  await db.transaction((tx) =>
    recordEvent(tx, actor, {
      action: "privacy.subject_access_exported",
      entityType: "person",
      entityId: personId,
      summary: { name: subjectName, files: Object.keys(files).length, ...counts },
    }),
  );
  const safe =
    subjectName
      .replace(/[^\p{L}\p{N} -]/gu, "")
      .trim()
      .replace(/\s+/g, "-") || "person";
  return { zip, fileName: `subject-access-${safe}-${todayInLondon(made)}.zip` };
}

type Counts = Record<string, number>;

const COUNT_WORDS: Record<string, string> = {
  signatures: "Signatures (signed, declined, withdrawn), theirs or made for them",
  receipts: "Receipts (PDF) of what they signed",
  consentAnswers: "Photo consent answers",
  incidents: "Incidents they were involved in, reported, or an allegation about them",
  incidentsThatMayBeWithheld: "of which child protection records or allegations (may be withheld)",
  requests: "Permission requests they made",
  deviceLoans: "Devices lent or given to them",
  trainingCompletions: "Training completions",
  auditEvents: "Audit log events about them or by them",
  thirdParties: "Other people named (third parties)",
};

function readmeText(name: string, made: Date, counts: Counts) {
  return [
    `Subject access export: ${name}`,
    `Made ${londonDateTime(made)} (UK time) by Accord. This export is recorded in the audit log.`,
    "",
    "What is in it",
    "  person.json         the person's record, roles and family links",
    "  signatures.json     agreements they signed, declined or withdrew, or that were signed for them",
    "  receipts/*.pdf      the receipt of each signature, with the exact text signed",
    "  consent.json        photo consent: for a pupil the answers about them, for a carer the answers they gave",
    "  incidents.json      incidents they were involved in, reported, or an allegation about them, with the timeline",
    "  requests.json       permission requests they made, with the decisions",
    "  devices.json        devices lent or given to them",
    "  training.json       training completions",
    "  audit.json          audit log events about them or that they caused",
    "  third-parties.json  every other person named, and where",
    "  summary.pdf         this summary, to print",
    "",
    "Counts",
    ...Object.entries(counts).map(([k, v]) => `  ${COUNT_WORDS[k] ?? k}: ${v}`),
    "",
    "Before release: review",
    '  1. Third parties. Everyone else named is in third-parties.json and marked "thirdParty": true where they',
    '     appear; each record lists its fields to read in "redactionReview". Redact or seek consent as the law requires.',
    '  2. Records that may be withheld. An incident with "mayBeWithheld" is a child protection record or an allegation:',
    "     information may be withheld where disclosure would cause serious harm or reveal others. Accord flags; the DPO decides.",
    "  3. Free text (summaries, notes, timeline entries) may name people the lists cannot see: read it.",
    "",
  ].join("\r\n");
}

async function summaryPdf(
  name: string,
  made: Date,
  counts: Counts,
  thirdParties: { name: string; appearsIn: Appearance[] }[],
) {
  const { doc, done, use } = newPdfDocument(`Subject access export: ${name}`, "Accord");
  doc.addPage();
  use("bold", 18, PDF_COLOUR.accent).text(`Subject access export: ${name}`);
  use("body", 10, PDF_COLOUR.muted).text(
    `Made ${londonDateTime(made)} (UK time). Recorded in the audit log.`,
  );
  doc.moveDown();
  use("bold", 13).text("What is in it");
  for (const [k, v] of Object.entries(counts)) use("body", 10).text(`${COUNT_WORDS[k] ?? k}: ${v}`);
  doc.moveDown();
  use("bold", 13).text("Review before release");
  use("body", 10).text(
    "Everyone else named is a third party: listed below and in third-parties.json, and marked where they appear. " +
      'Incidents marked "mayBeWithheld" are child protection records or allegations: the DPO decides what, if anything, is withheld. ' +
      "Free text may name people the lists cannot see.",
  );
  doc.moveDown();
  use("bold", 13).text(`Third parties (${thirdParties.length})`);
  for (const p of thirdParties) {
    const where = [...new Set(p.appearsIn.map((a) => `${a.file} (${a.as})`))].join(", ");
    use("body", 10).text(`${p.name}: ${where}`);
  }
  doc.end();
  return new Uint8Array(await done);
}
