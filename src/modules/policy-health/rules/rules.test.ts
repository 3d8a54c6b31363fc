import { describe, expect, it } from "vitest";
import { checkRecord, checkText, findInLibrary, sentencesOf } from "../check.js";
import { HEALTH_RULES } from "./index.js";
import type { Country } from "./types.js";

// Every sentence here is written for these tests: invented schools, invented wording.
const TODAY = "2026-12-03";
const keysIn = (content: string, opts: { title?: string; country?: Country; today?: string } = {}) =>
  checkText({
    title: opts.title ?? "Staff code of conduct",
    content,
    country: opts.country ?? "england",
    today: opts.today ?? TODAY,
  }).map((f) => f.ruleKey);

describe("the rule sets", () => {
  it("give every rule a unique key, words in English and Welsh, and a country", () => {
    const keys = HEALTH_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of HEALTH_RULES) {
      for (const words of [rule.title, rule.why, ...(rule.replacement ? [rule.replacement] : [])]) {
        expect(words.en.trim(), rule.key).not.toBe("");
        expect(words.cy.trim(), rule.key).not.toBe("");
        expect(words.cy, `${rule.key}: the Welsh is not the English`).not.toBe(words.en);
      }
      expect(rule.countries.length, rule.key).toBeGreaterThan(0);
    }
  });
});

describe("superseded law", () => {
  it("flags the Data Protection Act 1998 and offers wording under the UK GDPR", () => {
    const [f] = checkText({
      title: "Pupil records",
      content: "Records are kept in line with the Data Protection Act 1998. Staff lock the filing room.",
      country: "england",
      today: TODAY,
    });
    expect(f.ruleKey).toBe("data-protection-act-1998");
    expect(f.sentence).toBe("Records are kept in line with the Data Protection Act 1998.");
    expect(keysIn("We follow the Data Protection Act 2018 and the UK GDPR.")).toEqual([]);
  });

  it("flags an edition of Keeping children safe in education older than the one in force", () => {
    expect(keysIn("Staff have read Keeping Children Safe in Education 2019 part one.")).toEqual([
      "kcsie-old-edition",
    ]);
    expect(keysIn("See KCSIE (September 2021) for the definitions.")).toEqual(["kcsie-old-edition"]);
    // In December 2026 the edition in force is September 2026's.
    expect(keysIn("Staff have read Keeping children safe in education 2026.")).toEqual([]);
    // Before September the previous year's edition is still the one in force.
    expect(
      keysIn("Staff have read Keeping children safe in education 2025.", { today: "2026-06-30" }),
    ).toEqual([]);
    expect(keysIn("Staff have read Keeping children safe in education 2025.")).toEqual(["kcsie-old-edition"]);
  });

  it("tells a school in Wales that Keeping children safe in education is England's guidance", () => {
    const keys = keysIn("All staff follow Keeping children safe in education 2019.", { country: "wales" });
    expect(keys).toEqual(["kcsie-in-wales"]);
    expect(keysIn("All staff follow Keeping learners safe.", { country: "wales" })).toEqual([]);
  });
});

describe("consent assumed from silence", () => {
  it.each([
    "If the slip is not returned by Friday, permission will be assumed.",
    "Where we do not hear from you, we will take it as agreement.",
    "Consent will be assumed for all pupils unless parents object in writing.",
    "We will assume you are happy for your child to appear in the newsletter.",
    "Unless you tell us otherwise, photographs may be used on the website.",
    "No reply will be taken as consent.",
  ])("flags %s", (sentence) => {
    expect(keysIn(sentence)).toEqual(["consent-from-silence"]);
  });

  it("leaves a clear request for a yes alone", () => {
    expect(
      keysIn("Please return the form to say yes or no. We will not use photos until you say yes."),
    ).toEqual([]);
  });
});

describe("obsolete technology", () => {
  it("flags unsupported software, closed services and old media", () => {
    expect(keysIn("Pupils use Internet Explorer to open the learning platform.")).toEqual([
      "unsupported-software",
    ]);
    expect(keysIn("Laptops run Windows XP with the school image.")).toEqual(["unsupported-software"]);
    expect(keysIn("Pupils must not use MSN Messenger or Bebo in school.")).toEqual(["closed-services"]);
    expect(keysIn("Staff may not save reports to floppy disks.")).toEqual(["obsolete-devices"]);
  });

  it("does not mistake today's words for old ones", () => {
    expect(
      keysIn("Windows 11 laptops are checked each term. The vine in the garden is pruned in spring."),
    ).toEqual([]);
  });
});

describe("references to other policies", () => {
  it("finds each policy a sentence refers the reader to, but not the policy itself", () => {
    const found = checkText({
      title: "Online Safety Policy",
      content:
        "This policy should be read in conjunction with the Anti-Bullying Policy, the Child Protection and Safeguarding Policy and the Online Safety Policy. It also follows the Data Handling Procedures.",
      country: "england",
      today: TODAY,
    }).filter((f) => f.ruleKey === "policy-not-in-library");
    expect(found.map((f) => f.subject)).toEqual([
      "Anti-Bullying Policy",
      "Child Protection and Safeguarding Policy",
      "Data Handling Procedures",
    ]);
  });

  it("finds a held policy in the library by its name, however it is written", () => {
    const library = [
      { id: "a", title: "Anti-bullying" },
      { id: "b", title: "Behaviour policy" },
    ];
    expect(findInLibrary("Anti-Bullying Policy", library)?.id).toBe("a");
    expect(findInLibrary("the School Behaviour Policy", library)?.id).toBe("b");
    expect(findInLibrary("Whistleblowing Policy", library)).toBeUndefined();
  });
});

describe("duties a type of policy is expected to cover", () => {
  const onlineSafety = (content: string, country: Country = "england") =>
    keysIn(content, { title: "Online Safety Policy", country });

  it("asks an online-safety policy for filtering and monitoring and for the DSL", () => {
    expect(onlineSafety("Pupils are taught to be kind online.")).toEqual([
      "online-safety-filtering-monitoring",
      "online-safety-dsl",
    ]);
    expect(
      onlineSafety("The school filters web access and monitors searches. Concerns go to the DSL at once."),
    ).toEqual([]);
  });

  it("asks a Welsh school's policy for the designated safeguarding person instead", () => {
    expect(
      onlineSafety("The school filters web access and monitors searches. Concerns go to the DSL.", "wales"),
    ).toEqual(["online-safety-dsp"]);
    expect(
      onlineSafety(
        "The school filters web access and monitors searches. Concerns go to the designated safeguarding person.",
        "wales",
      ),
    ).toEqual([]);
  });

  it("asks a data protection policy for the DPO and the 72-hour breach report", () => {
    expect(keysIn("We keep records safe.", { title: "Data Protection Policy" })).toEqual([
      "data-protection-officer",
      "data-breach-72-hours",
    ]);
    expect(
      keysIn("Our DPO reports serious breaches to the ICO within 72 hours.", {
        title: "Data Protection Policy",
      }),
    ).toEqual([]);
  });

  it("asks nothing of a policy of another type", () => {
    expect(keysIn("Pupils walk on the left.", { title: "Corridor rules" })).toEqual([]);
  });
});

describe("the policy's record", () => {
  const base = { nextReviewDue: null, documentHistory: [], versionCount: 1, imported: false, today: TODAY };

  it("flags a review date in the past, and not one still to come", () => {
    expect(checkRecord({ ...base, nextReviewDue: "2026-09-01" })).toEqual([
      { ruleKey: "review-date-passed", params: { due: "2026-09-01" } },
    ]);
    expect(checkRecord({ ...base, nextReviewDue: "2027-09-01" })).toEqual([]);
  });

  it("flags an imported document with no version history until Accord holds a second version", () => {
    expect(checkRecord({ ...base, imported: true }).map((f) => f.ruleKey)).toEqual(["no-version-history"]);
    expect(checkRecord({ ...base, imported: true, documentHistory: [{ number: "1.0" }] })).toEqual([]);
    expect(checkRecord({ ...base, imported: true, versionCount: 2 })).toEqual([]);
    expect(checkRecord(base)).toEqual([]);
  });
});

describe("reading the policy as sentences", () => {
  it("quotes sentences from headings, lists and tables without their Markdown", () => {
    expect(
      sentencesOf(
        "## Photos\n\n- **If the form is not returned** we assume yes. Then more.\n| a | Cell text. |",
      ),
    ).toEqual(["Photos", "If the form is not returned we assume yes.", "Then more.", "a", "Cell text."]);
  });

  it("checks a long policy quickly", () => {
    const paragraph =
      "Staff keep passwords private and lock screens when they leave a room. Pupils are taught to tell an adult about anything that worries them online. ";
    const content = Array.from({ length: 800 }, (_, i) => `## Section ${i}\n\n${paragraph.repeat(2)}`).join(
      "\n\n",
    );
    const started = performance.now();
    checkText({ title: "Online Safety Policy", content, country: "england", today: TODAY });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
