import { describe, expect, it } from "vitest";
import { analyseAudiences, kindsIn } from "./audience.js";
import { extractPolicy } from "./extract.js";

describe("who an imported policy is for", () => {
  it("reads the people a title names", () => {
    expect(kindsIn("Acceptable Use Agreement: Staff, Governors and Visitors")).toEqual([
      "staff",
      "governor",
      "visitor",
    ]);
    expect(kindsIn("Pupil and Parent iPad Agreement")).toEqual(["parent", "pupil"]);
    expect(kindsIn("Online Safety Agreement for Staff and Student Teachers")).toEqual([
      "staff",
      "student_teacher",
    ]);
    expect(kindsIn("Agreement for Supply Teachers")).toEqual(["supply"]);
  });

  it("does not read a policy's subject as its readers", () => {
    expect(kindsIn("Child Protection Policy")).toEqual([]);
    expect(kindsIn("Mobile Devices and Remote Working Agreement")).toEqual([]);
  });

  it("takes a subtitle line at the top when the title names nobody", () => {
    const policy = extractPolicy(
      "Code of Conduct for Technology\n\nFor volunteers and visitors\n\n- I will wear my badge in school.\n",
    );
    expect(policy.audiences).toEqual({
      kinds: ["volunteer", "visitor"],
      from: "For volunteers and visitors",
    });
  });

  it("leaves the choice to a person when the document only mentions people in its body", () => {
    const policy = extractPolicy(
      "Remote Working Agreement\n\nThis agreement sets out how staff keep pupils' data safe at home.\n\n- I will lock my laptop when I leave it.\n",
    );
    expect(policy.audiences).toEqual({ kinds: [], from: null });
    expect(analyseAudiences("", [])).toEqual({ kinds: [], from: null });
  });
});
