import { describe, expect, it } from "vitest";
import { kioskIdleMs } from "./idleSetting";

describe("the kiosk's idle timeout", () => {
  it("is two minutes unless a test or demonstration asks for less", () => {
    expect(kioskIdleMs("")).toBe(120_000);
    expect(kioskIdleMs("?idle=3")).toBe(3_000);
  });
  it("clamps ?idle to 2–120 seconds and ignores nonsense", () => {
    expect(kioskIdleMs("?idle=0.5")).toBe(2_000);
    expect(kioskIdleMs("?idle=9999")).toBe(120_000);
    expect(kioskIdleMs("?idle=abc")).toBe(120_000);
    expect(kioskIdleMs("?idle=-5")).toBe(120_000);
  });
});
