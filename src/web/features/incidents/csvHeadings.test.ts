import { describe, expect, it } from "vitest";
import { csvHeadings, guessMapping } from "./csvHeadings";

describe("a monitoring export's columns", () => {
  it("reads the headings, quoted ones and semicolons included", () => {
    expect(csvHeadings('\uFEFFDevice,"User, login",Time\nA,b,c')).toEqual(["Device", "User, login", "Time"]);
    expect(csvHeadings("Device;User;Time")).toEqual(["Device", "User", "Time"]);
  });

  it("guesses which heading is which, using each once", () => {
    expect(guessMapping(["Machine", "Username", "Date/Time", "Captured phrase", "Risk level"])).toEqual({
      device: "Machine",
      user: "Username",
      time: "Date/Time",
      capture: "Captured phrase",
      severity: "Risk level",
    });
  });
});
