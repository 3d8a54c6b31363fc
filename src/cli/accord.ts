import { openDatabase } from "../db/client.js";
import { ConfigError, loadConfig } from "../kernel/config.js";
import { verifyAllSchools } from "./audit-verify.js";
import { fillDemoSchool } from "./demo.js";

const HELP = `accord — command line for Accord

  accord migrate          apply database migrations
  accord demo             fill a new, empty data directory with a fictional school
  accord audit verify     check every school's audit chain; exit 1 if any link is broken

The database is chosen as for the server: DATABASE_URL, or the embedded one in ACCORD_DATA_DIR (./data).`;

async function main(args: string[]) {
  const command = args.join(" ");
  if (!["migrate", "demo", "audit verify"].includes(command)) {
    console.log(HELP);
    return command === "" || command === "help" ? 0 : 2;
  }
  const config = loadConfig({ ...process.env, ACCORD_LOG_LEVEL: "silent" });
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
    const results = await verifyAllSchools(database.db);
    for (const r of results) {
      console.log(
        r.ok
          ? `${r.school}: ok, ${r.events} events`
          : `${r.school}: BROKEN at event ${r.firstBrokenId} (after ${r.events} good events)`,
      );
    }
    if (results.length === 0) console.log("No schools yet.");
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
