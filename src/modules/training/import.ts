/**
 * Completions from an online training provider's export (a CSV of who finished which course
 * when), with the people import's preview: a dry run lists what would be recorded and every bad
 * row; applying records it all in one transaction, or nothing while any row is wrong. People are
 * matched by email, else by name; courses by key, else by name.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { trainingCompletions } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { type Language, type Message, msg, say } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { loadDirectory, matchOne, normalName } from "./attendance.js";
import { coursesOf } from "./coverage.js";
import type { TrainingImportView } from "./schema.js";

const HEADINGS = {
  email: ["email", "email address", "e-mail", "e-mail address", "learner email", "user email", "work email"],
  name: [
    "name",
    "full name",
    "learner",
    "learner name",
    "staff name",
    "user",
    "user name",
    "participant",
    "delegate",
  ],
  course: ["course", "course name", "course title", "module", "training", "title", "course key"],
  date: [
    "date",
    "completed",
    "completed on",
    "completion date",
    "date completed",
    "completed date",
    "passed on",
  ],
} as const;
type Field = keyof typeof HEADINGS;

/** A provider's date: 31/01/2026 (as UK providers write it) or 2026-01-31, a time after it ignored. */
export function readDay(text: string): string | null {
  const t = text.trim().split(/[\sT]/)[0];
  let y: number;
  let m: number;
  let d: number;
  const uk = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const iso = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const day = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const check = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(day) ? day : null;
}

export async function importCompletions(
  db: Db,
  actor: Actor,
  csv: string,
  dryRun: boolean,
  language: Language = "en-GB",
): Promise<TrainingImportView> {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch {
    throw badRequest(msg`That file could not be read as CSV.`);
  }
  const columns = records.length ? Object.keys(records[0]) : [];
  const mapping: Partial<Record<Field, string>> = {};
  for (const f of Object.keys(HEADINGS) as Field[]) {
    const found = columns.find((c) => (HEADINGS[f] as readonly string[]).includes(c.trim().toLowerCase()));
    if (found) mapping[f] = found;
  }
  if ((!mapping.email && !mapping.name) || !mapping.course || !mapping.date)
    throw badRequest(
      msg`The file needs a column for the person (name or email), the course and the date (it has ${columns.join(", ") || "no columns"}).`,
    );

  const [directory, courses] = await Promise.all([
    loadDirectory(db, actor.schoolId, true),
    coursesOf(db, actor.schoolId),
  ]);
  const courseByKey = new Map(courses.map((c) => [c.key, c]));
  const courseByName = new Map(courses.map((c) => [normalName(c.name), c]));
  const today = todayInLondon();
  const errors: { row: number; message: Message }[] = [];
  const create: {
    row: number;
    personId: string;
    name: string;
    courseId: string;
    course: string;
    day: string;
    leaver: boolean;
  }[] = [];
  for (const [i, r] of records.entries()) {
    const row = i + 2;
    const get = (f: Field) => (mapping[f] ? (r[mapping[f] as string] ?? "").trim() : "");
    const who = get("email") || get("name");
    if (!who) {
      errors.push({ row, message: msg`No name or email.` });
      continue;
    }
    const m = matchOne(directory, who);
    if (m.outcome === "unmatched") {
      errors.push({ row, message: msg`${who}: nobody of that name or email in the directory.` });
      continue;
    }
    if (m.outcome === "ambiguous") {
      errors.push({
        row,
        message: msg`${who}: more than one person of that name; give their email instead.`,
      });
      continue;
    }
    const courseText = get("course");
    const course = courseByKey.get(courseText) ?? courseByName.get(normalName(courseText));
    if (!course) {
      errors.push({ row, message: msg`${courseText || "(blank)"}: no current course of that name or key.` });
      continue;
    }
    const day = readDay(get("date"));
    if (!day) {
      errors.push({
        row,
        message: msg`${get("date") || "(blank)"}: write the date as 31/01/2026 or 2026-01-31.`,
      });
      continue;
    }
    if (day > today) {
      errors.push({ row, message: msg`${get("date")}: this date is in the future.` });
      continue;
    }
    create.push({
      row,
      personId: m.person.id,
      name: m.person.name,
      courseId: course.id,
      course: course.name,
      day,
      leaver: m.person.leaveDate !== null && m.person.leaveDate <= today,
    });
  }

  // What is on record already (and repeats within the file) is "unchanged": never recorded twice.
  const existing = await db
    .select({
      personId: trainingCompletions.personId,
      courseId: trainingCompletions.courseId,
      day: trainingCompletions.completedOn,
    })
    .from(trainingCompletions)
    .where(eq(trainingCompletions.schoolId, actor.schoolId));
  const seen = new Set(existing.map((e) => `${e.personId} ${e.courseId} ${e.day}`));
  const fresh: typeof create = [];
  for (const c of create) {
    const key = `${c.personId} ${c.courseId} ${c.day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(c);
  }
  const report: TrainingImportView = {
    dryRun,
    applied: false,
    rows: records.length,
    created: fresh.length,
    updated: 0,
    unchanged: create.length - fresh.length,
    leavers: fresh.filter((c) => c.leaver).length,
    errors: errors.map((e) => ({ row: e.row, message: say(language, e.message) })),
    preview: {
      create: fresh
        .slice(0, 200)
        .map((c) => ({ row: c.row, name: c.name, course: c.course, completedOn: c.day })),
    },
  };
  // A file with bad rows records nothing: the office fixes it and sends it again.
  if (dryRun || errors.length > 0) return report;
  await db.transaction(async (tx: Tx) => {
    if (fresh.length)
      await tx
        .insert(trainingCompletions)
        .values(
          fresh.map((c) => ({
            schoolId: actor.schoolId,
            courseId: c.courseId,
            personId: c.personId,
            completedOn: c.day,
            source: "import" as const,
            recordedBy: actor.personId,
          })),
        )
        .onConflictDoNothing();
    await recordEvent(tx, actor, {
      action: "training.imported",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { created: fresh.length, unchanged: report.unchanged, rows: records.length },
    });
  });
  return { ...report, applied: true };
}
