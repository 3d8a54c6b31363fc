import type { Person } from "./types";

/** What a person does: a job title for staff, a year and class for a pupil. */
export function roleOrClass(person: Person): string {
  if (person.kinds.includes("pupil")) return [person.yearGroup, person.regGroup].filter(Boolean).join(" · ");
  return [person.jobTitle, person.department].filter(Boolean).join(" · ");
}
