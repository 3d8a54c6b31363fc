import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A random secret for a cookie, link or API token; only its SHA-256 is ever stored. */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * Seal and open secrets kept at rest (an authenticator app's key must be read back, so it cannot
 * be hashed): AES-256-GCM, a fresh IV each time, `v1.<iv>.<tag>.<ciphertext>` in base64url. A
 * copy of the database alone (a stolen backup) does not give the keys away.
 */
export type Sealer = { seal(plain: string): string; open(sealed: string): string };

export function sealerWith(key: Buffer): Sealer {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [v, iv, tag, body] = sealed.split(".");
      if (v !== "v1") throw new Error("unknown sealed format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/** The configured key, or the key file (made once, readable by its owner only). */
export function sealerFor(secretKey: { key: Buffer } | { file: string }): Sealer {
  if ("key" in secretKey) return sealerWith(secretKey.key);
  const file = secretKey.file;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return sealerWith(Buffer.from(readFileSync(file, "utf8").trim(), "base64"));
}
