import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { type Message, msg } from "../../kernel/i18n/index.js";

// NCSC / NIST SP 800-63B: a long minimum, a deny-list of known passwords, no composition rules.
export const MIN_PASSWORD_LENGTH = 12;
const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/**
 * What the person setting a password is known by: attackers try these first (the school's name
 * with this year on the end, a name with "123!"). Every place a password is set passes them all.
 */
export type PasswordContext = {
  schoolName?: string | null;
  /** Given, preferred and family names. */
  names?: (string | null | undefined)[];
  email?: string | null;
};

export const TOO_COMMON = msg`That password is too common or too easy to guess: it is a well-known password, perhaps with capitals, numbers, a year or symbols added. Choose another; a short phrase of ordinary words works well.`;
export const HAS_SCHOOL_NAME = msg`That password is built on the school's name, which is one of the first things tried. Choose another.`;
export const HAS_OWN_NAME = msg`That password is built on your name or email address, which are among the first things tried. Choose another.`;

// Letters swapped for look-alike digits and symbols ("P@ssw0rd"): read back as the letters they stand for.
const LOOK_ALIKES: Record<string, string> = {
  "@": "a",
  "4": "a",
  "8": "b",
  "(": "c",
  "3": "e",
  "6": "g",
  "9": "g",
  "1": "i",
  "!": "i",
  "|": "l",
  "0": "o",
  $: "s",
  "5": "s",
  "7": "t",
  "+": "t",
  "2": "z",
};
const readLookAlikes = (s: string) => [...s].map((c) => LOOK_ALIKES[c] ?? c).join("");
/** Without what people put around a word to pass composition rules: digits, years and symbols at either end. */
const trimPadding = (s: string) => s.replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}]+$/u, "");
const lettersOnly = (s: string) => s.replace(/[^\p{L}]/gu, "");

/** The word underneath a password, read a few ways: as typed, padding trimmed, look-alikes read as letters. */
function cores(password: string) {
  const lower = password.toLowerCase();
  const trimmed = trimPadding(lower);
  return [
    ...new Set([
      lower,
      trimmed,
      readLookAlikes(trimmed),
      trimPadding(readLookAlikes(lower)),
      lower.replace(/\d+$/, ""),
    ]),
  ].filter(Boolean);
}

/**
 * Is the password made of these words and little else? Fewer than four letters left over once
 * they are taken out ("Oakfield2026!", "OakfieldPrimary#1"), or the words written out whole inside it.
 */
function builtOn(password: string, words: string[]) {
  const significant = words
    .map((w) => lettersOnly(readLookAlikes(w.toLowerCase())))
    .filter((w) => w.length >= 3);
  if (significant.length === 0) return false;
  const whole = significant.join("");
  for (const core of cores(password)) {
    const letters = lettersOnly(readLookAlikes(core));
    if (whole.length >= 4 && letters.includes(whole)) return true;
    let rest = letters;
    let found = false;
    for (const w of [...significant].sort((a, b) => b.length - a.length))
      if (rest.includes(w)) {
        rest = rest.split(w).join("");
        found = true;
      }
    if (found && rest.length < 4) return true;
  }
  return false;
}

const words = (s: string | null | undefined) => (s ?? "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Why a proposed password is refused, or null when it is acceptable. The password itself is never repeated. */
export function passwordProblem(password: string, context: PasswordContext = {}): Message | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return msg`Use at least ${MIN_PASSWORD_LENGTH} characters. A short phrase of ordinary words works well.`;
  if (password.length > 1000) return msg`That password is too long.`;
  if (/^(.)\1+$/.test(password) || cores(password).some((c) => common.has(c))) return TOO_COMMON;

  const school = words(context.schoolName);
  if (school.length > 0 && builtOn(password, school)) return HAS_SCHOOL_NAME;

  const emailName = (context.email ?? "").split("@")[0];
  const own = [...(context.names ?? []).flatMap(words), ...words(emailName)];
  const lower = password.toLowerCase();
  const containsOwn = [emailName, ...(context.names ?? [])].some(
    (c) => c && c.length >= 4 && lettersOnly(readLookAlikes(lower)).includes(lettersOnly(c.toLowerCase())),
  );
  if (containsOwn || builtOn(password, own)) return HAS_OWN_NAME;
  return null;
}

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);
export const verifyPassword = (stored: string, password: string) =>
  verify(stored, password).catch(() => false);

/** A hash of a throwaway password, verified against on unknown emails so both paths take as long. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword("decoy-password-not-used-anywhere");
  return decoy;
};
