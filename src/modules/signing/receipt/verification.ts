import { createHmac, timingSafeEqual } from "node:crypto";

/** Crockford base32: digits and upper-case letters without I, L, O and U. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_CHARS = 20; // 100 bits of the HMAC
const GROUP = 4;

function base32Crockford(bytes: Uint8Array, chars: number): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += CROCKFORD[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
}

function rawReference(signatureId: string, textSha256: string, signedAtIso: string, secret: string): string {
  if (!secret) throw new Error("verificationReference needs a non-empty secret");
  const mac = createHmac("sha256", secret)
    .update(`${signatureId}|${textSha256}|${signedAtIso}`, "utf8")
    .digest();
  return base32Crockford(mac, REFERENCE_CHARS);
}

/**
 * A short, human-typable code that ties a receipt to its signature:
 * HMAC-SHA256(secret, `${signatureId}|${textSha256}|${signedAtIso}`), first 20 Crockford base32
 * characters, grouped as XXXX-XXXX-XXXX-XXXX-XXXX. Pass exactly the strings that were stored
 * (e.g. the signature's `signedAt.toISOString()`): any difference gives a different code.
 */
export function verificationReference(
  signatureId: string,
  textSha256: string,
  signedAtIso: string,
  secret: string,
): string {
  const raw = rawReference(signatureId, textSha256, signedAtIso, secret);
  return raw.match(new RegExp(`.{1,${GROUP}}`, "g"))!.join("-");
}

/**
 * The canonical characters of a typed reference: upper case, without spaces, dashes or other
 * separators, and with Crockford's look-alikes read as digits (O → 0, I and L → 1).
 */
function normaliseTyped(ref: string): string {
  return ref
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/**
 * Whether a reference someone typed or pasted is the one for these inputs. Tolerates lower case,
 * spaces, missing or extra dashes, and O/I/L typed for 0/1/1. Compares in constant time.
 */
export function referenceMatches(
  ref: string,
  signatureId: string,
  textSha256: string,
  signedAtIso: string,
  secret: string,
): boolean {
  const expected = Buffer.from(rawReference(signatureId, textSha256, signedAtIso, secret), "utf8");
  const typed = Buffer.from(normaliseTyped(ref), "utf8");
  // Compare equal-length buffers either way so a wrong length costs the same time as a wrong code.
  const same = timingSafeEqual(typed.length === expected.length ? typed : expected, expected);
  return same && typed.length === expected.length;
}
