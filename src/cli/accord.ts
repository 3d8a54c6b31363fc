import path from "node:path";
import { createInterface } from "node:readline";
import { openDatabase } from "../db/client.js";
import { ConfigError, loadConfig } from "../kernel/config.js";
import { chainHeads, describeVerify, verifyAllSchools } from "./audit-verify.js";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup.js";
import { BackupError } from "./backup-file.js";
import { fillDemoSchool } from "./demo.js";

const HELP = `accord — command line for Accord

  accord migrate                      apply database migrations
  accord demo                         fill a new, empty data directory with a fictional school
  accord audit verify [--expect HASH] check every school's audit chain, its head and the records bound
                                      into it; exit 1 if anything does not hold. --expect: a head hash
                                      kept elsewhere, which the chain must still contain
  accord audit head                   print each school's chain head (keep it somewhere else)
  accord backup FILE                  write an encrypted backup (key: ACCORD_BACKUP_KEY, or asked for)
  accord restore FILE                 restore a backup into an empty database or data directory

The database is chosen as for the server: DATABASE_URL, or the embedded one in ACCORD_DATA_DIR (./data).
The embedded database is backed up with the server stopped (it refuses to open a directory in use).`;

/** The backup key: ACCORD_BACKUP_KEY, or typed (not echoed) at a terminal. */
async function backupKey(confirm: boolean): Promise<string | undefined> {
  if (process.env.ACCORD_BACKUP_KEY) return process.env.ACCORD_BACKUP_KEY;
  if (!process.stdin.isTTY) return undefined;
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
        write.call(rl, s.startsWith(question) ? question : "");
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const key = await ask("Backup key: ");
  if (confirm && (await ask("The same key again: ")) !== key) throw new BackupError("The two keys differ.");
  return key;
}

async function main(args: string[]) {
  const [first, second, ...rest] = args;
  const command = first === "audit" ? `audit ${second ?? ""}` : (first ?? "");
  const known = ["migrate", "demo", "audit verify", "audit head", "backup", "restore"];
  if (!known.includes(command)) {
    console.log(HELP);
    return command === "" || command === "help" ? 0 : 2;
  }
  const config = loadConfig({ ...process.env, ACCORD_LOG_LEVEL: "silent" });
  if (command === "backup" || command === "restore") {
    if (!second) {
      console.log(HELP);
      return 2;
    }
    const file = path.resolve(second);
    const key = (await backupKey(command === "backup")) ?? "";
    if (command === "restore") {
      if (config.database.kind === "postgresql") await restorePostgres(file, config.database.url, key);
      else await restorePglite(file, config.database.dataDir, key);
      console.log(`Restored ${file}. Check it with: npm run accord -- audit verify`);
      return 0;
    }
    if (config.database.kind === "postgresql") await backupPostgres(config.database.url, file, key);
    else {
      const database = await openDatabase(config.database);
      try {
        await backupPglite(database.pglite!, file, key);
      } finally {
        await database.close();
      }
    }
    console.log(`Backup written to ${file} (encrypted; keep the key apart from the file).`);
    return 0;
  }
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    if (command === "migrate") {
      console.log("Migrations applied.");
      return 0;
    }
    if (command === "demo") {
      const summary = await fillDemoSchool(database, config);
      console.log(summary);
      return 0;
    }
    if (command === "audit head") {
      for (const line of await chainHeads(database.db)) console.log(line);
      return 0;
    }
    const expect = rest.length > 0 && second === "verify" ? expectedHashes(rest) : [];
    const results = await verifyAllSchools(database.db, expect);
    for (const line of describeVerify(results)) console.log(line);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await database.close();
  }
}

function expectedHashes(flags: string[]) {
  const hashes: string[] = [];
  for (let i = 0; i < flags.length; i++)
    if (flags[i] === "--expect" && flags[i + 1]) hashes.push(flags[++i]);
    else if (flags[i].startsWith("--expect=")) hashes.push(flags[i].slice("--expect=".length));
  return hashes;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError || err instanceof BackupError ? err.message : err);
    process.exit(1);
  },
);
