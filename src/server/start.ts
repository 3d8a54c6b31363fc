import { Cron } from "croner";
import { openDatabase } from "../db/client.js";
import { ConfigError, loadConfig } from "../kernel/config.js";
import { chaseAgreements } from "../modules/agreements/chasing.js";
import { assignNewStarters } from "../modules/agreements/service.js";
import { forgetOldSignInAttempts } from "../modules/auth/service.js";
import { sweepConsent } from "../modules/consent/service.js";
import { sweepDevices } from "../modules/devices/service.js";
import { chaseFilteringActions } from "../modules/filtering/service.js";
import { escalateUnopened } from "../modules/incidents/service.js";
import { smtpTransport, sweepOutbox } from "../modules/mail/service.js";
import { sendReviewReminders } from "../modules/policies/reminders.js";
import { sendGovernorsReports } from "../modules/reports/mailing.js";
import { chaseFollowUps } from "../modules/requests/service.js";
import { sweepTraining } from "../modules/training/service.js";
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

  // The termly report to governors: its headteacher is emailed a link once each term has ended.
  const governorsReports = new Cron(
    "0 15 7 * * *",
    { protect: true, timezone: "Europe/London" },
    async () => {
      try {
        await sendGovernorsReports(database.db, config.publicUrl);
      } catch (err) {
        app.log.error({ err }, "termly governors' report emails failed");
      }
    },
  );

  // Agreements: assign new starters every minute; chase unsigned agreements hourly (each step once).
  const starters = new Cron("30 * * * * *", { protect: true }, async () => {
    try {
      await assignNewStarters(database.db, config.publicUrl);
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

  // Photo consent: new pupils' parents asked, reminders a week before a link expires, image
  // managers chased until they confirm removal; hourly, each step once.
  const consent = new Cron("0 23 * * * *", { protect: true }, async () => {
    try {
      await sweepConsent(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "consent sweep failed");
    }
  });

  // Incidents nobody has opened within the school's threshold go to the next people in the chain.
  const escalation = new Cron("45 * * * * *", { protect: true }, async () => {
    try {
      await escalateUnopened(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "incident escalation failed");
    }
  });

  // Devices: overdue loans reminded once a day, at 08:05.
  const overdue = new Cron("0 5 8 * * *", { protect: true, timezone: "Europe/London" }, async () => {
    try {
      await sweepDevices(database.db);
    } catch (err) {
      app.log.error({ err }, "overdue device reminders failed");
    }
  });

  // Photos on a personal device: requesters whose follow-up is overdue are emailed once a day.
  const followUps = new Cron("0 41 * * * *", { protect: true }, async () => {
    try {
      await chaseFollowUps(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "request follow-up chasing failed");
    }
  });

  // Filtering review actions: the owner is emailed on the due day, then weekly; each step once.
  const filteringActions = new Cron(
    "0 10 8 * * *",
    { protect: true, timezone: "Europe/London" },
    async () => {
      try {
        await chaseFilteringActions(database.db, config.publicUrl);
      } catch (err) {
        app.log.error({ err }, "filtering action reminders failed");
      }
    },
  );

  // Training: reminders before and on a course's last day, then every 30 days while out of date,
  // copied to the line manager; daily at 07:35, each step once (training_reminders).
  const training = new Cron("0 35 7 * * *", { protect: true, timezone: "Europe/London" }, async () => {
    try {
      await sweepTraining(database.db, config.publicUrl);
    } catch (err) {
      app.log.error({ err }, "training reminder sweep failed");
    }
  });

  // Sign-in attempts are kept a year, then forgotten (docs/decisions/033); daily at 03:20.
  const signIns = new Cron("0 20 3 * * *", { protect: true, timezone: "Europe/London" }, async () => {
    try {
      await forgetOldSignInAttempts(database.db);
    } catch (err) {
      app.log.error({ err }, "forgetting old sign-in attempts failed");
    }
  });

  const shutdown = async () => {
    signIns.stop();
    filteringActions.stop();
    training.stop();
    overdue.stop();
    followUps.stop();
    escalation.stop();
    consent.stop();
    starters.stop();
    chasing.stop();
    reviews.stop();
    governorsReports.stop();
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
