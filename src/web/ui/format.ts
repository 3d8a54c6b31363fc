import i18n from "../i18n";
import { formatDateIn, timeZone } from "./dates";

// Dates follow the language the person chose, and are always in Europe/London (see dates.ts).

function locale(): string {
  return i18n.language || "en-GB";
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  return formatDateIn(locale(), "long", value);
}

/** A short date for tables and badges, e.g. "3 Sep 2026" or "3 Medi 2026". */
export function formatShortDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  return formatDateIn(locale(), "short", value);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  return formatDateIn(locale(), "dateTime", value);
}

/** Today's date in London as YYYY-MM-DD, for date inputs. */
export function todayInLondon(): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
