import type { Audience } from "./types";

/** The kind of person each audience is (as the people directory names kinds). */
export const audienceKind: Record<Audience, string> = {
  staff: "staff",
  governors: "governor",
  visitors: "visitor",
  volunteers: "volunteer",
  student_teachers: "student_teacher",
  parents: "parent",
  pupils: "pupil",
};
