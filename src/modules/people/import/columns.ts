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
  | "username"
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
  | "role"
  | "relationship"
  | "priority"
  | "parentalResponsibility"
  | "pupilUpn"
  | "pupilAdmissionNumber"
  | "pupilMisId";

/*
 * The headings below come from the exports and sync files schools have: SIMS and SIMS reports,
 * Arbor, Bromcom, ScholarPack, iSAMS, Wonde, Groupcall Xporter, Microsoft School Data Sync (v1,
 * the UK format and v2.1), OneRoster, the Google Workspace bulk-upload template and ID-management
 * tools (Salamander, RM Unify). Decision 022 lists which heading comes from where. Within a list,
 * earlier headings win: a file with both "Legal Forename" and "First Name" is read by the first.
 */
const GIVEN = [
  "Legal Forename",
  "Legal First Name",
  "Forename",
  "First Name",
  "Given Name",
  "Firstname",
  "givenName",
];
const FAMILY = [
  "Legal Surname",
  "Legal Last Name",
  "Surname",
  "Last Name",
  "Family Name",
  "Lastname",
  "familyName",
];
const PREFERRED = ["Preferred Forename", "Preferred Name", "Preferred First Name", "Known As", "Chosen Name"];
const NAME: Partial<Record<Field, string[]>> = {
  givenName: [...GIVEN, "Student First Name", "Pupil Forename", "Staff Forename"],
  familyName: [...FAMILY, "Student Last Name", "Student Surname", "Pupil Surname", "Staff Surname"],
  preferredName: PREFERRED,
};
/**
 * A SIMS contacts report carries the pupil's names beside the carer's: the carer's own
 * ("Contact Surname") come first, so the pupil's "Legal Surname" is never read as the carer's.
 */
const CONTACT_NAME: Partial<Record<Field, string[]>> = {
  givenName: [
    "Contact Forename",
    "Contact First Name",
    "Guardian Forename",
    "Guardian First Name",
    "Parent Forename",
    "Parent First Name",
    "Carer Forename",
    ...GIVEN,
  ],
  familyName: [
    "Contact Surname",
    "Contact Last Name",
    "Guardian Surname",
    "Guardian Last Name",
    "Parent Surname",
    "Parent Last Name",
    "Carer Surname",
    ...FAMILY,
  ],
  preferredName: ["Contact Preferred Name", "Contact Known As", ...PREFERRED],
};

/**
 * A sign-in name. It is never stored as such: when it holds an email address (Microsoft and
 * Google usernames do) and the row has no email of its own, it becomes the person's email.
 */
const USERNAME = [
  "Username",
  "User Name",
  "User Principal Name",
  "userPrincipalName",
  "activeDirectoryMatchId",
  "Login",
  "Login Name",
  "Logon Name",
  "Network Username",
  "Email Address Username",
];

/** Whether a row is a pupil, a member of staff or a carer, in files that hold everyone (OneRoster, ID tools). */
const ROLE = ["Role", "User Role", "User Type", "UserType", "Person Type", "Account Type", "Type", "Roles"];

/** The MIS's or the sync tool's own id for a person: stable from one export to the next. */
const OWN_ID = [
  "MIS ID",
  "mis_id",
  "SIS ID",
  "sourcedId",
  "External ID",
  "ExternalId",
  "Person ID",
  "Wonde ID",
  "Arbor ID",
  "Idaas ID",
  "ID",
];

/** Per kind: the fields a file of that kind may carry, with their usual headings. */
export const FIELDS: Record<ImportKind, Partial<Record<Field, string[]>>> = {
  staff: {
    ...NAME,
    email: [
      "Work Email",
      "Email",
      "Email Address",
      "School Email",
      "SchoolEmailAddress",
      "Staff Email",
      "Work Email Address",
      "Primary Email",
      "mail",
    ],
    username: USERNAME,
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
      "sms",
    ],
    staffCode: [
      "Staff Code",
      "Staff ID",
      "Employee Number",
      "Employee ID",
      "Payroll Number",
      "Teacher Code",
      "Teacher Number",
      "UserCode",
      "Initials",
    ],
    misId: ["Staff MIS ID", "Staff SIS ID", "Teacher SIS ID", ...OWN_ID],
    // "Role" is read as a job title only when its values are not the roles a sync file uses (see refineMapping).
    jobTitle: ["Job Title", "Post", "Position", "Employee Title", "Title of Post"],
    department: ["Department", "Dept", "Team", "Faculty"],
    startDate: ["Start Date", "Employment Start Date", "Date Started", "Contract Start"],
    role: ROLE,
  },
  pupils: {
    ...NAME,
    upn: ["UPN", "Unique Pupil Number"],
    admissionNumber: [
      "Admission Number",
      "Adno",
      "Adm No",
      "Admission No",
      "AdmissionNumber",
      "Student Number",
      "Pupil Number",
    ],
    misId: [
      "Pupil ID",
      "Pupil MIS ID",
      "Student ID",
      "Student MIS ID",
      "Student SIS ID",
      "SchoolId",
      ...OWN_ID,
    ],
    yearGroup: [
      "Year Group",
      "Year",
      "NC Year",
      "National Curriculum Year",
      "Curriculum Year",
      "Year Level",
      "Grade",
      "Grades",
    ],
    regGroup: [
      "Reg Group",
      "Registration Group",
      "Registration Form",
      "Reg Form",
      "Reg",
      "Form",
      "Form Group",
      "Tutor Group",
      "Class",
    ],
    dateOfBirth: ["DOB", "Date of Birth", "Birth Date"],
    startDate: ["Admission Date", "Date of Admission", "Entry Date", "Start Date"],
    email: ["Pupil Email", "Student Email", "Email", "Email Address", "SchoolEmailAddress", "mail"],
    username: USERNAME,
    role: ROLE,
  },
  contacts: {
    ...CONTACT_NAME,
    misId: [
      "Contact ID",
      "Contact MIS ID",
      "contact_mis_id",
      "Guardian ID",
      "Parent ID",
      "Carer ID",
      "Contact Reference",
      ...OWN_ID.filter((h) => h !== "ID"),
    ],
    email: [
      "Contact Email",
      "Primary Email",
      "Email",
      "Email Address",
      "Guardian Email",
      "Parent Email",
      "Contact Email Address",
      "mail",
    ],
    username: USERNAME,
    // A carer's mobile first: it is the number a school texts. SIMS heads it "Mobile Phone".
    phone: [
      "Contact Telephone",
      "Contact Mobile",
      "Mobile",
      "Mobile Phone",
      "Mobile Number",
      "Primary Mobile",
      "sms",
      "Telephone",
      "Phone",
      "Phone Number",
      "Telephone Number",
      "Primary Telephone",
    ],
    relationship: [
      "Relationship",
      "Relationship to Pupil",
      "Relationship to Student",
      "Relation",
      "Contact Relationship",
    ],
    priority: ["Priority", "Contact Priority", "Order", "Contact Order", "Priority Order"],
    parentalResponsibility: [
      "Parental Responsibility",
      "Parental Resp",
      "PR",
      "Has Parental Responsibility",
      "Parental Responsibility Flag",
    ],
    pupilUpn: ["Pupil UPN", "Student UPN", "Child UPN", "UPN"],
    pupilAdmissionNumber: [
      "Pupil Admission Number",
      "Student Admission Number",
      "Admission Number",
      "Adno",
      "Pupil Adno",
    ],
    pupilMisId: [
      "Pupil ID",
      "Pupil MIS ID",
      "Student ID",
      "Student MIS ID",
      "student_mis_id",
      "Student SIS ID",
    ],
    role: ROLE,
  },
};

/**
 * A row must give these (the alternatives in an inner list: one of them is enough). Some exports
 * carry only the name a person goes by ("Preferred Forename"): that stands in for the forename
 * of a new person, and never overwrites the legal forename Accord already holds. Any stable
 * identifier will do to know the person again next time.
 */
export const REQUIRED: Record<ImportKind, Field[][]> = {
  staff: [["givenName", "preferredName"], ["familyName"], ["staffCode", "misId", "email"]],
  pupils: [["givenName", "preferredName"], ["familyName"], ["upn", "admissionNumber", "misId", "email"]],
  contacts: [["familyName"], ["misId", "email"], ["pupilUpn", "pupilAdmissionNumber", "pupilMisId"]],
};

/** The fields naming the child a contact row is about: given by a relationships file instead, when there is one. */
export const CHILD_FIELDS: Field[] = ["pupilUpn", "pupilAdmissionNumber", "pupilMisId"];

/** What a row must give, for this kind; with a relationships file the children come from that file. */
export function requiredFor(kind: ImportKind, withRelationships: boolean): Field[][] {
  return REQUIRED[kind].filter((alts) => !(withRelationships && alts.every((f) => CHILD_FIELDS.includes(f))));
}

/** Google's template marks headings "First Name [Required]" or "Password [UPLOAD ONLY]": the note in brackets is not part of the name. */
export const normalise = (heading: string) =>
  heading
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

export type Mapping = Partial<Record<Field, string>>;

/** Match headings to fields: the first usual heading present wins; each heading is used once. */
export function detectMapping(kind: ImportKind, headings: string[]): Mapping {
  return detectWith(FIELDS[kind], headings) as Mapping;
}

function detectWith(fields: Record<string, string[] | undefined>, headings: string[]) {
  const byNormal = new Map(headings.map((h) => [normalise(h), h]));
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const [field, names] of Object.entries(fields)) {
    for (const name of names ?? []) {
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

/**
 * Fields of a kind whose requirements the mapping cannot meet: the file cannot be imported.
 * A username column stands in for email (it often holds one).
 */
export function missingColumns(kind: ImportKind, mapping: Mapping, withRelationships = false): Field[][] {
  const has = (f: Field) => Boolean(mapping[f] || (f === "email" && mapping.username));
  return requiredFor(kind, withRelationships).filter((alternatives) => !alternatives.some(has));
}

/** The roles sync files and ID tools give people, and the kind of import each belongs to. */
const ROLE_WORDS: Record<string, ImportKind | "other"> = {};
for (const [kind, words] of [
  ["pupils", ["student", "students", "pupil", "pupils", "learner", "learners", "child"]],
  [
    "staff",
    [
      "staff",
      "teacher",
      "teachers",
      "teachingstaff",
      "nonteachingstaff",
      "supportstaff",
      "employee",
      "administrator",
      "admin",
      "aide",
      "professor",
      "proctor",
      "districtadministrator",
      "siteadministrator",
      "systemadministrator",
    ],
  ],
  [
    "contacts",
    [
      "parent",
      "parents",
      "guardian",
      "guardians",
      "carer",
      "carers",
      "contact",
      "contacts",
      "relative",
      "parentguardian",
      "parentcarer",
    ],
  ],
  ["other", ["other", "doctor", "governor", "visitor", "volunteer"]],
] as const)
  for (const w of words) ROLE_WORDS[w] = kind;

/** The import kind a role value belongs to ("Student" → pupils), "other", or null when Accord does not know it. */
export const kindOfRole = (value: string) => ROLE_WORDS[normalise(value)] ?? null;

/**
 * Headings alone cannot tell a sync file's role ("student", "teacher", "guardian") from a
 * staff export's "Role" ("Class Teacher", "Bursar"): the values can. A column is a role column
 * when most of its filled cells are roles; otherwise, in a staff file, it is the job title.
 */
export function refineMapping(
  kind: ImportKind,
  mapping: Mapping,
  headings: string[],
  rows: string[][],
): Mapping {
  if (!mapping.role) return mapping;
  const at = headings.indexOf(mapping.role);
  const values = rows.map((r) => (r[at] ?? "").trim()).filter((v) => v !== "");
  const roles = values.filter((v) => kindOfRole(v) !== null).length;
  if (values.length > 0 && roles * 2 > values.length) return mapping;
  const { role, ...rest } = mapping;
  if (kind === "staff" && !rest.jobTitle) return { ...rest, jobTitle: role };
  return rest;
}

/**
 * A second file of who is whose carer: SDS v1 guardianrelationship.csv (SIS ID of the student,
 * Email of the carer, Role), SDS v2.1 / OneRoster relationships.csv (userSourcedId of the student,
 * relationshipUserSourcedId of the carer, relationshipRole), or an MIS's own contact-links export.
 */
export type LinkField =
  | "contactMisId"
  | "contactEmail"
  | "pupilUpn"
  | "pupilAdmissionNumber"
  | "pupilMisId"
  | "relationship"
  | "priority"
  | "parentalResponsibility";
export const LINK_FIELDS: Record<LinkField, string[]> = {
  contactMisId: [
    "relationshipUserSourcedId",
    "Contact ID",
    "Contact MIS ID",
    "contact_mis_id",
    "Contact SIS ID",
    "Guardian ID",
    "Guardian SIS ID",
    "Parent ID",
    "Carer ID",
  ],
  contactEmail: ["Contact Email", "Guardian Email", "Parent Email", "Email", "Email Address"],
  pupilUpn: ["Pupil UPN", "Student UPN", "UPN"],
  pupilAdmissionNumber: ["Pupil Admission Number", "Admission Number", "Adno"],
  pupilMisId: [
    "userSourcedId",
    "SIS ID",
    "Student SIS ID",
    "Pupil ID",
    "Pupil MIS ID",
    "Student ID",
    "Student MIS ID",
    "student_mis_id",
  ],
  relationship: [
    "relationshipRole",
    "Relationship",
    "Relationship to Pupil",
    "Relationship to Student",
    "Role",
  ],
  priority: ["Priority", "Contact Priority", "Order"],
  parentalResponsibility: ["Parental Responsibility", "Parental Resp", "PR", "Has Parental Responsibility"],
};
export type LinkMapping = Partial<Record<LinkField, string>>;

export function detectLinkMapping(headings: string[]): LinkMapping {
  return detectWith(LINK_FIELDS, headings) as LinkMapping;
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
