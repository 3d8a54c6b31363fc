import i18n from "../i18n";

// Accord serves UK schools: every date and time is shown in Europe/London, whatever the
// browser's own time zone, so a timestamp reads the same for everyone in the school.
const timeZone = "Europe/London";

function locale(): string {
  return i18n.language || "en-GB";
}

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A plain calendar date (YYYY-MM-DD) has no time zone: pin it to midday UTC so it never
  // slips to the previous or next day when shown in London.
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]), 12));
  return new Date(value);
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale(), {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(toDate(value));
}

/** A short date for tables and badges, e.g. "3 Sep 2026". */
export function formatShortDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale(), {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(toDate(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(locale(), {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(toDate(value));
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
