/**
 * Dates as UK schools write them in policy documents: "01/09/2023", "1st September 2023",
 * "Sept 2023", "Autumn term 2023", sometimes in Welsh ("Medi 2023"). Always day-first when numeric.
 * A date without a day means the first of that month.
 */

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  // Welsh, because many of the schools using Accord write their policies in Welsh.
  ionawr: 1,
  chwefror: 2,
  mawrth: 3,
  ebrill: 4,
  mai: 5,
  mehefin: 6,
  gorffennaf: 7,
  awst: 8,
  medi: 9,
  hydref: 10,
  tachwedd: 11,
  rhagfyr: 12,
};

/** Longest names first so "september" wins over "sep". */
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** School terms start roughly in these months; a term date is read as the first of that month. */
const TERMS: Record<string, number> = { autumn: 9, spring: 1, summer: 4 };

type DateMatch = { iso: string; index: number; length: number };
type Reader = { pattern: RegExp; read: (m: RegExpExecArray) => string | null };

const READERS: Reader[] = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => isoDate(+m[1], +m[2], +m[3]) },
  {
    pattern: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g,
    read: (m) => isoDate(fullYear(m[3]), +m[2], +m[1]),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => isoDate(+m[3], monthNumber(m[2]), +m[1]),
  },
  {
    pattern: new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => isoDate(+m[3], monthNumber(m[1]), +m[2]),
  },
  {
    pattern: new RegExp(`\\b(${MONTH})\\.?,?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => isoDate(+m[2], monthNumber(m[1]), 1),
  },
  {
    pattern: /\b(autumn|spring|summer)(?:\s+term)?\s+(\d{4})\b/gi,
    read: (m) => isoDate(+m[2], TERMS[m[1].toLowerCase()], 1),
  },
  { pattern: /(?<![\d/.])\b(\d{1,2})[/.](\d{4})\b/g, read: (m) => isoDate(+m[2], +m[1], 1) },
];

/** The first date written anywhere in `text`, where it is and how long it is. */
export function findUkDate(text: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const { pattern, read } of READERS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const iso = read(m);
      if (!iso) continue;
      const found = { iso, index: m.index, length: m[0].length };
      // Earliest wins; at the same place the longer reading is the more complete one.
      if (!best || found.index < best.index || (found.index === best.index && found.length > best.length))
        best = found;
      break;
    }
  }
  return best;
}

/** "Sept 2023" → "2023-09-01"; null when no date can be read. */
export function normaliseUkDate(text: string): string | null {
  return findUkDate(text)?.iso ?? null;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase()] ?? 0;
}

/** Two-digit years in school documents are this century. */
function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
