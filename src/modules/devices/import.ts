/**
 * Devices from a CSV (an old spreadsheet, a supplier's delivery note, an MDM export), with the
 * people import's preview: a dry run lists what would be added and changed and every bad row;
 * applying writes it all in one transaction or nothing. Rows are matched by asset tag.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { devices } from "../../db/schema.js";
import { type Language, type Message, msg, say } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { DEVICE_TYPES, type DeviceType } from "./schema.js";

const FIELDS = [
  "assetTag",
  "type",
  "serial",
  "makeModel",
  "encrypted",
  "pinSet",
  "labelled",
  "location",
] as const;
type Field = (typeof FIELDS)[number];

const HEADINGS: Record<Field, string[]> = {
  assetTag: ["asset tag", "asset", "tag", "asset number", "asset no", "asset id"],
  type: ["type", "device type", "category", "kind"],
  serial: ["serial", "serial number", "serial no", "s/n"],
  makeModel: ["make and model", "model", "make/model", "make model", "device", "description"],
  encrypted: ["encrypted", "encryption", "bitlocker", "filevault"],
  pinSet: ["pin", "pin set", "passcode", "passcode set", "pin/passcode"],
  labelled: ["labelled", "labeled", "label"],
  location: ["location", "room", "stored", "storage location"],
};

const TYPE_WORDS: [RegExp, DeviceType][] = [
  [/ipad|tablet/i, "tablet"],
  [/laptop|chromebook|macbook|notebook/i, "laptop"],
  [/phone|mobile|iphone/i, "phone"],
  [/camera/i, "camera"],
  [/usb|memory stick|pen drive|removable|hard drive|ssd/i, "removable_media"],
];

function readType(text: string): DeviceType | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, "_");
  if ((DEVICE_TYPES as readonly string[]).includes(t)) return t as DeviceType;
  for (const [re, type] of TYPE_WORDS) if (re.test(text)) return type;
  return text.trim() ? "other" : null;
}
const yes = (v: string | undefined) => (v === undefined ? undefined : /^(y|yes|true|1|✓)$/i.test(v.trim()));

export async function importDevices(
  db: Db,
  actor: Actor,
  csv: string,
  dryRun: boolean,
  language: Language = "en-GB",
) {
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
  for (const f of FIELDS) {
    const found = columns.find((c) => HEADINGS[f].includes(c.trim().toLowerCase()));
    if (found) mapping[f] = found;
  }
  if (!mapping.assetTag)
    throw badRequest(msg`The file needs an asset tag column (it has ${columns.join(", ") || "no columns"}).`);
  const existing = new Map(
    (await db.select().from(devices).where(eq(devices.schoolId, actor.schoolId))).map((d) => [d.assetTag, d]),
  );
  const errors: { row: number; message: Message }[] = [];
  const create: { row: number; values: typeof devices.$inferInsert }[] = [];
  const update: {
    row: number;
    id: string;
    name: string;
    changes: Record<string, { from: unknown; to: unknown }>;
  }[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const [i, r] of records.entries()) {
    const row = i + 2;
    const get = (f: Field) => (mapping[f] ? r[mapping[f] as string] : undefined);
    const tag = (get("assetTag") ?? "").trim();
    if (!tag) {
      errors.push({ row, message: msg`No asset tag.` });
      continue;
    }
    if (tag.length > 40) {
      errors.push({ row, message: msg`The asset tag is longer than 40 characters.` });
      continue;
    }
    if (seen.has(tag)) {
      errors.push({ row, message: msg`Asset tag ${tag} appears twice in the file.` });
      continue;
    }
    seen.add(tag);
    const type = get("type") !== undefined ? readType(get("type") as string) : null;
    const values = {
      type: type ?? undefined,
      serial: get("serial") || undefined,
      makeModel: get("makeModel") || undefined,
      encrypted: yes(get("encrypted")),
      pinSet: yes(get("pinSet")),
      labelled: yes(get("labelled")),
      location: get("location") || undefined,
    };
    const before = existing.get(tag);
    if (!before) {
      if (!type) {
        errors.push({ row, message: msg`${tag}: say what kind of device it is (laptop, tablet, phone…).` });
        continue;
      }
      create.push({
        row,
        values: {
          schoolId: actor.schoolId,
          assetTag: tag,
          type,
          serial: values.serial ?? null,
          makeModel: values.makeModel ?? null,
          encrypted: values.encrypted ?? false,
          pinSet: values.pinSet ?? false,
          labelled: values.labelled ?? false,
          location: values.location ?? null,
        },
      });
      continue;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(values))
      if (v !== undefined && v !== before[k as keyof typeof before])
        changes[k] = { from: before[k as keyof typeof before], to: v };
    if (Object.keys(changes).length === 0) unchanged++;
    else update.push({ row, id: before.id, name: tag, changes });
  }
  const report = {
    dryRun,
    applied: false,
    rows: records.length,
    created: create.length,
    updated: update.length,
    unchanged,
    errors: errors.map((e) => ({ row: e.row, message: say(language, e.message) })),
    columns,
    mapping: mapping as Record<string, string>,
    preview: {
      create: create
        .slice(0, 200)
        .map((c) => ({ row: c.row, name: `${c.values.assetTag} (${c.values.type})` })),
      update: update.slice(0, 200),
    },
  };
  // A file with bad rows changes nothing: the office fixes it and sends it again.
  if (dryRun || errors.length > 0) return report;
  await db.transaction(async (tx: Tx) => {
    if (create.length) await tx.insert(devices).values(create.map((c) => c.values));
    for (const u of update)
      await tx
        .update(devices)
        .set(Object.fromEntries(Object.entries(u.changes).map(([k, v]) => [k, v.to])))
        .where(eq(devices.id, u.id));
    await recordEvent(tx, actor, {
      action: "device.imported",
      entityType: "school",
      entityId: actor.schoolId,
      summary: { created: create.length, updated: update.length, unchanged },
    });
  });
  return { ...report, applied: true };
}
