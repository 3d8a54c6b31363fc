import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { DATA_DIR_LOCK } from "../db/client.js";
import { BackupError, checkPassphrase, decryptTo, writeEncrypted } from "./backup-file.js";

/**
 * `accord backup FILE` and `accord restore FILE` (decision 030). Embedded: a copy of the PGlite
 * data directory taken by the only process that has it open (PGlite's `dumpDataDir`). PostgreSQL:
 * `pg_dump -Fc` (one snapshot, so consistent while the school works), restored by `pg_restore`
 * into an empty database only. Either way the file is encrypted before it touches the disk.
 */

/** Back up a running PGlite instance: its data directory as one gzipped tar, encrypted. */
export async function backupPglite(pglite: PGlite, file: string, passphrase: string) {
  checkPassphrase(passphrase);
  // No other session can write in the middle: PGlite has one connection, and this process holds it.
  const dump = await pglite.dumpDataDir("gzip");
  await writeEncrypted(file, "pglite", passphrase, Readable.from(Buffer.from(await dump.arrayBuffer())));
}

/** Restore an embedded backup into `dataDir`, which must not exist yet or be empty. */
export async function restorePglite(file: string, dataDir: string, passphrase: string) {
  checkPassphrase(passphrase);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new BackupError(
      `${dataDir} is not empty: restore only into a new, empty data directory (move the old one aside first).`,
    );
  await withPlainCopy(file, passphrase, "pglite", async (plain) => {
    const restored = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(plain)]) });
    await restored.close();
    // The copy carries the lock of the process that made it; that process has nothing to do with this one.
    await rm(path.join(dataDir, DATA_DIR_LOCK), { force: true });
  });
}

/** pg_dump and pg_restore take the connection from the environment: no password on a command line. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, ""));
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

const needTool = (name: string) =>
  new BackupError(
    `${name} was not found. Install the PostgreSQL client tools matching your server (Debian: apt-get install postgresql-client-15).`,
  );

/** Back up a PostgreSQL database with pg_dump's custom format, encrypted as it streams. */
export async function backupPostgres(url: string, file: string, passphrase: string) {
  checkPassphrase(passphrase);
  const dump = spawn("pg_dump", ["-Fc", "--no-owner", "--no-acl"], {
    env: libpqEnv(url),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  dump.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    dump.on("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "ENOENT" ? needTool("pg_dump") : err),
    );
    dump.on("close", (code) => resolve(code ?? 1));
  });
  // The file is put in place only once pg_dump has said it finished well.
  try {
    await writeEncrypted(file, "postgresql", passphrase, dump.stdout, async () => {
      const code = await exited;
      if (code !== 0) throw new BackupError(`pg_dump failed: ${stderr.trim() || `exit code ${code}`}`);
    });
  } catch (err) {
    await exited; // pg_dump missing says so, rather than "premature close"
    throw err;
  }
}

/** Tables, views and sequences outside PostgreSQL's own schemas: an empty database has none. */
async function relationsIn(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'
         AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Restore a PostgreSQL backup into an empty database; a database with any table is refused. */
export async function restorePostgres(file: string, url: string, passphrase: string) {
  checkPassphrase(passphrase);
  const existing = await relationsIn(url);
  if (existing > 0)
    throw new BackupError(
      `The database ${new URL(url).pathname.slice(1)} is not empty (${existing} tables or sequences): restore only into a new, empty database.`,
    );
  await withPlainCopy(file, passphrase, "postgresql", async (plain) => {
    const env = libpqEnv(url);
    const restore = spawn(
      "pg_restore",
      [
        "--no-owner",
        "--no-acl",
        "--exit-on-error",
        "--single-transaction",
        `--dbname=${env.PGDATABASE}`,
        plain,
      ],
      {
        env,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    restore.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number>((resolve, reject) => {
      restore.on("error", (err: NodeJS.ErrnoException) =>
        reject(err.code === "ENOENT" ? needTool("pg_restore") : err),
      );
      restore.on("close", (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new BackupError(`pg_restore failed: ${stderr.trim() || `exit code ${code}`}`);
  });
}

/**
 * Decrypt into a private temporary directory, check the kind, hand the plain copy to `use`, and
 * remove it whatever happens.
 */
async function withPlainCopy(
  file: string,
  passphrase: string,
  expected: "pglite" | "postgresql",
  use: (plain: string) => Promise<void>,
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "accord-restore-"));
  try {
    const plain = path.join(dir, "backup");
    const kind = await decryptTo(file, passphrase, plain);
    if (kind !== expected)
      throw new BackupError(
        kind === "pglite"
          ? "This is a backup of an embedded database: restore it without DATABASE_URL (into ACCORD_DATA_DIR)."
          : "This is a backup of a PostgreSQL database: restore it with DATABASE_URL set to a new, empty database.",
      );
    await use(plain);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
