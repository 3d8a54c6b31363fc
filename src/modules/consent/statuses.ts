/**
 * Where pupils stand, purpose by purpose: the history and the restrictions read in two queries,
 * then status.ts for each pupil and purpose. The collection view, the photo check, the class
 * sheet and the export all come through here, so they cannot disagree.
 */
import type { DbOrTx } from "../../db/client.js";
import type { consentPurposes } from "../../db/schema.js";
import { factOf, factsFor, type RestrictionRow, restrictionsFor } from "./queries.js";
import { type AnswerFact, type Status, statusOf } from "./status.js";

type Purpose = Pick<typeof consentPurposes.$inferSelect, "id" | "key" | "name" | "basis">;

export type PupilStatuses = {
  restriction: RestrictionRow | null;
  /** In the purposes' order. */
  statuses: (Status & { key: string; name: string; basis: Purpose["basis"] })[];
  /** Someone has answered at least one purpose. */
  answered: boolean;
};

export async function statusesFor(
  db: DbOrTx,
  schoolId: string,
  pupilIds: string[],
  purposes: Purpose[],
): Promise<Map<string, PupilStatuses>> {
  const [answers, restrictions] = await Promise.all([
    factsFor(
      db,
      schoolId,
      pupilIds,
      purposes.map((p) => p.id),
    ),
    restrictionsFor(db, schoolId, pupilIds),
  ]);
  const facts = new Map<string, AnswerFact[]>();
  for (const a of answers) {
    const k = `${a.pupil_id}:${a.purpose_id}`;
    const list = facts.get(k) ?? [];
    list.push(factOf(a));
    facts.set(k, list);
  }
  const answeredPupils = new Set(answers.map((a) => a.pupil_id));
  const result = new Map<string, PupilStatuses>();
  for (const pupilId of pupilIds) {
    const restriction = restrictions.get(pupilId) ?? null;
    result.set(pupilId, {
      restriction,
      answered: answeredPupils.has(pupilId),
      statuses: purposes.map((p) => ({
        key: p.key,
        name: p.name,
        basis: p.basis,
        ...statusOf(p.basis, facts.get(`${pupilId}:${p.id}`) ?? [], restriction?.at ?? null),
      })),
    });
  }
  return result;
}

export const statusView = (s: PupilStatuses["statuses"][number]) => ({
  key: s.key,
  name: s.name,
  basis: s.basis,
  status: s.status,
  reason: s.reason,
  since: s.since?.toISOString() ?? null,
});
