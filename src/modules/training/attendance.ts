/**
 * Matching names to the directory: a pasted sign-in sheet (one name or email per line) and the
 * rows of a training provider's export. An email matches its owner; a name matches when exactly
 * one adult has it (written "Given Family", "Preferred Family" or "Family, Given"); two people
 * of one name are ambiguous and the person recording chooses. Nothing is guessed.
 */
import type { Db } from "../../db/client.js";
import type { Actor } from "../access/roles.js";
import { type TrainingPerson, trainingPeople } from "./coverage.js";
import type { AttendanceMatchView } from "./schema.js";

const EMAIL = /[^\s<>(),;"']+@[^\s<>(),;"']+\.[^\s<>(),;"']+/;

/** Lower case, accents kept (Siân is not Sian to the directory), punctuation and spacing tidied. */
export const normalName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.'’‘`]/g, "")
    .replace(/[^\p{L}\p{N},]+/gu, " ")
    .trim();

type Directory = {
  byEmail: Map<string, TrainingPerson[]>;
  byName: Map<string, TrainingPerson[]>;
};

export type Match =
  | { outcome: "matched"; person: TrainingPerson }
  | { outcome: "ambiguous"; candidates: TrainingPerson[] }
  | { outcome: "unmatched" };

function add(map: Map<string, TrainingPerson[]>, key: string, p: TrainingPerson) {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(p)) list.push(p);
  map.set(key, list);
}

export async function loadDirectory(db: Db, schoolId: string, withLeavers = false): Promise<Directory> {
  const directory: Directory = { byEmail: new Map(), byName: new Map() };
  for (const p of await trainingPeople(db, schoolId, { withLeavers })) {
    if (p.email) add(directory.byEmail, p.email.toLowerCase(), p);
    for (const given of [p.givenName, p.preferredName].filter(Boolean) as string[]) {
      add(directory.byName, nameKey(`${given} ${p.familyName}`), p);
      if (p.familyName) add(directory.byName, nameKey(`${p.familyName}, ${given}`), p);
    }
  }
  return directory;
}

/** A name as the directory is keyed: "okafor, ada" and "okafor ,ada" are one key. */
const nameKey = (s: string) => normalName(s).replace(/ ?, ?/, ", ");

/** One line of a sheet (or a name or email from a file) against the directory. */
export function matchOne(directory: Directory, text: string): Match {
  const email = text.match(EMAIL)?.[0]?.toLowerCase();
  const found = email ? (directory.byEmail.get(email) ?? []) : (directory.byName.get(nameKey(text)) ?? []);
  if (found.length === 1) return { outcome: "matched", person: found[0] };
  if (found.length > 1) return { outcome: "ambiguous", candidates: found };
  return { outcome: "unmatched" };
}

/** Leading list numbers and bullets, and a tab-separated rest (a time signed in), are not the name. */
const lineName = (line: string) =>
  line
    .split("\t")[0]
    .replace(/^\s*(\d+[.)]|[-*•✓✔])\s*/, "")
    .trim();

const brief = (p: TrainingPerson) => ({ id: p.id, name: p.name, email: p.email });

export async function matchAttendance(db: Db, actor: Actor, text: string): Promise<AttendanceMatchView> {
  const directory = await loadDirectory(db, actor.schoolId);
  const lines = text
    .split(/\r?\n/)
    .map(lineName)
    .filter((l) => l.length > 0)
    .slice(0, 1000);
  return {
    lines: lines.map((line) => {
      const m = matchOne(directory, line);
      return {
        line,
        outcome: m.outcome,
        person: m.outcome === "matched" ? brief(m.person) : null,
        candidates: m.outcome === "ambiguous" ? m.candidates.map(brief) : [],
      };
    }),
  };
}

/** The adults to tick on an attendance list: current staff, supply, students, volunteers and governors. */
export async function staffList(db: Db, actor: Actor) {
  const people = await trainingPeople(db, actor.schoolId);
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      department: p.department,
      jobTitle: p.jobTitle,
    })),
  };
}
