import { randomBytes } from "node:crypto";
import { msg } from "../../kernel/i18n/index.js";
import { Problem } from "../../kernel/problem.js";

/**
 * Codes people type on a shared device (a kiosk's opening code, a class session's short code):
 * no 0/O, 1/I/L or U/V look-alikes, shown in two groups of four. 30⁸ ≈ 6.6 × 10¹¹ codes against a
 * handful open at a time and ten tries a minute per address: not guessable at any scale.
 */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Eight characters from the alphabet, drawn without bias (bytes past the last full round are skipped). */
export function newDeviceCode() {
  const chars: string[] = [];
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (chars.length < 8) {
    for (const b of randomBytes(16)) {
      if (b < limit && chars.length < 8) chars.push(CODE_ALPHABET[b % CODE_ALPHABET.length]);
    }
  }
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** What was typed, as it was issued: upper case, spaces and dashes anywhere, one dash in the middle. */
export const normaliseDeviceCode = (code: string) =>
  code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/(.{4})(.{4})/, "$1-$2");

/** A link that never was one (mistyped, cut short): 404, in words a parent or a child can act on. */
export const invalidLink = () =>
  new Problem(404, msg`Not found`, msg`This link is not valid. Ask the school for a new one.`);
