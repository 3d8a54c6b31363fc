import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Basis } from "./schema.js";
import { type AnswerFact, statusOf } from "./status.js";

const at = (day: number) => new Date(Date.UTC(2026, 8, 1 + day));
const fact = (answerer: string, answer: Answer, day: number): AnswerFact => ({
  answerer,
  answer,
  at: at(day),
});

describe("a pupil's consent status for one purpose", () => {
  it("is no for a consent purpose until someone says yes: silence is never consent", () => {
    expect(statusOf("consent", [], null)).toEqual({ status: "no", reason: "no_answer", since: null });
  });

  it("is yes for a public-task purpose until someone objects", () => {
    expect(statusOf("public_task", [], null)).toEqual({ status: "yes", reason: "no_objection", since: null });
    expect(statusOf("public_task", [fact("carer:a", "no", 3)], null)).toEqual({
      status: "no",
      reason: "objected",
      since: at(3),
    });
  });

  it("lets the more restrictive of two carers stand, and says they disagree", () => {
    const s = statusOf("consent", [fact("carer:mum", "yes", 1), fact("carer:dad", "no", 2)], null);
    expect(s).toEqual({ status: "no", reason: "disagreement", since: at(2) });
  });

  it("counts only each carer's newest answer", () => {
    expect(statusOf("consent", [fact("carer:a", "no", 1), fact("carer:a", "yes", 2)], null).status).toBe(
      "yes",
    );
  });

  it("calls a no after the same carer's yes a withdrawal, from the day it was given", () => {
    expect(statusOf("consent", [fact("carer:a", "yes", 1), fact("carer:a", "no", 5)], null)).toEqual({
      status: "no",
      reason: "withdrawn",
      since: at(5),
    });
  });

  it("lets the DSL's restriction override every answer", () => {
    const s = statusOf("public_task", [fact("carer:a", "yes", 1), fact("carer:b", "yes", 2)], at(4));
    expect(s).toEqual({ status: "no", reason: "restricted", since: at(4) });
  });

  it("for any history: the newest answer per answerer, combined restrictively, then the restriction", () => {
    const history = fc.array(
      fc.record({
        answerer: fc.constantFrom("carer:a", "carer:b", "carer:c", "pupil", "school"),
        answer: fc.constantFrom<Answer>("yes", "no"),
        day: fc.integer({ min: 0, max: 1000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom<Basis>("consent", "public_task"),
        // Distinct days: two answers by one person at the same instant have no "newest".
        history.map((h) => h.map((a, i) => fact(a.answerer, a.answer, a.day * 100 + i))),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        (basis, answers, restrictedDay) => {
          const restricted = restrictedDay === null ? null : at(restrictedDay);
          const s = statusOf(basis, answers, restricted);
          // The model, written independently: replay the history in time order.
          const latest = new Map<string, Answer>();
          for (const a of [...answers].sort((x, y) => x.at.getTime() - y.at.getTime()))
            latest.set(a.answerer, a.answer);
          const values = [...latest.values()];
          const expected: Answer = restricted
            ? "no"
            : values.length === 0
              ? basis === "consent"
                ? "no"
                : "yes"
              : values.every((v) => v === "yes")
                ? "yes"
                : "no";
          expect(s.status).toBe(expected);
          if (restricted) expect(s.reason).toBe("restricted");
          // The answer does not depend on the order the history arrives in.
          expect(statusOf(basis, [...answers].reverse(), restricted)).toEqual(s);
        },
      ),
      { numRuns: 500 },
    );
  });
});
