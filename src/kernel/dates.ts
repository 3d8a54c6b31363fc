import { z } from "zod";

// Formatters are built once: building one (what toLocaleString does on every call) costs far
// more than formatting, and some of these run on every signature.
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
const londonLong = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  dateStyle: "full",
  timeStyle: "short",
});

/** Dates as the school lives them: calendar days in Europe/London, as YYYY-MM-DD strings. */
export const todayInLondon = (at: Date = new Date()) => londonDay.format(at);

/** A moment as a reader in the school sees it: "Friday 27 November 2026 at 09:15". */
export const londonDateTime = (at: Date) => londonLong.format(at);

export function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day: 31 March less a month is 28 February. */
export function addMonths(iso: string, months: number) {
  const [y, m, day] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The years a school's dates fall in: a date of birth or a policy's first adoption reaches back to
 * 1900, a review or an expiry no further forward than 2199. Outside them a date is a typing slip,
 * and PostgreSQL refuses some of them outright (there is no year 0000): refused here as a field error.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;
const yearInRange = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};
const OUT_OF_RANGE = `Give a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}.`;

/** A calendar date in requests: the shape, a day that exists (no 30 February), in a sane year. */
export const isoDate = z
  .string()
  // abort: a date that is not YYYY-MM-DD gets one message, not a second "does not exist".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-09-01.", abort: true })
  .refine(yearInRange, { message: OUT_OF_RANGE, abort: true })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "That date does not exist.",
  );

/** A moment in requests (ISO 8601 with an offset), in the same sane years as a date. */
export const isoMoment = (message = "Give a date and time, e.g. 2026-11-30T14:05:00Z.") =>
  z.iso.datetime({ offset: true, message, abort: true }).refine(yearInRange, OUT_OF_RANGE);

/**
 * The last day of the school term a day falls in, holiday after it included, as bounds every UK
 * school's own dates sit inside: autumn to 31 December, spring to 30 April (Easter moves), summer
 * to 31 August (the academic year's end).
 */
export function endOfTerm(iso: string) {
  const [year, month] = iso.split("-").map(Number);
  if (month >= 9) return `${year}-12-31`;
  if (month <= 4) return `${year}-04-30`;
  return `${year}-08-31`;
}

/**
 * The last moment of a London calendar day (23:59:59.999, in summer or winter time): shown as
 * "until 31 December, 23:59", never as the next day's midnight.
 */
export function endOfLondonDay(iso: string) {
  const next = addDays(iso, 1);
  // Midnight UTC of the next day, moved back by London's offset then (0 or 1 hour).
  const utcMidnight = new Date(`${next}T00:00:00Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(
      utcMidnight,
    ),
  );
  return new Date(utcMidnight.getTime() - londonHour * 3600_000 - 1);
}

/**
 * A link emailed to a parent lasts until the end of the day they were asked to answer by, and
 * never less than a fortnight: long enough for a busy family, short enough to stay safe.
 */
const MIN_LINK_DAYS = 14;

export function linkExpiry(dueDate: string | null, now = new Date()) {
  const minimum = new Date(now.getTime() + MIN_LINK_DAYS * 86_400_000);
  if (!dueDate) return minimum;
  const due = endOfLondonDay(dueDate);
  return due > minimum ? due : minimum;
}
