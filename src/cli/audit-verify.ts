import type { Db } from "../db/client.js";
import { schools } from "../db/schema.js";
import { chainHeadOf, verifyChain } from "../modules/audit/service.js";

/**
 * Every school's chain, checked. `expect` holds hashes kept elsewhere (printed by `accord audit
 * head`); a school's chain must still contain its hash, which catches a chain rewritten together
 * with its head (decision 028).
 */
export async function verifyAllSchools(db: Db, expect: string[] = []) {
  const all = await db.select({ id: schools.id, name: schools.name }).from(schools).orderBy(schools.name);
  const results = [];
  for (const s of all) {
    // A hash kept elsewhere names its school by being in its chain; with one school, it must be.
    const expectHash = all.length === 1 ? expect[0] : undefined;
    results.push({ school: s.name, schoolId: s.id, ...(await verifyChain(db, s.id, { expectHash })) });
  }
  if (all.length > 1 && expect.length > 0) {
    for (const hash of expect) {
      let found = false;
      for (const r of results) {
        if (!r.ok) continue;
        const check = await verifyChain(db, r.schoolId, { expectHash: hash });
        if (check.ok) found = true;
      }
      if (!found)
        results.push({
          school: "(hash kept elsewhere)",
          schoolId: "",
          ok: false as const,
          events: 0,
          firstBrokenId: null,
          reason: `No school's chain has the hash ${hash}: a chain was rewritten or cut back.`,
        });
    }
  }
  return results;
}

export function describeVerify(results: Awaited<ReturnType<typeof verifyAllSchools>>) {
  const lines = results.map((r) =>
    r.ok
      ? `${r.school}: ok, ${r.events} events, head ${r.head.seq} ${r.head.hash}`
      : `${r.school}: BROKEN ${r.firstBrokenId ? `at event ${r.firstBrokenId} ` : ""}(after ${r.events} good events): ${r.reason}`,
  );
  if (results.length === 0) lines.push("No schools yet.");
  return lines;
}

/** Each school's head: the line to keep somewhere else (printed, emailed, in the governors' minutes). */
export async function chainHeads(db: Db) {
  const all = await db.select({ id: schools.id, name: schools.name }).from(schools).orderBy(schools.name);
  const lines = [];
  for (const s of all) {
    const head = await chainHeadOf(db, s.id);
    lines.push(
      `${s.name}: event ${head?.seq ?? 0}, hash ${head?.hash ?? "(no events)"}, at ${new Date().toISOString()}`,
    );
  }
  return lines;
}
