import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A random secret for a cookie, link or API token; only its SHA-256 is ever stored. */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

// --- Secrets kept in the database that Accord must read back (an SSO client secret): encrypted
// with AES-256-GCM under the server's key, so a copy of the database (a backup, a dump) does not
// give them away. The key never enters the database.

type KeySource = { secretKey: Buffer | null; keyFile: string };
const loadedKeys = new Map<string, Buffer>();

/** The key of ACCORD_SECRET_KEY, or else the one in the data directory's key file, made once. */
export function secretKeyOf(source: KeySource): Buffer {
  if (source.secretKey) return source.secretKey;
  const cached = loadedKeys.get(source.keyFile);
  if (cached) return cached;
  if (!existsSync(source.keyFile)) {
    mkdirSync(path.dirname(source.keyFile), { recursive: true });
    try {
      // "wx": if another process made it a moment ago, keep theirs.
      writeFileSync(source.keyFile, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const key = Buffer.from(readFileSync(source.keyFile, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${source.keyFile} does not hold a 32-byte base64 key`);
  loadedKeys.set(source.keyFile, key);
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url: the version lets the scheme change later. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Throws if the value was changed or was encrypted under another key. */
export function decryptSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not an encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * Seal and open secrets kept at rest that are read back by value (an authenticator app's key
 * cannot be hashed): the same AES-256-GCM scheme and the same key as above.
 */
export type Sealer = { seal(plain: string): string; open(sealed: string): string };

export function sealerFor(source: KeySource): Sealer {
  const key = secretKeyOf(source);
  return { seal: (plain) => encryptSecret(key, plain), open: (sealed) => decryptSecret(key, sealed) };
}
