import { z } from "zod";
import { Id } from "../../kernel/responses.js";

export const SetupInput = z.object({
  school: z.object({ name: z.string().trim().min(2, "Enter the school's name.").max(200) }),
  /**
   * A trust (a multi-academy trust or a local authority) set up with this, its first school: the
   * first admin is its trust admin too, and adds the trust's other schools (issue 20).
   */
  trust: z.object({ name: z.string().trim().min(2, "Enter the trust's name.").max(200) }).optional(),
  admin: z.object({
    name: z
      .string()
      .trim()
      .min(1, "Enter your name.")
      // One name is enough: not everyone has a family name.
      .max(200),
    email: z.email("Enter a valid email address.").max(254),
    password: z.string().max(1000),
  }),
});
export type SetupInput = z.infer<typeof SetupInput>;

/** England or Wales: which guidance the policy health check holds the school's policies to. */
export const COUNTRIES = ["england", "wales"] as const;
export type Country = (typeof COUNTRIES)[number];

/** What a school writes in to readers who have not chosen: English, Welsh, or both (Welsh first). */
export const SCHOOL_LANGUAGES = ["en-GB", "cy", "bilingual"] as const;
export type SchoolLanguage = (typeof SCHOOL_LANGUAGES)[number];

export const SchoolSettingsInput = z.object({
  country: z.enum(COUNTRIES, "Choose England or Wales."),
  language: z.enum(SCHOOL_LANGUAGES, "Choose English, Welsh or both.").optional(),
});
export type SchoolSettingsInput = z.infer<typeof SchoolSettingsInput>;

// --- Responses

export const SchoolSettingsView = z.object({
  name: z.string(),
  country: z.enum(COUNTRIES),
  language: z.enum(SCHOOL_LANGUAGES),
});
export type SchoolSettingsView = z.infer<typeof SchoolSettingsView>;

/** `GET /healthz` (API.md): answered once migrations are applied. */
export const HealthView = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]) });
export type HealthView = z.infer<typeof HealthView>;

/** Whether this Accord still needs its first-run setup. */
export const SetupStatusView = z.object({ needed: z.boolean() });
export type SetupStatusView = z.infer<typeof SetupStatusView>;

/** The school and its first admin, made by the first-run setup. */
export const SetupDoneView = z.object({
  school: z.object({ id: Id, name: z.string() }),
  person: z.object({ id: Id }),
});
export type SetupDoneView = z.infer<typeof SetupDoneView>;
