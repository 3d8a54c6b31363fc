import { describe, expect, it } from "vitest";
import { DEFAULT_TYPES } from "../requests/types.js";
import { dutiesIn, dutiesOfStatements } from "./duties.js";

// Invented statements in the shapes acceptable-use agreements use; none is copied from a real policy.
describe("statements that become duties", () => {
  it.each([
    [
      "I will not install any program on a school laptop without the permission of the network manager.",
      "network_manager",
      "install",
    ],
    [
      "I will only use my own phone to take photographs of pupils with the prior agreement of the headteacher.",
      "headteacher",
      "photos_personal_device",
    ],
    [
      "Staff must not take pupil records off site on a memory stick unless this has been agreed with their line manager.",
      "line_manager",
      "data_off_site",
    ],
    [
      "I will not open a social media account in the school's name without approval from the Head Teacher.",
      "headteacher",
      "social_media_account",
    ],
    [
      "I will only sign the school up to a new website or app once it has been approved by the DPO.",
      "dpo",
      "online_service",
    ],
    [
      "I will not use video conferencing with pupils unless it is authorised by a member of the senior leadership team.",
      "slt",
      "video_conferencing",
    ],
    [
      "I will seek permission from the DSL before discussing a disclosure with colleagues outside the safeguarding team.",
      "dsl",
      null,
    ],
  ])("%s → asks the %s (type %s)", (statement, approverRole, requestTypeKey) => {
    expect(dutiesIn(statement)).toContainEqual({ kind: "ask_permission", approverRole, requestTypeKey });
  });

  it("names only request types a school starts with", () => {
    const keys = new Set(DEFAULT_TYPES.map((t) => t.key));
    const statements = [
      "I will not install any program without the permission of the network manager.",
      "I will only post pictures of the sports day with approval from the headteacher.",
      "I will use my mobile phone in class only with the permission of my line manager.",
      "I will only set up remote access to my work computer when authorised by the IT team.",
      "I will not show controversial material unless it is agreed with the headteacher beforehand.",
      "I will not create a WhatsApp group for parents without the permission of the headteacher.",
    ];
    for (const s of statements) {
      const [duty] = dutiesIn(s);
      expect(duty?.kind, s).toBe("ask_permission");
      if (duty?.kind === "ask_permission") expect(keys.has(duty.requestTypeKey ?? ""), s).toBe(true);
    }
  });

  it("does not take consent from parents, or a head of department, for an approver the school assigns", () => {
    expect(dutiesIn("I will not share images of pupils online without their parents' consent.")).toEqual([]);
    expect(dutiesIn("I will not lend equipment without the agreement of the head of department.")).toEqual(
      [],
    );
    // "it support" in lower case is ordinary English, not the IT team.
    expect(dutiesIn("I will ask permission before I make it support a new browser.")).toEqual([]);
  });

  it("links statements about reporting to the concern form", () => {
    for (const s of [
      "I will report any concern about a pupil's safety to the DSL straight away.",
      "If I see anything online that upsets me I will tell a teacher.",
      "Staff must report misuse of school systems to the headteacher.",
      "Any safeguarding incident will be reported without delay.",
    ]) {
      expect(dutiesIn(s), s).toContainEqual({ kind: "report_concern" });
    }
  });

  it("links statements about giving equipment back to the leaver checklist", () => {
    for (const s of [
      "I will return all school equipment when I leave the school.",
      "When my employment ends I will hand back my laptop, ID badge and keys.",
      "Pupils must give back their tablets at the end of the loan.",
    ]) {
      expect(dutiesIn(s), s).toContainEqual({ kind: "return_equipment" });
    }
  });

  it("finds nothing in promises that ask nobody for anything", () => {
    for (const s of [
      "I will keep my password private.",
      "I will be polite and respectful online.",
      "I understand that I will be asked to sign this agreement again each year.",
      "I will only use school devices for school work.",
    ]) {
      expect(dutiesIn(s), s).toEqual([]);
    }
  });

  it("gives each statement's duties by position, leaving out those with none", () => {
    const found = dutiesOfStatements([
      "I will keep my password private.",
      "I will report any concern to the DSL.",
      "I will return all equipment when I leave.",
    ]);
    expect(found.map((f) => f.index)).toEqual([1, 2]);
    expect(found[0].duties).toContainEqual({ kind: "report_concern" });
    expect(found[1].duties).toEqual([{ kind: "return_equipment" }]);
  });
});
