/**
 * The kinds of thing staff ask permission for. A school starts with the requests acceptable-use
 * policies commonly name, each with the roles that approve it and the questions it must answer,
 * and edits them. A type is never deleted (requests point at it); it is retired.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { requestTypes } from "../../db/schema.js";
import { isoDate } from "../../kernel/dates.js";
import { type Message, msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, type FieldError, notFound } from "../../kernel/problem.js";
import type { Actor, Role } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import type { Question, TypeInput, TypePatch, TypeView } from "./schema.js";

type DefaultType = {
  key: string;
  name: string;
  description: string;
  approverRoles: Role[];
  questions: Question[];
  followUp?: "images_moved";
  register?: "service" | "social_account";
};

const text = (key: string, label: string, required = true): Question => ({
  key,
  label,
  required,
  kind: "text",
});
const why = text("reason", "Why do you need this?");

export const DEFAULT_TYPES: DefaultType[] = [
  {
    key: "phone_contact_time",
    name: "Personal phone use during contact time",
    description:
      "Using your own mobile phone while you are with pupils, for example to stay in touch on a trip.",
    approverRoles: ["line_manager", "headteacher"],
    questions: [
      why,
      text("when", "When and where (for example, the Year 5 trip to the museum)?"),
      { key: "from", label: "From", required: false, kind: "date" },
    ],
  },
  {
    key: "online_service",
    name: "A new online service or app",
    description: "Signing the school, staff or pupils up to a website, app or online service.",
    approverRoles: ["dpo", "headteacher"],
    questions: [
      text("service", "Which service (name and website)?"),
      why,
      text("personal_data", "What personal data will it hold, and about whom?"),
      { key: "pupils_use", label: "Will pupils use it themselves?", required: true, kind: "yesno" },
    ],
    register: "service",
  },
  {
    key: "social_media_account",
    name: "A school social media account",
    description: "Opening an account that speaks for the school, a class or a club on social media.",
    approverRoles: ["headteacher"],
    questions: [
      text("platform", "Which platform?"),
      text("purpose", "What is the account for, and who is it for?"),
      text("administrators", "Who will administer it? Name at least two members of staff."),
    ],
    register: "social_account",
  },
  {
    key: "work_group",
    name: "A work-based group or profile",
    description: "A messaging group, online community or profile used for school work.",
    approverRoles: ["slt", "headteacher"],
    questions: [text("platform", "Which platform or app?"), text("members", "Who will be in it?"), why],
  },
  {
    key: "event_photos",
    name: "Posting pictures of a school event",
    description: "Publishing photos or video of a school event on the website, social media or in print.",
    approverRoles: ["headteacher", "slt"],
    questions: [
      text("event", "Which event?"),
      text("where", "Where will they be posted?"),
      {
        key: "consent_checked",
        label: "Have you checked photo consent for every pupil shown?",
        required: true,
        kind: "yesno",
      },
    ],
  },
  {
    key: "install",
    name: "Installing software or hardware",
    description: "Installing a program, app, browser extension or device on the school's systems.",
    approverRoles: ["network_manager"],
    questions: [
      text("what", "What do you want to install?"),
      text("where", "On which devices or systems?"),
      why,
    ],
  },
  {
    key: "remote_access",
    name: "Remote access",
    description: "Reaching the school's systems or data from outside school.",
    approverRoles: ["network_manager", "headteacher"],
    questions: [
      text("systems", "Which systems or data?"),
      text("device", "From which device (school or personal)?"),
      why,
    ],
  },
  {
    key: "data_off_site",
    name: "Taking personal data off site",
    description: "Taking pupils' or staff's personal data out of school, on paper or a device.",
    approverRoles: ["dpo", "headteacher"],
    questions: [
      text("data", "What data, and about whom?"),
      why,
      text("encryption", "What encryption is used (for example, an encrypted school laptop)?"),
      { key: "return_on", label: "When will it come back?", required: false, kind: "date" },
    ],
  },
  {
    key: "controversial_material",
    name: "Controversial teaching material",
    description: "Using material in lessons that could upset pupils or parents, or be seen as one-sided.",
    approverRoles: ["slt", "headteacher"],
    questions: [
      text("material", "What material?"),
      text("lesson", "Which class and lesson?"),
      why,
      { key: "parents_told", label: "Will parents be told beforehand?", required: false, kind: "yesno" },
    ],
  },
  {
    key: "video_conferencing",
    name: "A video-conferencing tool",
    description: "Using a video call tool with pupils, parents or others outside school.",
    approverRoles: ["network_manager", "dpo"],
    questions: [
      text("tool", "Which tool?"),
      text("with", "Who will be on the calls?"),
      why,
      { key: "first_on", label: "First call on", required: false, kind: "date" },
    ],
  },
  {
    key: "photos_personal_device",
    name: "Photos on a personal device (a rare exception)",
    description:
      "Taking photos of pupils on your own device when no school device can be used. The images must then be moved to school systems and deleted from the device.",
    approverRoles: ["headteacher"],
    questions: [
      text("occasion", "What is the occasion?"),
      text("no_school_device", "Why can no school device be used?"),
      { key: "on", label: "On which day?", required: true, kind: "date" },
    ],
    followUp: "images_moved",
  },
];

type TypeRow = typeof requestTypes.$inferSelect;

export function presentType(t: TypeRow): TypeView {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    description: t.description,
    approverRoles: t.approverRoles as Role[],
    questions: t.questions,
    followUp: t.followUp,
    register: t.register,
    retired: t.retiredAt !== null,
  };
}

const ordered = (db: DbOrTx, schoolId: string) =>
  db
    .select()
    .from(requestTypes)
    .where(eq(requestTypes.schoolId, schoolId))
    .orderBy(asc(requestTypes.position), asc(requestTypes.createdAt));

/** A school's request types, in order; the defaults are added the first time a school asks. */
export async function typesOf(db: DbOrTx, schoolId: string, withRetired = false) {
  let rows = await ordered(db, schoolId);
  if (rows.length === 0) {
    await db
      .insert(requestTypes)
      .values(DEFAULT_TYPES.map((t, position) => ({ ...t, schoolId, position })))
      .onConflictDoNothing();
    rows = await ordered(db, schoolId);
  }
  return withRetired ? rows : rows.filter((r) => r.retiredAt === null);
}

export async function typeByKey(db: DbOrTx, schoolId: string, key: string) {
  const found = (await typesOf(db, schoolId, true)).find((t) => t.key === key);
  if (!found) throw notFound(msg`request type`);
  return found;
}

export async function createType(db: Db, actor: Actor, input: TypeInput) {
  const existing = await typesOf(db, actor.schoolId, true);
  if (existing.some((t) => t.key === input.key))
    throw conflict(msg`There is already a request type with the key "${input.key}".`);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .insert(requestTypes)
      .values({ ...input, schoolId: actor.schoolId, position: existing.length })
      .returning();
    await recordEvent(tx, actor, {
      action: "request.type_created",
      entityType: "request_type",
      entityId: row.id,
      summary: { name: row.name, approverRoles: row.approverRoles.join(", ") },
    });
    return presentType(row);
  });
}

export async function updateType(db: Db, actor: Actor, key: string, patch: TypePatch) {
  const before = await typeByKey(db, actor.schoolId, key);
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(requestTypes)
      .set({
        name: patch.name ?? before.name,
        description: patch.description ?? before.description,
        approverRoles: patch.approverRoles ?? before.approverRoles,
        questions: patch.questions ?? before.questions,
        retiredAt:
          patch.retired === undefined
            ? before.retiredAt
            : patch.retired
              ? (before.retiredAt ?? new Date())
              : null,
      })
      .where(and(eq(requestTypes.schoolId, actor.schoolId), eq(requestTypes.id, before.id)))
      .returning();
    await recordEvent(tx, actor, {
      action: "request.type_changed",
      entityType: "request_type",
      entityId: row.id,
      summary: {
        name: row.name,
        ...(patch.approverRoles ? { approverRoles: row.approverRoles.join(", ") } : {}),
        ...(patch.questions ? { questions: row.questions.length } : {}),
        ...(patch.retired !== undefined ? { retired: patch.retired } : {}),
      },
    });
    return presentType(row);
  });
}

/**
 * A request's answers checked against its type's questions: every required one answered, each in
 * its kind (text, yes or no, a date), nothing the type does not ask. All the faults at once, each
 * named `details.<key>`, so the form can show them beside their questions.
 */
export function checkDetails(questions: Question[], details: Record<string, string | boolean>) {
  const errors: FieldError[] = [];
  const clean: Record<string, string | boolean> = {};
  const fault = (key: string, message: Message) => errors.push({ field: `details.${key}`, message });
  for (const key of Object.keys(details))
    if (!questions.some((q) => q.key === key)) fault(key, msg`This request type does not ask this.`);
  for (const q of questions) {
    const raw = details[q.key];
    const empty = raw === undefined || (typeof raw === "string" && raw.trim() === "");
    if (empty) {
      if (q.required) fault(q.key, msg`Answer “${q.label}”`);
      continue;
    }
    if (q.kind === "yesno") {
      if (typeof raw !== "boolean") fault(q.key, msg`Answer “${q.label}” with yes or no.`);
      else clean[q.key] = raw;
    } else if (q.kind === "date") {
      if (typeof raw !== "string" || !isoDate.safeParse(raw.trim()).success)
        fault(q.key, msg`Give a date for “${q.label}”, like 2026-09-01.`);
      else clean[q.key] = raw.trim();
    } else if (typeof raw !== "string") fault(q.key, msg`Answer “${q.label}” in words.`);
    else clean[q.key] = raw.trim();
  }
  if (errors.length > 0) throw badRequest(msg`Some answers are missing or not in the right form.`, errors);
  return clean;
}
