import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, id } from "../../db/columns.js";
import { people } from "../people/tables.js";
import { schools, trusts } from "../schools/tables.js";

/**
 * A trust role held by a person of one of the trust's schools (their own school keeps their
 * record, sign-in and school roles). `school_id` is that school, so the row is the school's like
 * every other; `trust_id` says which trust the role is for.
 */
export const trustRoles = pgTable(
  "trust_roles",
  {
    id: id(),
    trustId: uuid("trust_id")
      .notNull()
      .references(() => trusts.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** access/roles.ts TRUST_ROLES */
    role: text("role").notNull(),
    assignedAt: at("assigned_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("trust_roles_person_role_idx").on(t.personId, t.role),
    index("trust_roles_trust_idx").on(t.trustId),
  ],
);
