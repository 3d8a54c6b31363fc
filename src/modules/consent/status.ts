/**
 * Where a pupil stands for one purpose, worked out from the whole history of answers. Pure, so a
 * property test can throw any history at it (status.test.ts).
 *
 * The rule (the UK regulator's position, PRODUCT.md capability 3): silence is never consent.
 * - A consent purpose is "no" until someone entitled to answer says yes; a public-task purpose
 *   is "yes" until someone objects.
 * - Each answerer's newest answer counts (a carer, the pupil past the school's age, or the office
 *   recording a call with no carer named); the answers are combined restrictively, so a single
 *   "no" stands against any number of yeses.
 * - The DSL's restriction overrides every answer.
 */
import type { Answer, Basis, Reason } from "./schema.js";

export type AnswerFact = {
  /** Who answered: `carer:<id>`, `pupil`, or `school` (staff recorded it without naming a carer). */
  answerer: string;
  answer: Answer;
  at: Date;
};

export type Status = { status: Answer; reason: Reason; since: Date | null };

/** `answers` in any order; `restrictedSince` when the DSL's restriction is in force. */
export function statusOf(basis: Basis, answers: readonly AnswerFact[], restrictedSince: Date | null): Status {
  if (restrictedSince) return { status: "no", reason: "restricted", since: restrictedSince };
  const byAnswerer = new Map<string, AnswerFact[]>();
  for (const a of [...answers].sort((x, y) => x.at.getTime() - y.at.getTime())) {
    const list = byAnswerer.get(a.answerer) ?? [];
    list.push(a);
    byAnswerer.set(a.answerer, list);
  }
  const latest = [...byAnswerer.values()].map((list) => list[list.length - 1]);
  if (latest.length === 0)
    return basis === "consent"
      ? { status: "no", reason: "no_answer", since: null }
      : { status: "yes", reason: "no_objection", since: null };

  const noes = latest.filter((a) => a.answer === "no");
  const newest = (list: AnswerFact[]) => new Date(Math.max(...list.map((a) => a.at.getTime())));
  if (noes.length === 0) return { status: "yes", reason: "answered", since: newest(latest) };
  // Someone said yes and someone else no: the no stands, and the school is told (answers.ts).
  if (noes.length < latest.length) return { status: "no", reason: "disagreement", since: newest(latest) };
  if (basis === "public_task") return { status: "no", reason: "objected", since: newest(noes) };
  // A no after the same answerer's yes is a withdrawal: images already used must come down.
  const withdrawals = noes.filter((n) => byAnswerer.get(n.answerer)?.some((a) => a.answer === "yes"));
  if (withdrawals.length > 0) return { status: "no", reason: "withdrawn", since: newest(withdrawals) };
  return { status: "no", reason: "answered", since: newest(noes) };
}

/** The plain sentence parents read beside a purpose, saying what its basis means for them. */
export function basisText(basis: Basis) {
  return basis === "consent"
    ? "We will only do this if you say yes. If you do not answer, the answer is no."
    : "This is part of the school's work, so we will do it unless you object. You can object at any time.";
}

/** The exact words a carer answers: what the purpose is, and what their silence means. */
export function wordingOf(p: {
  name: string;
  description: string;
  basis: Basis;
  justification: string | null;
}) {
  const why = p.basis === "public_task" && p.justification ? ` ${p.justification}` : "";
  return `${p.name}. ${p.description}${why} ${basisText(p.basis)}`;
}
