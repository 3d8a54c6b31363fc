/**
 * What a school may use images of pupils for. A school starts with the purposes most schools
 * have, each with the basis the regulator expects (consent for anything promotional), and edits
 * them. A purpose is never deleted (answers point at it); it is retired.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { consentPurposes } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import type { Basis, PurposeInput, PurposePatch, PurposeView } from "./schema.js";
import { basisText } from "./status.js";

type DefaultPurpose = {
  key: string;
  name: string;
  description: string;
  basis: Basis;
  justification?: string;
  about?: "pupils" | "staff";
};

export const DEFAULT_PURPOSES: DefaultPurpose[] = [
  {
    key: "in_school_display",
    name: "Displays in school",
    description: "Photos of your child on classroom walls, corridor boards and screens inside the school.",
    basis: "consent",
  },
  {
    key: "learning_journal",
    name: "Learning journal and evidence of learning",
    description:
      "Photos and short videos of your child's work and activities, kept in their learning record.",
    basis: "public_task",
    justification:
      "Recording and assessing pupils' progress is part of the school's statutory duty to educate.",
  },
  {
    key: "school_website",
    name: "School website",
    description: "Photos of your child on the school's public website, without their full name.",
    basis: "consent",
  },
  {
    key: "social_media",
    name: "School social media",
    description: "Photos of your child on the school's own social media accounts, without their full name.",
    basis: "consent",
  },
  {
    key: "prospectus_print",
    name: "Prospectus and printed publications",
    description: "Photos of your child in the prospectus, newsletters and other printed material.",
    basis: "consent",
  },
  {
    key: "local_press",
    name: "Local press",
    description: "Photos of your child taken by or given to local newspapers, who may print their name.",
    basis: "consent",
  },
  {
    key: "video_livestream",
    name: "Video and livestream of events",
    description:
      "Your child appearing in recordings or live streams of performances, sports days and events.",
    basis: "consent",
  },
  {
    key: "id_records",
    name: "ID and internal records",
    description: "A photo of your child on their school record, so staff can recognise them.",
    basis: "public_task",
    justification:
      "Staff must be able to identify every pupil quickly to keep them safe and meet medical needs.",
  },
  {
    key: "staff_photos",
    name: "Staff photos",
    description:
      "Your photo on the school website's staff page, in the prospectus and on the who's who board in reception.",
    basis: "consent",
    about: "staff",
  },
];

type PurposeRow = typeof consentPurposes.$inferSelect;

export function presentPurpose(p: PurposeRow): PurposeView {
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    description: p.description,
    basis: p.basis,
    justification: p.justification,
    basisText: basisText(p.basis),
    retired: p.retiredAt !== null,
  };
}

/**
 * A school's purposes about pupils' images (or, with `about`, staff's own), in order; the defaults
 * are added the first time a school asks.
 */
export async function purposesOf(
  db: DbOrTx,
  schoolId: string,
  withRetired = false,
  about: "pupils" | "staff" = "pupils",
) {
  let rows = await db
    .select()
    .from(consentPurposes)
    .where(eq(consentPurposes.schoolId, schoolId))
    .orderBy(asc(consentPurposes.position), asc(consentPurposes.createdAt));
  if (rows.length === 0) {
    await db
      .insert(consentPurposes)
      .values(DEFAULT_PURPOSES.map((p, position) => ({ ...p, schoolId, position })))
      .onConflictDoNothing();
    rows = await db
      .select()
      .from(consentPurposes)
      .where(eq(consentPurposes.schoolId, schoolId))
      .orderBy(asc(consentPurposes.position), asc(consentPurposes.createdAt));
  }
  const mine = rows.filter((r) => r.about === about);
  return withRetired ? mine : mine.filter((r) => r.retiredAt === null);
}

export async function purposeByKey(db: DbOrTx, schoolId: string, key: string) {
  const all = await purposesOf(db, schoolId, true);
  const found = all.find((p) => p.key === key);
  if (!found) throw notFound(msg`consent purpose`);
  return found;
}

export async function createPurpose(db: Db, actor: Actor, input: PurposeInput) {
  const existing = await purposesOf(db, actor.schoolId, true);
  if (existing.some((p) => p.key === input.key))
    throw conflict(msg`There is already a purpose with the key "${input.key}".`);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(consentPurposes)
      .values({
        schoolId: actor.schoolId,
        key: input.key,
        name: input.name,
        description: input.description,
        basis: input.basis,
        justification: input.basis === "public_task" ? (input.justification ?? null) : null,
        position: existing.length,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "consent.purpose_created",
      entityType: "consent_purpose",
      entityId: row.id,
      summary: { name: row.name, basis: row.basis },
    });
    return presentPurpose(row);
  });
}

export async function updatePurpose(db: Db, actor: Actor, key: string, patch: PurposePatch) {
  const before = await purposeByKey(db, actor.schoolId, key);
  const basis = patch.basis ?? before.basis;
  const justification = patch.justification === undefined ? before.justification : patch.justification;
  if (basis === "public_task" && !justification?.trim())
    throw badRequest(msg`Say in one sentence why this is part of the school's public task.`, [
      {
        field: "justification",
        message: msg`Say in one sentence why this is part of the school's public task.`,
      },
    ]);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(consentPurposes)
      .set({
        name: patch.name ?? before.name,
        description: patch.description ?? before.description,
        basis,
        justification: basis === "public_task" ? justification : null,
        retiredAt:
          patch.retired === undefined
            ? before.retiredAt
            : patch.retired
              ? (before.retiredAt ?? new Date())
              : null,
      })
      .where(and(eq(consentPurposes.schoolId, actor.schoolId), eq(consentPurposes.id, before.id)))
      .returning();
    await recordEvent(tx, actor, {
      action: "consent.purpose_changed",
      entityType: "consent_purpose",
      entityId: row.id,
      summary: {
        name: row.name,
        ...(before.basis !== row.basis ? { basis: `${before.basis} → ${row.basis}` } : {}),
        ...(patch.retired !== undefined ? { retired: patch.retired } : {}),
      },
    });
    return presentPurpose(row);
  });
}

/** Purposes named by key, in the school's order; an unknown key is the caller's mistake. */
export async function purposesByKeys(db: DbOrTx, schoolId: string, keys: string[] | undefined) {
  const all = await purposesOf(db, schoolId);
  if (!keys) return all;
  const unknown = keys.filter((k) => !all.some((p) => p.key === k));
  if (unknown.length > 0)
    throw badRequest(msg`No such consent purpose: ${unknown.join(", ")}.`, [
      { field: "purposeKeys", message: msg`No such consent purpose: ${unknown.join(", ")}.` },
    ]);
  return all.filter((p) => keys.includes(p.key));
}
