import { Cron } from "croner";
import { openDatabase } from "../db/client.js";
import { ConfigError, loadConfig } from "../kernel/config.js";
import { chaseAgreements } from "../modules/agreements/chasing.js";
import { assignNewStarters } from "../modules/agreements/service.js";
import { smtpTransport, sweepOutbox } from "../modules/mail/service.js";
import { sendReviewReminders } from "../modules/policies/reminders.js";
import { buildApp } from "./app.js";

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await database.migrate();
  const app = await buildApp(database, config);

  // Outbox delivery. SKIP LOCKED in the sweep keeps several servers from sending one message twice.
  let sweeper: Cron | null = null;
  if (config.smtpUrl) {
    const transport = smtpTransport(config.smtpUrl);
    sweeper = new Cron("*/10 * * * * *", { protect: true }, async () => {
      try {
        await sweepOutbox(database.db, transport, config.mailFrom);
      } catch (err) {
        app.log.error({ err }, "outbox sweep failed");
      }
    });
  }

  // Policy review reminders: idempotent (each is recorded once), so any server may run the sweep.
  const reviews = new Cron("0 7 * * * *", { protect: true }, async () => {
    try {
      await sendReviewReminders(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "policy review reminder sweep failed");
    }
  });

  // Agreements: assign new starters every minute; chase unsigned agreements hourly (each step once).
  const starters = new Cron("30 * * * * *", { protect: true }, async () => {
    try {
      await assignNewStarters(database.db);
    } catch (err) {
      app.log.error({ err }, "new-starter assignment failed");
    }
  });
  const chasing = new Cron("0 17 * * * *", { protect: true }, async () => {
    try {
      await chaseAgreements(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "agreement chasing failed");
    }
  });

  const shutdown = async () => {
    starters.stop();
    chasing.stop();
    reviews.stop();
    sweeper?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  await app.listen({ port: config.port, host: config.host });
  const where =
    config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
  app.log.info(`Accord is running at ${config.publicUrl} (${where})`);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
