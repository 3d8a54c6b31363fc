/**
 * School terms as the server reckons them for reports (src/modules/reports/terms.ts, decision 025):
 * autumn 1 September–31 December, spring 1 January–30 April, summer 1 May–31 August, each named
 * "2026-autumn" after the calendar year it falls in. Only what the pickers need: recent terms.
 */
const SEASONS = ["spring", "summer", "autumn"] as const;

function seasonIndex(month: number) {
  return month >= 9 ? 2 : month <= 4 ? 0 : 1;
}

/** Today's term and the ones before it, newest first: `count` names like "2026-autumn". */
export function recentTerms(count: number, today = new Date()): string[] {
  let year = today.getFullYear();
  let i = seasonIndex(today.getMonth() + 1);
  const names: string[] = [];
  while (names.length < count) {
    names.push(`${year}-${SEASONS[i]}`);
    i -= 1;
    if (i < 0) {
      i = 2;
      year -= 1;
    }
  }
  return names;
}
