/**
 * What signing knows about the thing signed: only what its owner tells it. An agreement today;
 * a photo-consent form, a device-loan agreement or a review sign-off later. The owning module
 * registers a `SubjectOwner` for its subject type; signing asks it and never imports it
 * (decision 011).
 */
import type { SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.js";
import type { Actor, Kind } from "../access/roles.js";
import type { SignableText } from "./receipt/canonical.js";
import type { SubjectView } from "./schema.js";
import type { SubjectType } from "./subject-types.js";

export type ChoiceDef = { key: string; label: string; options: string[] };

/** One subject as signing sees it: the text shown, its SHA-256, the choices, the audience. */
export type Subject = {
  type: SubjectType;
  id: string;
  schoolId: string;
  title: string;
  /** Still the text in force: not replaced by a newer version, not retired. */
  inForce: boolean;
  /** SHA-256 of the canonical text (receipt/canonical.ts): what the signer's screen must send back. */
  textSha256: string;
  choices: ChoiceDef[];
  requireJobTitle: boolean;
  /** The kind of person it is addressed to; anyone else signs it only when asked to (assigned). */
  audienceKind: Kind;
  /** For subjects parents sign: one signature per child, or one for the family. */
  parentMode: "per_child" | "per_family";
  /** The exact text, as printed on the receipt. */
  text: SignableText;
  /** What the signer's screen receives: the owner's own presentation of the subject. */
  shown: SubjectView;
};

/** How a subject's owner answers signing's questions about it. */
export type SubjectOwner = {
  /** The subject as it is, or null when the school has no such subject. */
  load(db: DbOrTx, schoolId: string, id: string): Promise<Subject | null>;
  /**
   * The subject now in force that carries on from this one (itself while in force; otherwise
   * the newer version that replaced it), or null when it was retired. A kiosk, class session or
   * parent link opened on an earlier version thus shows the text in force.
   */
  inForce(db: DbOrTx, schoolId: string, id: string): Promise<Subject | null>;
  /** Whether this person has been asked to sign it (needed when they are not its audience). */
  isAssigned(db: DbOrTx, subject: Subject, personId: string): Promise<boolean>;
  /** Who has been asked to sign it (parent links go to these people). */
  asked(db: DbOrTx, subject: Subject): Promise<string[]>;
  /** The same people, each with the date they were asked to sign by (a parent's link lasts until then). */
  askedBy(db: DbOrTx, subject: Subject): Promise<{ personId: string; dueDate: string }[]>;
  /** Ask these people to sign it by a date (a class session asks the class); no-op for those asked. */
  ask(tx: Tx, actor: Actor, subject: Subject, personIds: string[], dueDate: string): Promise<void>;
  /** This subject and the earlier versions with the same text: a signature on any of them stands. */
  sameText(db: DbOrTx, id: string): Promise<string[]>;
  /** Title and version of each subject, for lists (signing history, verification, kiosks). */
  labels(db: DbOrTx, ids: string[]): Promise<Map<string, SubjectLabel>>;
  /** The subjects in force addressed to a kind of person (what a class session or kiosk may open). */
  offered(db: DbOrTx, schoolId: string, audienceKind: Kind): Promise<Subject[]>;
  /**
   * For the batch writer (member-signing.ts), which decides a whole batch in one statement: a
   * LATERAL subquery giving the subject's row (id, school_id, title, in_force, text_sha256,
   * choices, require_job_title, audience_kind, assigned) for the subject id, person and school
   * expressions given. `askAssigned` says when `assigned` is wanted at all: looking up whether
   * someone was asked costs an index probe per signature, and most people sign what is
   * addressed to their kind (false then, without the probe).
   */
  signableSql(subjectId: SQL, personId: SQL, schoolId: SQL, askAssigned: SQL): SQL;
};

export type SubjectLabel = { title: string; versionNumber: string; inForce: boolean };

const owners = new Map<SubjectType, SubjectOwner>();

/** Called once by each owning module when it is loaded. */
export function registerSubjectOwner(type: SubjectType, owner: SubjectOwner) {
  owners.set(type, owner);
}

export function ownerOf(type: SubjectType): SubjectOwner {
  const owner = owners.get(type);
  // A programming error, not a user's: the owning module was never loaded.
  if (!owner) throw new Error(`No module has registered signing subjects of type "${type}".`);
  return owner;
}

/** The subject, or null; tenancy is the owner's query's first condition. */
export const loadSubject = (db: DbOrTx, type: SubjectType, schoolId: string, id: string) =>
  ownerOf(type).load(db, schoolId, id);
