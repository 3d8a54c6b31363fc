import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { referenceMatches, verificationReference } from "./verification.js";

const id = "5b1f0c7e-3a52-4d7e-9d1e-0d6f1c2a9e11";
const sha = "a".repeat(64);
const at = "2026-11-27T09:41:00.000Z";
const secret = "test-secret-not-for-production";

describe("verificationReference", () => {
  const ref = verificationReference(id, sha, at, secret);

  it("is five groups of four Crockford base32 characters", () => {
    expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(ref).not.toMatch(/[ILOU]/);
  });

  it("is stable for the same inputs", () => {
    expect(verificationReference(id, sha, at, secret)).toBe(ref);
  });

  it("changes with each input and with the secret", () => {
    const others = [
      verificationReference(`${id}x`, sha, at, secret),
      verificationReference(id, "b".repeat(64), at, secret),
      verificationReference(id, sha, "2026-11-27T09:41:00.001Z", secret),
      verificationReference(id, sha, at, `${secret}2`),
    ];
    for (const other of others) expect(other).not.toBe(ref);
  });

  it("matches a known value (HMAC-SHA256 → Crockford base32)", () => {
    // Independently computed: the first 100 bits of the HMAC, 5 bits per character.
    const mac = createHmac("sha256", secret).update(`${id}|${sha}|${at}`).digest();
    let bits = "";
    for (const byte of mac) bits += byte.toString(2).padStart(8, "0");
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let expected = "";
    for (let i = 0; i < 20; i++) expected += alphabet[Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
    expect(ref.replace(/-/g, "")).toBe(expected);
  });

  it("refuses an empty secret", () => {
    expect(() => verificationReference(id, sha, at, "")).toThrow(/secret/);
  });
});

describe("referenceMatches", () => {
  const ref = verificationReference(id, sha, at, secret);

  it("accepts the reference as printed", () => {
    expect(referenceMatches(ref, id, sha, at, secret)).toBe(true);
  });

  it("tolerates lower case, spaces and missing dashes", () => {
    expect(referenceMatches(ref.toLowerCase(), id, sha, at, secret)).toBe(true);
    expect(referenceMatches(ref.replace(/-/g, ""), id, sha, at, secret)).toBe(true);
    expect(referenceMatches(ref.replace(/-/g, " "), id, sha, at, secret)).toBe(true);
    expect(
      referenceMatches(`  ${ref.replace(/-/g, "").toLowerCase().split("").join(" ")} `, id, sha, at, secret),
    ).toBe(true);
  });

  it("reads O as 0 and I/L as 1, as Crockford base32 does", () => {
    const typed = ref.replace(/0/g, "o").replace(/1/g, "l");
    expect(referenceMatches(typed, id, sha, at, secret)).toBe(true);
  });

  it("rejects a wrong, short, long or empty reference and other inputs", () => {
    const last = ref.at(-1) === "A" ? "B" : "A";
    expect(referenceMatches(ref.slice(0, -1) + last, id, sha, at, secret)).toBe(false);
    expect(referenceMatches(ref.slice(0, -1), id, sha, at, secret)).toBe(false);
    expect(referenceMatches(`${ref}A`, id, sha, at, secret)).toBe(false);
    expect(referenceMatches("", id, sha, at, secret)).toBe(false);
    expect(referenceMatches(ref, id, "b".repeat(64), at, secret)).toBe(false);
    expect(referenceMatches(ref, id, sha, at, "another-secret")).toBe(false);
  });
});
