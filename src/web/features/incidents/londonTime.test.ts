import { describe, expect, it } from "vitest";
import { fromLondonInput, timeLeft, toLondonInput } from "./londonTime";

describe("times typed on the report form are London times", () => {
  it("reads a winter time as UTC and a summer time as an hour ahead", () => {
    expect(fromLondonInput("2026-01-15T09:30")).toBe("2026-01-15T09:30:00.000Z");
    expect(fromLondonInput("2026-07-15T09:30")).toBe("2026-07-15T08:30:00.000Z");
  });

  it("shows an instant as London's clock does", () => {
    expect(toLondonInput(new Date("2026-07-15T08:30:00Z"))).toBe("2026-07-15T09:30");
    expect(toLondonInput(new Date("2026-12-31T23:59:00Z"))).toBe("2026-12-31T23:59");
  });

  it("refuses what is not a time", () => {
    expect(fromLondonInput("")).toBeNull();
    expect(fromLondonInput("yesterday")).toBeNull();
  });

  it("counts the hours left to a deadline, and past it", () => {
    const now = Date.parse("2026-03-01T10:00:00Z");
    expect(timeLeft("2026-03-03T12:30:00Z", now)).toEqual({ overdue: false, hours: 50, minutes: 30 });
    expect(timeLeft("2026-03-01T09:15:00Z", now)).toEqual({ overdue: true, hours: 0, minutes: 45 });
  });
});
