// Dates in a given UI language, always in Europe/London. Kept free of i18next so it can be tested.

/** Accord serves UK schools: every date and time is shown in London time, whatever the browser's. */
export const timeZone = "Europe/London";

export type DateStyle = "long" | "short" | "dateTime";

const options: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  short: { day: "numeric", month: "short", year: "numeric" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
};

// Chromium's (and so Chrome's and Edge's) built-in locale data has no Welsh: Intl there falls back
// to English or to "2026 M09 3". Welsh dates share the British pattern ("3 Medi 2026, 13:00"), so
// Accord writes them from the British parts with the Welsh month names (CLDR's, as Firefox and
// Node give them), the same in every browser.
const welshMonths = {
  long: [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
  ],
  short: ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"],
};

export function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A plain calendar date (YYYY-MM-DD) has no time zone: pin it to midday UTC so it never
  // slips to the previous or next day when shown in London.
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]), 12));
  return new Date(value);
}

/** A date (or date and time) as people read it in `language` ("en-GB", "cy"), in London time. */
export function formatDateIn(language: string, style: DateStyle, value: string | Date): string {
  const date = toDate(value);
  const wanted = options[style];
  if (language !== "cy" && !language.startsWith("cy-")) {
    return new Intl.DateTimeFormat(language, { timeZone, ...wanted }).format(date);
  }
  const month = Number(new Intl.DateTimeFormat("en-GB", { timeZone, month: "numeric" }).format(date));
  const names = wanted.month === "long" ? welshMonths.long : welshMonths.short;
  return new Intl.DateTimeFormat("en-GB", { timeZone, ...wanted })
    .formatToParts(date)
    .map((part) => (part.type === "month" ? names[month - 1] : part.value))
    .join("");
}
