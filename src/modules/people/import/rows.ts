import type { Field, ImportKind, Mapping } from "./columns.js";
import { kindOfRole, requiredFor } from "./columns.js";

/** One data row of a file, read into Accord's fields, or the reason it cannot be. */
export type ImportRecord = Partial<Record<Field, string | number | boolean | null>> & { row: number };
export type RowError = { row: number; message: string };

const LABEL: Record<Field, string> = {
  givenName: "first name",
  familyName: "surname",
  preferredName: "preferred name",
  email: "email",
  username: "username",
  phone: "phone",
  staffCode: "staff code",
  jobTitle: "job title",
  department: "department",
  startDate: "start date",
  upn: "UPN",
  admissionNumber: "admission number",
  yearGroup: "year group",
  regGroup: "reg group",
  dateOfBirth: "date of birth",
  misId: "MIS id",
  role: "role",
  relationship: "relationship",
  priority: "priority",
  parentalResponsibility: "parental responsibility",
  pupilUpn: "pupil UPN",
  pupilAdmissionNumber: "pupil admission number",
  pupilMisId: "pupil's MIS id",
};
export const fieldLabel = (f: Field) => LABEL[f];
/** "UPN, admission number, MIS id or email". */
export const anyOf = (fields: Field[]) => {
  const labels = fields.map(fieldLabel);
  return labels.length < 2 ? labels.join("") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * UK MIS dates: 25/12/2015, 25-12-2015, 25.12.2015, 25/12/15, or ISO 2015-12-25.
 * Two-digit years are 20xx when that is not in the future, otherwise 19xx.
 */
export function parseUkDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (uk[3].length === 2) y += 2000 + y > new Date().getFullYear() ? 1900 : 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** "3", "Y3", "Year 3", "09" → "Year 3"; "R", "Rec" → "Reception"; anything else is kept as written. */
export function normaliseYearGroup(value: string): string {
  const n = /^(?:y|yr|year|nc)?\s*(\d{1,2})$/i.exec(value);
  if (n) return `Year ${Number(n[1])}`;
  if (/^(r|rec|reception)$/i.test(value)) return "Reception";
  return value;
}

const YES = /^(y|yes|true|1|x)$/i;
const NO = /^(n|no|false|0|)$/i;

/**
 * Read one row. In a file holding everyone (a sync file with a role column), a row whose role
 * belongs to another kind of import is `elsewhere`: not an error, and not read any further.
 */
export function readRow(
  kind: ImportKind,
  mapping: Mapping,
  headings: string[],
  cells: string[],
  row: number,
  withRelationships = false,
): { record: ImportRecord } | { error: RowError } | { elsewhere: true } {
  const index = new Map(headings.map((h, i) => [h, i]));
  const cell = (heading: string) => (cells[index.get(heading) ?? -1] ?? "").trim();
  if (mapping.role) {
    const raw = cell(mapping.role);
    if (raw === "")
      return {
        error: { row, message: "Role is missing: say whether this is a pupil, staff or a parent/carer" },
      };
    const roleKind = kindOfRole(raw);
    if (roleKind === null)
      return {
        error: {
          row,
          message: `Role "${raw}" is not one Accord knows: use pupil/student, staff/teacher or parent/guardian`,
        },
      };
    if (roleKind !== kind) return { elsewhere: true };
  }
  const record: ImportRecord = { row };
  const problems: string[] = [];
  for (const [field, heading] of Object.entries(mapping) as [Field, string][]) {
    const raw = cell(heading);
    if (raw === "") {
      record[field] = null;
      continue;
    }
    switch (field) {
      case "role":
        break;
      case "email":
        if (!EMAIL.test(raw)) problems.push(`"${raw}" is not an email address`);
        record.email = raw.toLowerCase();
        break;
      case "username":
        // Only a username that is an email address means anything to Accord.
        record.username = EMAIL.test(raw) ? raw.toLowerCase() : null;
        break;
      case "startDate":
      case "dateOfBirth": {
        const date = parseUkDate(raw);
        if (!date) problems.push(`${LABEL[field]} "${raw}" is not a date (use DD/MM/YYYY)`);
        record[field] = date;
        break;
      }
      case "priority": {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 0 || n > 99) problems.push(`priority "${raw}" is not a whole number`);
        record.priority = n;
        break;
      }
      case "parentalResponsibility":
        if (!YES.test(raw) && !NO.test(raw))
          problems.push(`parental responsibility "${raw}" should be Yes or No`);
        record.parentalResponsibility = YES.test(raw);
        break;
      case "yearGroup":
        record.yearGroup = normaliseYearGroup(raw);
        break;
      case "upn":
      case "pupilUpn":
        record[field] = raw.toUpperCase();
        break;
      default:
        record[field] = raw.slice(0, 200);
    }
  }
  if ((record.email === null || record.email === undefined) && record.username)
    record.email = record.username;
  delete record.username;
  delete record.role;
  for (const alternatives of requiredFor(kind, withRelationships)) {
    if (!alternatives.some((f) => record[f] !== null && record[f] !== undefined)) {
      problems.push(`${anyOf(alternatives)} is missing`);
    }
  }
  if (problems.length > 0) return { error: { row, message: capitalise(problems.join("; ")) } };
  return { record };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
