import { describe, expect, it } from "vitest";
import { pickLanguage } from "./detect";

const supported = ["en-GB", "cy"];

describe("the language Accord starts in", () => {
  it("is the person's own earlier choice", () => {
    expect(pickLanguage("cy", ["en-GB"], supported, "en-GB")).toBe("cy");
    expect(pickLanguage("en-GB", ["cy-GB"], supported, "en-GB")).toBe("en-GB");
  });
  it("on a first visit, is Welsh for a Welsh browser and English otherwise", () => {
    expect(pickLanguage(null, ["cy"], supported, "en-GB")).toBe("cy");
    expect(pickLanguage(null, ["cy-GB", "en-GB"], supported, "en-GB")).toBe("cy");
    expect(pickLanguage(null, ["en-GB", "cy"], supported, "en-GB")).toBe("en-GB");
    expect(pickLanguage(null, ["fr-FR"], supported, "en-GB")).toBe("en-GB");
    expect(pickLanguage(null, [], supported, "en-GB")).toBe("en-GB");
  });
  it("ignores a remembered language Accord no longer offers", () => {
    expect(pickLanguage("ga", ["cy"], supported, "en-GB")).toBe("cy");
    expect(pickLanguage("ga", ["en-US"], supported, "en-GB")).toBe("en-GB");
  });
  it("does not mistake other languages starting with the letters cy", () => {
    expect(pickLanguage(null, ["cyx"], supported, "en-GB")).toBe("en-GB");
  });
});
