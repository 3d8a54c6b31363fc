import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { KINDS, ROLES } from "../access/roles.js";

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
