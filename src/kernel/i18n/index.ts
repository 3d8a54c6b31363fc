import { readdirSync, readFileSync } from "node:fs";
import { londonDateTime } from "../dates.js";

/**
 * What the server says, in the reader's language (decision 038). Every sentence the server sends
 * (a problem's detail, a field error, an email, a PDF) is written as a `msg` template: the
 * English is both the text and the key of its Welsh twin in `cy/*.json`, with `{0}`, `{1}`… where
 * the values go. `i18n.test.ts` reads every `msg` template in the source and fails when one lacks its
 * Welsh form or the two disagree in placeholders, so nothing reaches a Welsh reader in English.
 */
export const LANGUAGES = ["en-GB", "cy"] as const;
export type Language = (typeof LANGUAGES)[number];
/** Who reads it: one language, or both where the reader's language is not known (Welsh first). */
export type Readers = Language | "bilingual";

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

export type Message = {
  readonly kind: "message";
  /** The English with `{n}` placeholders: the catalog key. */
  readonly template: string;
  readonly params: readonly MessageParam[];
  /** What a Welsh reader gets when the catalog has no twin for `template` (text from a library). */
  readonly welshFallback?: Message;
};
/** A value in a message: words, a number, another message, or a date written the reader's way. */
export type MessageParam = string | number | Message | { date: Date } | { dateTime: Date } | null | undefined;

export function msg(strings: TemplateStringsArray, ...params: MessageParam[]): Message {
  let template = strings[0];
  for (let i = 0; i < params.length; i++) template += `{${i}}${strings[i + 1]}`;
  return { kind: "message", template, params };
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && (value as Message).kind === "message";

/**
 * A message read from somewhere else (a field error zod wrote, an English string from a library):
 * shown as it is in English and through the catalog in Welsh, when the catalog knows it.
 */
export const verbatim = (english: string, welshFallback?: Message): Message => ({
  kind: "message",
  template: english,
  params: [],
  welshFallback,
});

const catalogDir = new URL("./cy/", import.meta.url);

/** Every Welsh catalog file, merged: one file a module, so modules add their own without clashes. */
export const welshCatalog: ReadonlyMap<string, string> = (() => {
  const entries = new Map<string, string>();
  for (const file of readdirSync(catalogDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const data = JSON.parse(readFileSync(new URL(file, catalogDir), "utf8")) as Record<string, string>;
    for (const [english, welsh] of Object.entries(data)) entries.set(english, welsh);
  }
  return entries;
})();

function fill(template: string, params: readonly MessageParam[], language: Language): string {
  return template.replace(/\{(\d+)\}/g, (whole, n) => {
    if (Number(n) >= params.length) return whole;
    const value = params[Number(n)];
    if (value === null || value === undefined) return "";
    if (isMessage(value)) return say(language, value);
    if (typeof value === "object" && "date" in value) return dateIn(language, value.date);
    if (typeof value === "object" && "dateTime" in value) return dateIn(language, value.dateTime, true);
    if (typeof value === "number") return value.toLocaleString(language === "cy" ? "cy-GB" : "en-GB");
    return value;
  });
}

/** The message in one language. A Welsh form missing at run time falls back to the English. */
export function say(language: Language, message: Message | string): string {
  const m = typeof message === "string" ? verbatim(message) : message;
  if (language === "cy" && m.welshFallback && !welshCatalog.has(m.template))
    return say("cy", m.welshFallback);
  const template = language === "cy" ? (welshCatalog.get(m.template) ?? m.template) : m.template;
  return fill(template, m.params, language);
}

/** For readers of one language that text; for unknown readers the Welsh and then the English. */
export function sayTo(readers: Readers, message: Message | string, separator = " / "): string {
  if (readers !== "bilingual") return say(readers, message);
  const welsh = say("cy", message);
  const english = say("en-GB", message);
  return welsh === english ? english : `${welsh}${separator}${english}`;
}

/**
 * An email's subject and body for its readers. A bilingual email carries the whole Welsh text,
 * then the whole English text, so each reader reads one language straight through.
 */
export function mailFor(
  readers: Readers,
  subject: Message,
  lines: readonly (Message | string)[],
): { subject: string; text: string } {
  const body = (language: Language) => lines.map((line) => say(language, line)).join("\n");
  if (readers !== "bilingual") return { subject: say(readers, subject), text: body(readers) };
  return {
    subject: sayTo("bilingual", subject),
    text: `${body("cy")}\n\n------------------------------\n\n${body("en-GB")}`,
  };
}

/**
 * The reader's language from an HTTP Accept-Language header: the web app sends the language its
 * screen shows; a first preference of Welsh (cy, cy-GB…) means Welsh, anything else English.
 */
export function languageFromHeader(header: string | undefined): Language {
  const first = header?.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ?? "";
  return first === "cy" || first.startsWith("cy-") ? "cy" : "en-GB";
}

/**
 * A date as a reader of that language writes it, in school time: "3 December 2026", "3 Rhagfyr
 * 2026"; with the time, "Thursday 3 December 2026 at 14:05", "Dydd Iau 3 Rhagfyr 2026 am 14:05".
 * Node carries no Welsh date names (decision 009): the British order with Welsh names.
 */
const WELSH_MONTHS = [
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
];
const WELSH_DAYS = [
  "Dydd Sul",
  "Dydd Llun",
  "Dydd Mawrth",
  "Dydd Mercher",
  "Dydd Iau",
  "Dydd Gwener",
  "Dydd Sadwrn",
];
const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const londonNumbers = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", month: "numeric" });
const ENGLISH_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function dateIn(language: Language, date: Date, withTime = false): string {
  const p = Object.fromEntries(londonParts.formatToParts(date).map((x) => [x.type, x.value]));
  const welsh = language === "cy";
  const month = welsh ? WELSH_MONTHS[Number(londonNumbers.format(date)) - 1] : p.month;
  const day = `${p.day} ${month} ${p.year}`;
  if (!withTime) return day;
  // English exactly as the rest of Accord writes a moment (kernel/dates.ts), so both agree.
  if (!welsh) return londonDateTime(date);
  const weekday = welsh ? WELSH_DAYS[ENGLISH_DAYS.indexOf(p.weekday)] : p.weekday;
  return `${weekday} ${day} am ${p.hour}:${p.minute}`;
}
