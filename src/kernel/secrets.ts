import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie, link or API token; only its SHA-256 is ever stored. */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
