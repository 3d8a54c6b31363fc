import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";
import { KINDS, ROLES } from "../access/roles.js";

/**
 * Training (capability 7): the request and response contracts, shared with the web app. A course
 * says how long a completion counts and who must take it; a completion records that someone did
 * it on a day (their own with a certificate, a whole INSET from an attendance list, or a
 * provider's export); the matrix shows each person's standing on each course they must take.
 */

/** What the school keeps as proof: a certificate the person uploads, or the attendance list. */
export const EVIDENCE = ["certificate", "attendance"] as const;
export const COMPLETION_SOURCES = ["self", "attendance", "import"] as const;

/**
 * A person's standing on a course they must take. `expiring`: runs out within 30 days; `never`:
 * no completion yet (a new starter's induction shows its due date beside it).
 */
export const TRAINING_STATUSES = ["in_date", "expiring", "expired", "never"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

const Key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, "Use lower-case letters, digits and underscores, starting with a letter.");

const Validity = z
  .number()
  .int("Give whole months.")
  .min(1, "A course counts for at least a month.")
  .max(120, "Ten years at most.")
  .nullable();

const RequiredFor = z.object({
  kinds: z.array(z.enum(KINDS)).default([]),
  roles: z.array(z.enum(ROLES)).default([]),
});

export const CourseInput = z.object({
  key: Key,
  name: z.string().trim().min(3, "Give the course a name.").max(150),
  description: z.string().trim().max(1000).default(""),
  validityMonths: Validity.default(null),
  requiredFor: RequiredFor.default({ kinds: [], roles: [] }),
  evidence: z.enum(EVIDENCE).default("certificate"),
  dueWithinDays: z.number().int().min(1).max(365).nullable().default(null),
});
export type CourseInput = z.infer<typeof CourseInput>;

export const CoursePatch = z.object({
  name: z.string().trim().min(3, "Give the course a name.").max(150).optional(),
  description: z.string().trim().max(1000).optional(),
  validityMonths: Validity.optional(),
  requiredFor: RequiredFor.optional(),
  evidence: z.enum(EVIDENCE).optional(),
  dueWithinDays: z.number().int().min(1).max(365).nullable().optional(),
  retired: z.boolean().optional(),
});
export type CoursePatch = z.infer<typeof CoursePatch>;
export const CourseKeyParams = z.object({ key: z.string().min(1).max(60) });
export const CoursesQuery = z.object({ all: z.enum(["true", "false"]).optional() });

export const CourseView = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  validityMonths: z.number().int().nullable(),
  requiredFor: z.object({ kinds: z.array(z.enum(KINDS)), roles: z.array(z.enum(ROLES)) }),
  evidence: z.enum(EVIDENCE),
  dueWithinDays: z.number().int().nullable(),
  retired: z.boolean(),
  /** Completions on record: a course with any is retired, never deleted. */
  completions: z.number().int(),
});
export type CourseView = z.infer<typeof CourseView>;
export const CourseListView = z.object({ courses: z.array(CourseView) });

/** A day that has happened (training is recorded after it, never ahead). */
const PastDay = isoDate;

export const CompletionInput = z.object({
  courseKey: z.string().trim().min(1, "Choose the course."),
  completedOn: PastDay,
  personIds: z.array(z.uuid()).min(1, "Choose at least one person.").max(1000),
  certificateId: z.uuid().optional(),
});
export type CompletionInput = z.infer<typeof CompletionInput>;

/** `recorded` counts new completions only; the same person, course and day again is `alreadyRecorded`. */
export const RecordedView = z.object({
  recorded: z.number().int(),
  alreadyRecorded: z.number().int(),
});

export const WithdrawInput = z.object({
  reason: z.string().trim().min(3, "Say why this record is withdrawn.").max(500),
});
export const CompletionParams = z.object({ id: z.uuid() });
export const CertificateParams = z.object({ id: z.uuid() });
export const PersonParams = z.object({ id: z.uuid() });

export const CertificateView = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
});

/** One person's standing on one course. */
export const CellView = z.object({
  status: z.enum(TRAINING_STATUSES),
  completedOn: IsoDay.nullable(),
  /** The last day the completion counts (still in date on that day); null: it never runs out. */
  expiresOn: IsoDay.nullable(),
  /** An induction's due date for a new starter who has not done it yet. */
  dueOn: IsoDay.nullable(),
});
export type CellView = z.infer<typeof CellView>;

export const CompletionRecordView = z.object({
  id: Id,
  courseKey: z.string(),
  courseName: z.string(),
  completedOn: IsoDay,
  expiresOn: IsoDay.nullable(),
  source: z.enum(COMPLETION_SOURCES),
  certificate: CertificateView.nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: IsoMoment,
  withdrawn: z.object({ reason: z.string(), by: z.string().nullable(), at: IsoMoment }).nullable(),
  /** Whether the caller may withdraw it: one they recorded for themself, or any for an admin. */
  canWithdraw: z.boolean(),
});
export type CompletionRecordView = z.infer<typeof CompletionRecordView>;

/** A person's training: each course they must take with their standing, then every record. */
export const PersonTrainingView = z.object({
  person: z.object({ id: Id, name: z.string() }),
  courses: z.array(
    z
      .object({ key: z.string(), name: z.string(), description: z.string(), evidence: z.enum(EVIDENCE) })
      .extend(CellView.shape),
  ),
  records: z.array(CompletionRecordView),
});
export type PersonTrainingView = z.infer<typeof PersonTrainingView>;

export const MatrixQuery = z.object({
  format: z.enum(["json", "csv"]).default("json"),
  course: z.string().max(60).optional(),
  status: z.enum(TRAINING_STATUSES).optional(),
  department: z.string().max(120).optional(),
});
export type MatrixQuery = z.infer<typeof MatrixQuery>;

export const MatrixView = z.object({
  /** "school": everyone; "team": a line manager's own team only. */
  scope: z.enum(["school", "team"]),
  courses: z.array(
    z.object({ key: z.string(), name: z.string(), validityMonths: z.number().int().nullable() }),
  ),
  people: z.array(
    z.object({
      id: Id,
      name: z.string(),
      department: z.string().nullable(),
      jobTitle: z.string().nullable(),
      /** By course key; a course the person need not take has no cell. */
      cells: z.record(z.string(), CellView),
    }),
  ),
  counts: z.object({ in_date: z.number(), expiring: z.number(), expired: z.number(), never: z.number() }),
  departments: z.array(z.string()),
});
export type MatrixView = z.infer<typeof MatrixView>;

/** Staff to tick on an attendance list. */
export const StaffListView = z.object({
  people: z.array(
    z.object({
      id: Id,
      name: z.string(),
      email: z.string().nullable(),
      department: z.string().nullable(),
      jobTitle: z.string().nullable(),
    }),
  ),
});

export const AttendanceInput = z.object({
  text: z.string().max(50_000, "Paste at most 50,000 characters."),
});
const MatchedPerson = z.object({ id: Id, name: z.string(), email: z.string().nullable() });
export const AttendanceMatchView = z.object({
  lines: z.array(
    z.object({
      line: z.string(),
      outcome: z.enum(["matched", "ambiguous", "unmatched"]),
      person: MatchedPerson.nullable(),
      candidates: z.array(MatchedPerson),
    }),
  ),
});
export type AttendanceMatchView = z.infer<typeof AttendanceMatchView>;

/** The people import's shape: nothing is ever updated (records are insert-only), so `updated` is 0. */
export const TrainingImportView = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows already on record (same person, course and day). */
  unchanged: z.number().int(),
  /** Rows for people who have left: recorded, since the training happened. */
  leavers: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  preview: z.object({
    create: z.array(
      z.object({ row: z.number().int(), name: z.string(), course: z.string(), completedOn: IsoDay }),
    ),
  }),
});
export type TrainingImportView = z.infer<typeof TrainingImportView>;
