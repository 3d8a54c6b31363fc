import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { consentAnswers, incidentEntries, signatures } from "../../db/schema.js";
import { canonicalJson } from "./chain.js";

/**
 * Evidence bound into the audit chain (decision 028): each signature, consent answer and incident
 * timeline entry is recorded with the SHA-256 of its canonical form in the audit event that
 * recorded it, and that event is chained. Editing the record afterwards (even with the insert-only
 * trigger disabled) no longer matches its event, and the event cannot be changed without breaking
 * the chain.
 */
export const BOUND_RECORD_TYPES = ["signature", "consent_answer", "incident_entry"] as const;
export type BoundRecordType = (typeof BOUND_RECORD_TYPES)[number];

/** What an audit event keeps of one record: which record, and the hash of what it said. */
export type RecordBinding = { type: BoundRecordType; id: string; sha256: string };

/** Record form 1: every column of the row by its name, nulls left out, moments as ISO strings. */
const RECORD_FORM = 1;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/**
 * The canonical hash of a record: every column (a column added later, null in old rows, leaves
 * their hash as it was), so no field of the evidence can change unseen.
 */
export function recordSha256(type: BoundRecordType, row: Record<string, unknown>): string {
  const fields = Object.fromEntries(
    Object.entries(row)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, plain(v)]),
  );
  return createHash("sha256")
    .update(canonicalJson({ form: RECORD_FORM, type, fields }))
    .digest("hex");
}

export function bindRecord(
  type: BoundRecordType,
  row: { id: string } & Record<string, unknown>,
): RecordBinding {
  return { type, id: row.id, sha256: recordSha256(type, row) };
}

const TABLES = {
  signature: signatures,
  consent_answer: consentAnswers,
  incident_entry: incidentEntries,
} as const;

/** The records of one school that these bindings name, as they are now, keyed "type:id". */
export async function loadBoundRecords(
  db: DbOrTx,
  schoolId: string,
  bindings: RecordBinding[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const type of BOUND_RECORD_TYPES) {
    const ids = [...new Set(bindings.filter((b) => b.type === type).map((b) => b.id))];
    const table = TABLES[type];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .select()
        .from(table)
        .where(and(eq(table.schoolId, schoolId), inArray(table.id, ids.slice(i, i + 500))));
      for (const row of rows) found.set(`${type}:${row.id}`, row as Record<string, unknown>);
    }
  }
  return found;
}

export type RecordProblem = { type: BoundRecordType; id: string; problem: "changed" | "missing" };

/** The first binding whose record is gone or no longer hashes to what its event recorded. */
export function firstUnmatched(
  bindings: RecordBinding[],
  records: Map<string, Record<string, unknown>>,
): RecordProblem | null {
  for (const b of bindings) {
    const row = records.get(`${b.type}:${b.id}`);
    if (!row) return { type: b.type, id: b.id, problem: "missing" };
    if (recordSha256(b.type, row) !== b.sha256) return { type: b.type, id: b.id, problem: "changed" };
  }
  return null;
}

/** Bindings as stored in an event's `records` column (null on events before form 2). */
export function bindingsOf(records: unknown): RecordBinding[] {
  return Array.isArray(records) ? (records as RecordBinding[]) : [];
}
