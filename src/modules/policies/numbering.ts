/**
 * Policy versions are numbered major.minor as schools number them: 2.8 → 2.9 for a revision,
 * 3.0 for a rewrite. A tenth revision rolls over to the next major number (2.9 → 3.0), because a
 * "2.10" reads as 2.1 to most people.
 */
export type VersionNumber = { major: number; minor: number };

export function nextNumber(current: VersionNumber | null, bump: "minor" | "major"): VersionNumber {
  if (!current) return { major: 1, minor: 0 };
  if (bump === "major" || current.minor >= 9) return { major: current.major + 1, minor: 0 };
  return { major: current.major, minor: current.minor + 1 };
}

export const formatNumber = (v: VersionNumber) => `${v.major}.${v.minor}`;

export function parseNumber(text: string): VersionNumber | null {
  const m = /^(\d{1,3})\.(\d)$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}
