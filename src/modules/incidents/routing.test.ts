import { describe, expect, it } from "vitest";
import { escalationChain, icoDeadlineOf, inSchoolHours, routeFor, schoolMinutesBetween } from "./routing.js";
import { CATEGORIES } from "./schema.js";

describe("where a concern goes", () => {
  it("sends each category to the people whose job it is", () => {
    const routed = Object.fromEntries(CATEGORIES.map((c) => [c, routeFor(c, null)]));
    expect(routed).toEqual({
      inappropriate_content: ["dsl", "deputy_dsl"],
      filtering_breach: ["online_safety_lead", "dsl"],
      cyberbullying: ["dsl", "deputy_dsl"],
      inappropriate_contact: ["dsl", "deputy_dsl"],
      nude_image_sharing: ["dsl", "deputy_dsl"],
      radicalisation: ["dsl", "deputy_dsl"],
      harmful_challenge: ["dsl", "deputy_dsl"],
      gambling_or_scam: ["dsl", "deputy_dsl"],
      staff_misuse: ["headteacher"],
      data_breach: ["dpo"],
      lost_or_stolen_device: ["dpo", "network_manager"],
      other: ["dsl", "deputy_dsl"],
    });
  });

  it("sends an allegation about an adult to the headteacher, and about the headteacher to the chair", () => {
    expect(routeFor("inappropriate_contact", { aboutHeadteacher: false })).toEqual(["headteacher"]);
    expect(routeFor("staff_misuse", { aboutHeadteacher: true })).toEqual(["chair_of_governors"]);
  });

  it("escalates up a chain that ends with the chair", () => {
    expect(escalationChain(["dsl", "deputy_dsl"])).toEqual([["headteacher"], ["chair_of_governors"]]);
    expect(escalationChain(["headteacher"])).toEqual([["chair_of_governors"]]);
    expect(escalationChain(["chair_of_governors"])).toEqual([]);
  });
});

describe("clocks", () => {
  it("gives the regulator 72 real hours from becoming aware, across a weekend and the clocks going back", () => {
    // Aware on Friday 23 October 2026 at 10:00 BST; the clocks go back early on Sunday 25th.
    const aware = new Date("2026-10-23T09:00:00Z");
    const deadline = icoDeadlineOf(aware);
    expect(deadline.toISOString()).toBe("2026-10-26T09:00:00.000Z");
    // Which reads 09:00 on Monday in London (GMT by then), not 10:00: 72 hours, not three "days".
    expect(
      deadline.toLocaleString("en-GB", {
        timeZone: "Europe/London",
        weekday: "long",
        hour: "2-digit",
        minute: "2-digit",
      }),
    ).toBe("Monday 09:00");
  });

  it("counts only school hours towards escalation: 17:50 on a Friday escalates at 08:50 on Monday", () => {
    expect(inSchoolHours(new Date("2026-11-27T17:55:00Z"))).toBe(true); // Friday, GMT
    expect(inSchoolHours(new Date("2026-11-28T10:00:00Z"))).toBe(false); // Saturday
    const reported = new Date("2026-11-27T17:50:00Z");
    expect(schoolMinutesBetween(reported, new Date("2026-11-30T08:45:00Z"))).toBe(55);
    expect(schoolMinutesBetween(reported, new Date("2026-11-30T08:50:00Z"))).toBe(60);
    // In summer time, school hours are London's, not UTC's.
    expect(inSchoolHours(new Date("2026-06-10T07:30:00Z"))).toBe(true); // 08:30 BST
    expect(inSchoolHours(new Date("2026-06-10T17:30:00Z"))).toBe(false); // 18:30 BST
  });
});
