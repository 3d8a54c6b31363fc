import { createHash } from "node:crypto";

/** The first event of a school's chain points at this instead of a previous hash. */
export const GENESIS = "0".repeat(64);

export type ChainedFields = {
  schoolId: string;
  seq: number;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  ip: string | null;
  prevHash: string;
  /** Form 2 (decision 028) binds these too; form 1 events, written before, keep verifying as they were. */
  hashForm?: number;
  actorVia?: string | null;
  /** The API token the actor used (decision 029). */
  actorTokenId?: string | null;
  records?: unknown;
};

/** The canonical form new events are hashed in. */
export const CURRENT_HASH_FORM = 2;

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function eventHash(e: ChainedFields): string {
  const form = e.hashForm ?? 1;
  const fields = [
    e.schoolId,
    e.seq,
    e.at.toISOString(),
    e.actorPersonId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.summary,
    e.ip,
    e.prevHash,
  ];
  // Form 2 leads with its number, so an event cannot be passed off as written in the other form.
  const material = canonicalJson(
    form === 1 ? fields : [form, ...fields, e.actorVia ?? null, e.records ?? null, e.actorTokenId ?? null],
  );
  return createHash("sha256").update(material).digest("hex");
}
