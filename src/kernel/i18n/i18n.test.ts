import { describe, expect, it } from "vitest";
import { londonDateTime } from "../dates.js";
import { placeholdersOf, serverMessages } from "./extract.js";
import { dateIn, languageFromHeader, mailFor, msg, say, sayTo, welshCatalog } from "./index.js";

describe("the server's Welsh", () => {
  const found = serverMessages();

  it("finds the server's messages in its source", () => {
    // A guard on the reader itself: if it found nothing, the next tests would pass for nothing.
    expect(found.length).toBeGreaterThan(400);
    expect(found.map((m) => m.template)).toContain("That {0} does not exist.");
  });

  it("has a Welsh form for every message the server can send", () => {
    const missing = [
      ...new Set(found.filter((m) => !welshCatalog.has(m.template)).map((m) => `${m.file}: ${m.template}`)),
    ];
    expect(missing).toEqual([]);
  });

  it("keeps every placeholder of the English in the Welsh, and adds none", () => {
    const wrong = [...welshCatalog].filter(
      ([en, cy]) => placeholdersOf(en).join() !== placeholdersOf(cy).join(),
    );
    expect(wrong).toEqual([]);
  });

  it("holds no Welsh for English the server no longer says", () => {
    const said = new Set(found.map((m) => m.template));
    expect([...welshCatalog.keys()].filter((en) => !said.has(en))).toEqual([]);
  });
});

describe("saying a message", () => {
  it("fills the placeholders, translating a message inside a message", () => {
    const what = msg`policy`;
    expect(say("en-GB", msg`That ${what} does not exist.`)).toBe("That policy does not exist.");
    expect(say("cy", msg`That ${what} does not exist.`)).toBe(
      (welshCatalog.get("That {0} does not exist.") ?? "").replace("{0}", welshCatalog.get("policy") ?? ""),
    );
  });

  it("writes numbers and dates the way each language does", () => {
    expect(say("en-GB", msg`${12000} signatures`)).toBe("12,000 signatures");
    const day = new Date("2026-12-03T10:30:00Z");
    expect(dateIn("en-GB", day)).toBe("3 December 2026");
    expect(dateIn("cy", day)).toBe("3 Rhagfyr 2026");
    // 23:30 UTC on 1 July is half past midnight on Thursday 2 July in London (summer time).
    expect(dateIn("cy", new Date("2026-07-01T23:30:00Z"), true)).toBe("Dydd Iau 2 Gorffennaf 2026 am 00:30");
    expect(dateIn("en-GB", new Date("2026-07-01T23:30:00Z"), true)).toBe(
      londonDateTime(new Date("2026-07-01T23:30:00Z")),
    );
  });

  it("gives unknown readers the Welsh and then the English", () => {
    const m = msg`Not found`;
    expect(sayTo("bilingual", m)).toBe(`${say("cy", m)} / Not found`);
    const mail = mailFor("bilingual", m, [msg`Please sign in.`]);
    expect(mail.text.indexOf(say("cy", msg`Please sign in.`))).toBeLessThan(
      mail.text.indexOf("Please sign in."),
    );
  });

  it("reads the screen's language from Accept-Language", () => {
    expect(languageFromHeader("cy")).toBe("cy");
    expect(languageFromHeader("cy-GB,en;q=0.8")).toBe("cy");
    expect(languageFromHeader("en-GB,cy;q=0.5")).toBe("en-GB");
    expect(languageFromHeader(undefined)).toBe("en-GB");
  });
});
