import { describe, expect, it } from "vitest";
import { canonicalText, type SignableText, textSha256 } from "./canonical.js";

const base: SignableText = {
  title: "Staff acceptable use agreement",
  policyTitle: "Online safety policy",
  versionNumber: "2.9",
  statements: [
    "I will keep my passwords to myself.",
    "I will report anything worrying to the DSL the same day.\nThat includes things I see outside school hours.",
    "I understand that school devices are monitored.",
  ],
  declaration: "Rwy'n cytuno i ddilyn y rheolau hyn: ŵyr, ŷd.",
  choices: [
    { key: "photo", label: "My photo may be used for professional purposes", options: ["Agree", "Disagree"] },
  ],
};

describe("canonicalText", () => {
  it("lays the text out in the documented fixed form", () => {
    expect(canonicalText(base)).toBe(
      [
        "Staff acceptable use agreement",
        "Policy: Online safety policy (version 2.9)",
        "",
        "1. I will keep my passwords to myself.",
        "2. I will report anything worrying to the DSL the same day.",
        "   That includes things I see outside school hours.",
        "3. I understand that school devices are monitored.",
        "",
        "Declaration: Rwy'n cytuno i ddilyn y rheolau hyn: ŵyr, ŷd.",
        "",
        "Choices:",
        "- My photo may be used for professional purposes (Agree / Disagree)",
        "",
      ].join("\n"),
    );
  });

  it("leaves out the choices section when there are none, and drops blank statements", () => {
    const text = canonicalText({ ...base, statements: ["  ", "Only one.", ""], choices: [] });
    expect(text).toBe(
      "Staff acceptable use agreement\nPolicy: Online safety policy (version 2.9)\n\n1. Only one.\n\nDeclaration: Rwy'n cytuno i ddilyn y rheolau hyn: ŵyr, ŷd.\n",
    );
  });
});

describe("textSha256", () => {
  const hash = textSha256(base);

  it("is 64 lower-case hex characters", () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is the same for text differing only in whitespace and Unicode normalisation", () => {
    const messy: SignableText = {
      title: "  Staff   acceptable\tuse agreement ",
      policyTitle: "Online safety\u00a0policy",
      versionNumber: " 2.9 ",
      statements: [
        "I will keep my  passwords to myself.   ",
        "  I will report anything worrying to the DSL the same day. \r\n\r\n   That includes things I see outside school hours.",
        "I understand that school devices are monitored.",
      ],
      // decomposed: w + U+0302 combining circumflex, y + U+0302
      declaration: "Rwy'n cytuno i ddilyn y rheolau hyn: w\u0302yr,  y\u0302d.",
      choices: [
        {
          key: "a-different-internal-key",
          label: "My photo may be used for  professional purposes",
          options: [" Agree", "Disagree "],
        },
      ],
    };
    expect(base.declaration).not.toBe(messy.declaration);
    expect(textSha256(messy)).toBe(hash);
  });

  it("changes when a statement changes", () => {
    const changed = { ...base, statements: [...base.statements] };
    changed.statements[0] = "I will keep my passwords to myself!";
    expect(textSha256(changed)).not.toBe(hash);
  });

  it("changes when statements are reordered", () => {
    expect(textSha256({ ...base, statements: [...base.statements].reverse() })).not.toBe(hash);
  });

  it("changes when a choice option changes", () => {
    const changed = { ...base, choices: [{ ...base.choices[0], options: ["Agree", "Do not agree"] }] };
    expect(textSha256(changed)).not.toBe(hash);
  });

  it("changes when the version, declaration or a line break inside a statement changes", () => {
    expect(textSha256({ ...base, versionNumber: "3.0" })).not.toBe(hash);
    expect(textSha256({ ...base, declaration: `${base.declaration} Diolch.` })).not.toBe(hash);
    const joined = { ...base, statements: [...base.statements] };
    joined.statements[1] = joined.statements[1].replace("\n", " ");
    expect(textSha256(joined)).not.toBe(hash);
  });
});
