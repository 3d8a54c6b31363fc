import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
} from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, open, rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * An Accord backup file (decision 030): always encrypted, AES-256-GCM with a key derived by scrypt
 * from a passphrase. Layout:
 *
 *   "ACCBKP01" | kind (1 byte) | salt (16) | iv (12) | key check (32) | ciphertext | GCM tag (16)
 *
 * The header is authenticated with the data (GCM additional data). The key check is an HMAC made
 * with a second key from the same derivation, so a wrong passphrase is told apart from a damaged
 * file before anything is decrypted.
 */
const MAGIC = Buffer.from("ACCBKP01", "ascii");
const KINDS = { pglite: 1, postgresql: 2 } as const;
export type BackupKind = keyof typeof KINDS;
const HEADER = MAGIC.length + 1 + 16 + 12 + 32;
const TAG = 16;
// 64 MiB of memory and ~0.2 s per derivation: costly to guess at, quick for one restore.
const SCRYPT = { N: 2 ** 16, r: 8, p: 1, maxmem: 160 * 1024 * 1024 };
/** A passphrase shorter than this is refused: it is all that protects every child's record in the file. */
export const MIN_PASSPHRASE = 12;

export class BackupError extends Error {}

function derive(passphrase: string, salt: Buffer): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize("NFC"), salt, 64, SCRYPT, (err, out) =>
      err ? reject(err) : resolve({ key: out.subarray(0, 32), check: out.subarray(32) }),
    ),
  );
}

const keyCheck = (check: Buffer) => createHmac("sha256", check).update("accord backup key check").digest();

export function checkPassphrase(passphrase: string | undefined): string {
  if (!passphrase)
    throw new BackupError(
      "No backup key: set ACCORD_BACKUP_KEY (or type it when asked). Accord never writes an unencrypted backup.",
    );
  if (passphrase.length < MIN_PASSPHRASE)
    throw new BackupError(`The backup key must be at least ${MIN_PASSPHRASE} characters long.`);
  return passphrase;
}

/** Encrypt `source` (a stream of the dump) into `file`, written whole or not at all. */
export async function writeEncrypted(
  file: string,
  kind: BackupKind,
  passphrase: string,
  source: Readable,
  /** Called once everything is written, before the file is put in place; throwing keeps it out. */
  beforeCommit?: () => Promise<void>,
) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await derive(passphrase, salt);
  const header = Buffer.concat([MAGIC, Buffer.from([KINDS[kind]]), salt, iv, keyCheck(check)]);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(header);
  async function* framed() {
    yield header;
    for await (const chunk of cipher) yield chunk as Buffer;
    yield cipher.getAuthTag();
  }
  // Written under another name and linked into place at the end (link refuses to replace a file):
  // a backup is whole or absent, and never overwrites one already there (it may be the only good one).
  const partial = `${file}.partial-${randomBytes(4).toString("hex")}`;
  try {
    await Promise.all([
      pipeline(source, cipher),
      pipeline(framed, createWriteStream(partial, { flags: "wx", mode: 0o600 })),
    ]);
    await beforeCommit?.();
    await link(partial, file).catch((err: NodeJS.ErrnoException) => {
      throw err.code === "EEXIST" ? new BackupError(`${file} already exists: choose a new file name.`) : err;
    });
  } finally {
    await rm(partial, { force: true });
  }
}

/** The kind of backup in `file`, after checking it is one and that the passphrase opens it. */
export async function openBackup(file: string, passphrase: string) {
  const handle = await open(file, "r").catch(() => {
    throw new BackupError(`Cannot read ${file}.`);
  });
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(HEADER);
    await handle.read(header, 0, HEADER, 0);
    if (size < HEADER + TAG || !header.subarray(0, MAGIC.length).equals(MAGIC))
      throw new BackupError(`${file} is not an Accord backup, or it is cut short.`);
    const kindByte = header[MAGIC.length];
    const kind = (Object.keys(KINDS) as BackupKind[]).find((k) => KINDS[k] === kindByte);
    if (!kind) throw new BackupError(`${file} is not an Accord backup this version can read.`);
    const salt = header.subarray(MAGIC.length + 1, MAGIC.length + 17);
    const iv = header.subarray(MAGIC.length + 17, MAGIC.length + 29);
    const stored = header.subarray(MAGIC.length + 29, HEADER);
    const { key, check } = await derive(passphrase, salt);
    if (!timingSafeEqual(keyCheck(check), stored))
      throw new BackupError("The backup key does not open this backup: nothing was restored.");
    const tag = Buffer.alloc(TAG);
    await handle.read(tag, 0, TAG, size - TAG);
    return { kind, header, key, iv, tag, dataEnd: size - TAG - 1 };
  } finally {
    await handle.close();
  }
}

/**
 * Decrypt `file` into `target` (a private temporary file), and only answer once the whole file has
 * authenticated: nothing from a damaged or altered backup reaches the database.
 */
export async function decryptTo(file: string, passphrase: string, target: string) {
  const opened = await openBackup(file, passphrase);
  const decipher = createDecipheriv("aes-256-gcm", opened.key, opened.iv);
  decipher.setAAD(opened.header);
  decipher.setAuthTag(opened.tag);
  const input = createReadStream(file, { start: HEADER, end: opened.dataEnd });
  try {
    await pipeline(input, decipher, createWriteStream(target, { flags: "wx", mode: 0o600 }));
  } catch {
    throw new BackupError(
      `${file} is damaged or was altered (it does not authenticate): nothing was restored.`,
    );
  }
  return opened.kind;
}
