/**
 * What changed between the statements someone signed and the ones in force now: statements that
 * are new (or reworded) and statements no longer there. Order changes alone are not changes.
 */
export function statementChanges(before: string[], after: string[]) {
  const normalise = (s: string) => s.trim().replace(/\s+/g, " ");
  const old = new Set(before.map(normalise));
  const now = new Set(after.map(normalise));
  return {
    added: after.filter((s) => !old.has(normalise(s))),
    removed: before.filter((s) => !now.has(normalise(s))),
  };
}
