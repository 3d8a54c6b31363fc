import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment, MailDelivery } from "../../kernel/responses.js";
import { KINDS, ROLES } from "../access/roles.js";
import { IMPORT_KINDS } from "./import/columns.js";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const PersonFields = z.object({
  givenName: z.string().trim().min(1, "Enter a first name.").max(100),
  // Empty for someone known by one name only; every name shown goes through kernel/names.
  familyName: z.string().trim().max(100),
  preferredName: optionalText(100),
  kinds: z.array(z.enum(KINDS)).min(1, "Choose at least one kind of person."),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address.").max(254)])
    .transform((v) => (v === "" ? null : v.toLowerCase()))
    .nullable()
    .optional(),
  phone: optionalText(40),
  jobTitle: optionalText(120),
  department: optionalText(120),
  yearGroup: optionalText(40),
  regGroup: optionalText(40),
  startDate: z
    .union([z.literal("").transform(() => null), isoDate])
    .nullable()
    .optional(),
  lineManagerId: z.uuid("Choose a member of staff from the list.").nullable().optional(),
  roles: z.array(z.enum(ROLES)).optional(),
});
export const PersonInput = PersonFields.extend({ familyName: PersonFields.shape.familyName.default("") });
export type PersonInput = z.infer<typeof PersonInput>;

// A patch changes only what it names, so its family name has no default.
export const PersonPatch = PersonFields.omit({ roles: true }).partial();
export type PersonPatch = z.infer<typeof PersonPatch>;

export const LeaverInput = z.object({ leaveDate: isoDate });
export const RolesInput = z.object({ roles: z.array(z.enum(ROLES)) });

export const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(KINDS).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["current", "leavers", "all"]).default("current"),
  yearGroup: z.string().trim().max(40).optional(),
  department: z.string().trim().max(120).optional(),
  account: z.enum(["none", "invited", "active"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const IdParams = z.object({ id: z.uuid("That is not a valid id.") });

// --- Responses: what the directory's routes send (the presenter is `presentPerson`).

export const PERSON_STATUSES = ["current", "leaving", "left"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const ACCOUNT_STATES = ["none", "invited", "active"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** The languages a person may read Accord in (decision 038); null on a record: the school's. */
export const PERSON_LANGUAGES = ["en-GB", "cy"] as const;

/** A person's own choice of language; null goes back to the school's. */
export const LanguageInput = z.object({
  language: z.enum(PERSON_LANGUAGES, "Choose English or Welsh.").nullable(),
});

export const PersonView = z.object({
  id: Id,
  /** Their own choice of language for emails and documents; null: the school's. */
  language: z.enum(PERSON_LANGUAGES).nullable(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  /** The name to show: preferred or given name, then family name (one name is enough). */
  name: z.string(),
  kinds: z.array(z.enum(KINDS)),
  roles: z.array(z.enum(ROLES)),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  yearGroup: z.string().nullable(),
  regGroup: z.string().nullable(),
  startDate: IsoDay.nullable(),
  leaveDate: IsoDay.nullable(),
  lineManagerId: Id.nullable(),
  status: z.enum(PERSON_STATUSES),
  account: z.enum(ACCOUNT_STATES),
});
export type PersonView = z.infer<typeof PersonView>;

export const PersonDetailView = PersonView.extend({
  /** Their line manager, named, for the person's page and the edit form's picker. */
  lineManager: z.object({ id: Id, name: z.string() }).nullable(),
  /** A pupil's contacts, in priority order. */
  contacts: z.array(
    z.object({
      id: Id,
      name: z.string(),
      relationship: z.string().nullable(),
      priority: z.number().int().nullable(),
    }),
  ),
  /** A contact's pupils. */
  pupils: z.array(z.object({ id: Id, name: z.string(), relationship: z.string().nullable() })),
});
export type PersonDetailView = z.infer<typeof PersonDetailView>;

export const PeopleListView = z.object({ total: z.number().int(), people: z.array(PersonView) });
export type PeopleListView = z.infer<typeof PeopleListView>;

export const InvitationSentView = z.object({
  expiresAt: IsoMoment,
  /** "outbox" when no mail server is set up: the invitation waits in the outbox, not yet emailed. */
  delivery: MailDelivery,
});
export type InvitationSentView = z.infer<typeof InvitationSentView>;

// --- The MIS import (import/routes.ts): the report of a dry run or of an applied import.

export const MAPPING_SOURCES = ["detected", "saved", "request"] as const;

const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });

export const ImportReportView = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  /** Rows for another kind of import (a sync file's pupils in a staff import), or people no relationship names as a carer. */
  leftOut: z.number().int(),
  /** The second file of a users + relationships (or users + roles) pair, when one came. */
  secondFileName: z.string().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  leavers: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  /** The file's headings, in order. */
  columns: z.array(z.string()),
  /** Field → the file's column heading it is read from. */
  mapping: z.record(z.string(), z.string()),
  mappingSource: z.enum(MAPPING_SOURCES),
  /** The fields this kind of file can fill in. */
  fields: z.array(z.string()),
  /** The first 200 of each. */
  preview: z.object({
    create: z.array(z.object({ row: z.number().int(), name: z.string() })),
    update: z.array(
      z.object({
        row: z.number().int(),
        id: Id,
        name: z.string(),
        changes: z.record(z.string(), FieldChange),
      }),
    ),
    leavers: z.array(z.object({ id: Id, name: z.string() })),
  }),
});
export type ImportReportView = z.infer<typeof ImportReportView>;
