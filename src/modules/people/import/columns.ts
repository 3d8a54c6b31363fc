/**
 * The columns Accord understands in a school's MIS exports (SIMS, Arbor, Bromcom, ScholarPack…),
 * and the headings each is usually exported under. Headings are compared after lower-casing and
 * dropping everything but letters and digits, so "Legal Surname", "legal_surname" and
 * "LEGAL SURNAME" are the same.
 */
export const IMPORT_KINDS = ["staff", "pupils", "contacts"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Field =
  | "givenName"
  | "familyName"
  | "preferredName"
  | "email"
  | "phone"
  | "staffCode"
  | "jobTitle"
  | "department"
  | "startDate"
  | "upn"
  | "admissionNumber"
  | "yearGroup"
  | "regGroup"
  | "dateOfBirth"
  | "misId"
  | "relationship"
  | "priority"
  | "parentalResponsibility"
  | "pupilUpn"
  | "pupilAdmissionNumber";

const NAME: Partial<Record<Field, string[]>> = {
  givenName: [
    "Legal Forename",
    "Forename",
    "First Name",
    "Given Name",
    "Firstname",
    "Contact Forename",
    "Legal First Name",
  ],
  familyName: ["Legal Surname", "Surname", "Last Name", "Family Name", "Lastname", "Contact Surname"],
  preferredName: ["Preferred Forename", "Preferred Name", "Known As", "Preferred First Name"],
};

/** Per kind: the fields a file of that kind may carry, with their usual headings. */
export const FIELDS: Record<ImportKind, Partial<Record<Field, string[]>>> = {
  staff: {
    ...NAME,
    email: ["Work Email", "Email", "Email Address", "School Email", "Staff Email"],
    // SIMS exports a staff member's number as "Mobile Phone".
    phone: [
      "Work Phone",
      "Work Mobile",
      "Telephone",
      "Phone",
      "Mobile",
      "Mobile Phone",
      "Mobile Number",
      "Phone Number",
    ],
    staffCode: ["Staff Code", "Staff ID", "Employee Number", "Payroll Number", "Teacher Code"],
    jobTitle: ["Job Title", "Post", "Role", "Position"],
    department: ["Department", "Dept", "Team", "Faculty"],
    startDate: ["Start Date", "Employment Start Date", "Date Started", "Contract Start"],
  },
  pupils: {
    ...NAME,
    upn: ["UPN", "Unique Pupil Number"],
    admissionNumber: ["Admission Number", "Adno", "Adm No", "Admission No"],
    yearGroup: ["Year Group", "Year", "NC Year", "National Curriculum Year", "Curriculum Year"],
    regGroup: ["Reg Group", "Registration Group", "Reg", "Form", "Class", "Tutor Group"],
    dateOfBirth: ["DOB", "Date of Birth", "Birth Date"],
    startDate: ["Admission Date", "Date of Admission", "Entry Date", "Start Date"],
    email: ["Pupil Email", "Email"],
  },
  contacts: {
    ...NAME,
    misId: ["Contact ID", "Contact Id", "MIS ID", "Person ID", "External ID", "Contact Reference"],
    email: ["Contact Email", "Email", "Email Address", "Primary Email"],
    // A carer's mobile first: it is the number a school texts. SIMS heads it "Mobile Phone".
    phone: [
      "Contact Telephone",
      "Mobile",
      "Mobile Phone",
      "Contact Mobile",
      "Mobile Number",
      "Telephone",
      "Phone",
      "Phone Number",
      "Telephone Number",
    ],
    relationship: ["Relationship", "Relationship to Pupil", "Relation"],
    priority: ["Priority", "Contact Priority", "Order"],
    parentalResponsibility: ["Parental Responsibility", "PR", "Has Parental Responsibility"],
    pupilUpn: ["Pupil UPN", "Student UPN", "Child UPN", "UPN"],
    pupilAdmissionNumber: ["Pupil Admission Number", "Admission Number", "Adno", "Pupil Adno"],
  },
};

/**
 * A row must give these (the alternatives in an inner list: one of them is enough). Some exports
 * carry only the name a person goes by ("Preferred Forename"): that stands in for the forename
 * of a new person, and never overwrites the legal forename Accord already holds.
 */
export const REQUIRED: Record<ImportKind, Field[][]> = {
  staff: [["givenName", "preferredName"], ["familyName"], ["staffCode", "email"]],
  pupils: [["givenName", "preferredName"], ["familyName"], ["upn", "admissionNumber"]],
  contacts: [["familyName"], ["misId", "email"], ["pupilUpn", "pupilAdmissionNumber"]],
};

export const normalise = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]/g, "");

export type Mapping = Partial<Record<Field, string>>;

/** Match headings to fields: the first usual heading present wins; each heading is used once. */
export function detectMapping(kind: ImportKind, headings: string[]): Mapping {
  const byNormal = new Map(headings.map((h) => [normalise(h), h]));
  const used = new Set<string>();
  const mapping: Mapping = {};
  for (const [field, names] of Object.entries(FIELDS[kind]) as [Field, string[]][]) {
    for (const name of names) {
      const heading = byNormal.get(normalise(name));
      if (heading && !used.has(heading)) {
        mapping[field] = heading;
        used.add(heading);
        break;
      }
    }
  }
  return mapping;
}

/** Fields of a kind whose requirements the mapping cannot meet: the file cannot be imported. */
export function missingColumns(kind: ImportKind, mapping: Mapping): Field[][] {
  return REQUIRED[kind].filter((alternatives) => !alternatives.some((f) => mapping[f]));
}

/** Which kind of file these headings look like, for the "wrong kind" message. */
export function likelyKind(headings: string[]): ImportKind | null {
  const normal = new Set(headings.map(normalise));
  const has = (...names: string[]) => names.some((n) => normal.has(normalise(n)));
  if (has("Relationship", "Parental Responsibility", "Contact ID", "Contact Email", "Priority"))
    return "contacts";
  if (has("UPN", "Year Group", "Reg Group", "Admission Number", "DOB", "Date of Birth")) return "pupils";
  if (has("Staff Code", "Job Title", "Work Email", "Department", "Employee Number")) return "staff";
  return null;
}
