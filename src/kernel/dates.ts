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

/** A calendar date in requests: the shape, and a day that exists (no 30 February). */
export const isoDate = z
  .string()
  // abort: a date that is not YYYY-MM-DD gets one message, not a second "does not exist".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-09-01.", abort: true })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "That date does not exist.",
  );
