/**
 * Where a concern goes, and who is next when nobody opens it (decision 016).
 *
 * - About a child: the DSL and deputies, at once.
 * - Filtering: the online-safety lead and the DSL.
 * - Data loss or breach: the DPO (the 72-hour clock runs from "became aware").
 * - A lost or stolen device: the DPO (it may hold personal data) and the network manager.
 * - An allegation about an adult working in the school (a subject is named, or staff misuse):
 *   the headteacher; about the headteacher, the chair of governors. (KCSIE part four.)
 * Unopened within the school's threshold (school hours), it escalates one step up the chain.
 */
import type { Role } from "../access/roles.js";
import type { Category } from "./schema.js";

const CHILD: Role[] = ["dsl", "deputy_dsl"];

export function routeFor(category: Category, allegation: { aboutHeadteacher: boolean } | null): Role[] {
  if (allegation) return allegation.aboutHeadteacher ? ["chair_of_governors"] : ["headteacher"];
  switch (category) {
    case "filtering_breach":
      return ["online_safety_lead", "dsl"];
    case "data_breach":
      return ["dpo"];
    case "lost_or_stolen_device":
      return ["dpo", "network_manager"];
    case "staff_misuse":
      return ["headteacher"];
    default:
      return CHILD;
  }
}

/** The steps after the first routing, in order; each is tried when the one before did not open it. */
export function escalationChain(routed: readonly Role[]): Role[][] {
  if (routed.includes("chair_of_governors")) return [];
  if (routed.includes("headteacher")) return [["chair_of_governors"]];
  if (routed.includes("dpo")) return [["headteacher"], ["chair_of_governors"]];
  if (routed.includes("online_safety_lead")) return [["deputy_dsl"], ["headteacher"], ["chair_of_governors"]];
  return [["headteacher"], ["chair_of_governors"]];
}

/** The regulator's deadline: 72 hours from becoming aware, whatever the day or the clocks do. */
export const icoDeadlineOf = (awareAt: Date) => new Date(awareAt.getTime() + 72 * 3_600_000);

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** School hours: Monday to Friday, 08:00 to 18:00 in London. */
export function inSchoolHours(at: Date) {
  const parts = Object.fromEntries(londonParts.formatToParts(at).map((p) => [p.type, p.value]));
  if (parts.weekday === "Sat" || parts.weekday === "Sun") return false;
  const hour = Number(parts.hour);
  return hour >= 8 && hour < 18;
}

/**
 * Minutes of school hours between two moments, counted in five-minute steps (the sweep runs each
 * minute; a threshold is at least 15 minutes). A concern reported at 17:50 on a Friday with a
 * one-hour threshold escalates at 08:50 on Monday.
 */
export function schoolMinutesBetween(from: Date, to: Date) {
  const STEP = 5 * 60_000;
  let minutes = 0;
  // At most four weeks are walked: beyond that, an unopened incident has long escalated.
  const end = Math.min(to.getTime(), from.getTime() + 28 * 86_400_000);
  for (let t = from.getTime(); t + STEP <= end; t += STEP) if (inSchoolHours(new Date(t))) minutes += 5;
  return minutes;
}
