import { type SQL, sql } from "drizzle-orm";

/**
 * How a person's name is written. Some people have one name only (many cultures, and some
 * staff records): the family name is then empty, and no stray space is left behind.
 */
export function fullName(p: { givenName: string; familyName: string; preferredName?: string | null }) {
  return [p.preferredName ?? p.givenName, p.familyName].filter(Boolean).join(" ");
}

/** The same rule in SQL, for lists built by the database. */
export function fullNameSql(given: SQL | unknown, family: SQL | unknown): SQL<string> {
  return sql<string>`concat_ws(' ', ${given}, nullif(${family}, ''))`;
}

/** A person's name from a `people` row in a query, by its alias: the preferred name if they have one. */
export const personNameSql = (alias: string) =>
  fullNameSql(
    sql.raw(`coalesce(${alias}.preferred_name, ${alias}.given_name)`),
    sql.raw(`${alias}.family_name`),
  );

/** "Ada Okafor" → Ada / Okafor; a single name ("Ngozi") is a given name with no family name. */
export function splitName(name: string) {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { givenName: parts[0], familyName: "" };
  return { givenName: parts.slice(0, -1).join(" "), familyName: parts[parts.length - 1] };
}
