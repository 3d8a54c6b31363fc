import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../../modules/incidents/schema";
import enGB from "../../i18n/locales/en-GB.json";
import { CATEGORIES_BY_AREA, routedToWords } from "./labels";

// The English strings, looked up as i18next would (no plurals needed here).
const t = ((key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], enGB) ??
  key) as unknown as TFunction;

describe("who a report went to, in words", () => {
  it("names the DSL and deputies as one team, then anyone else", () => {
    expect(routedToWords(t, ["dsl", "deputy_dsl"])).toEqual([
      "the designated safeguarding lead and deputies",
    ]);
    expect(routedToWords(t, ["dpo", "dsl", "deputy_dsl"])).toEqual([
      "the designated safeguarding lead and deputies",
      "the data protection officer",
    ]);
    expect(routedToWords(t, ["chair_of_governors"])).toEqual(["the chair of governors"]);
  });
});

describe("the report form's categories", () => {
  it("shows every category once, under its area", () => {
    const shown = CATEGORIES_BY_AREA.flatMap((a) => a.categories);
    expect([...shown].sort()).toEqual([...CATEGORIES].sort());
  });
});
