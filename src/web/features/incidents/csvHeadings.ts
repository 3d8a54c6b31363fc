/** The first line of a CSV, split into headings (quoted headings may hold commas). */
export function csvHeadings(csv: string): string[] {
  const line = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ";" : ",";
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      out.push(field.trim());
      field = "";
    } else {
      field += c;
    }
  }
  out.push(field.trim());
  return out.filter(Boolean);
}

export const ALERT_FIELDS = ["device", "user", "time", "capture", "severity"] as const;
export type AlertField = (typeof ALERT_FIELDS)[number];

// Words monitoring products (Smoothwall, Securly, Senso, Impero…) use in their export headings.
const guesses: Record<AlertField, RegExp> = {
  device: /device|machine|computer|host/i,
  user: /user|login|account|pupil|student/i,
  time: /time|date|when/i,
  capture: /capture|phrase|keyword|url|site|text|violation|content/i,
  severity: /severity|risk|level|priority/i,
};

/** A first guess at which heading holds each field; each heading used once. */
export function guessMapping(headings: string[]): Partial<Record<AlertField, string>> {
  const used = new Set<string>();
  const mapping: Partial<Record<AlertField, string>> = {};
  for (const field of ALERT_FIELDS) {
    const found = headings.find((h) => !used.has(h) && guesses[field].test(h));
    if (found) {
      mapping[field] = found;
      used.add(found);
    }
  }
  return mapping;
}
