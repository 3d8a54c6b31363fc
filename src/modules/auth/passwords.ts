import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// NCSC / NIST SP 800-63B: a long minimum, a deny-list of known passwords, no composition rules.
export const MIN_PASSWORD_LENGTH = 12;
const common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/** Why a proposed password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. A short phrase of ordinary words works well.`;
  if (password.length > 1000) return "That password is too long.";
  const lower = password.toLowerCase();
  const looksCommon =
    common.has(lower) ||
    /^(.)\1+$/.test(password) ||
    // "password1234", "qwertyuiop12": a listed password padded with digits is still guessable.
    common.has(lower.replace(/\d+$/, "")) ||
    context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()));
  return looksCommon ? "That password is too common or too easy to guess. Choose another." : null;
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
