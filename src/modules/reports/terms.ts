import { addDays, endOfTerm } from "../../kernel/dates.js";

/**
 * School terms as Accord reckons them for reports: the bounds endOfTerm (kernel/dates.ts) already
 * uses, holidays included, so every UK school's own dates sit inside one term: autumn 1 September
 * to 31 December, spring 1 January to 30 April (Easter moves), summer 1 May to 31 August.
 * A term is named as API.md names it: "2026-autumn", "2027-spring" (the calendar year it falls in).
 */
export const SEASONS = ["autumn", "spring", "summer"] as const;
export type Season = (typeof SEASONS)[number];
export type Term = { name: string; season: Season; year: number; from: string; to: string };

export const TERM_PATTERN = /^(\d{4})-(autumn|spring|summer)$/;

export function termNamed(name: string): Term {
  const m = TERM_PATTERN.exec(name);
  if (!m) throw new Error(`Not a term: ${name}`);
  const year = Number(m[1]);
  const season = m[2] as Season;
  const from =
    season === "autumn" ? `${year}-09-01` : season === "spring" ? `${year}-01-01` : `${year}-05-01`;
  return { name, season, year, from, to: endOfTerm(from) };
}

/** The term a calendar day (YYYY-MM-DD) falls in. */
export function termOf(iso: string): Term {
  const [year, month] = iso.split("-").map(Number);
  const season: Season = month >= 9 ? "autumn" : month <= 4 ? "spring" : "summer";
  return termNamed(`${year}-${season}`);
}

/** The term before: the day before this one began falls in it. */
export const previousTerm = (term: Term) => termOf(addDays(term.from, -1));

/** `count` terms ending with `last`, oldest first: three make a school year. */
export function termsEndingWith(last: Term, count: number): Term[] {
  const terms = [last];
  while (terms.length < count) terms.unshift(previousTerm(terms[0]));
  return terms;
}
