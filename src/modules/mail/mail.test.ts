import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { startSmtp } from "../../testing/smtp.js";
import { backoffMs, MAX_ATTEMPTS, smtpTransport, sweepOutbox } from "./service.js";

describe("the mail outbox", () => {
  let t: TestApp;
  let admin: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  // A new school and SMTP server for each case: the outbox holds only what the case queued.
  beforeEach(async () => {
    smtp = await startSmtp();
    t = await startTestApp();
    ({ admin } = await setUpSchool(t.app));
  });
  afterEach(async () => {
    await t.close();
    await smtp.close();
  });

  async function invite(email: string) {
    const person = (
      await admin.post("/api/v1/people", { givenName: "Mo", familyName: "Mailer", kinds: ["staff"], email })
    ).json();
    expect((await admin.post(`/api/v1/people/${person.id}/invite`)).statusCode).toBe(201);
  }

  it("keeps mail for admins to read when no SMTP server is configured", async () => {
    await invite("kept@oakfield.test");
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    expect(outbox.smtpConfigured).toBe(false);
    expect(outbox.messages[0]).toMatchObject({
      to: "kept@oakfield.test",
      status: "pending",
      subject: expect.stringContaining("Oakfield Primary School"),
    });
    expect(outbox.messages[0].body).toMatch(/http:\/\/localhost:3000\/invite\/[\w-]{40,}/);
    const home = (await admin.get("/api/v1/home")).json();
    expect(home.attention).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: "outboxHeld", params: { count: 1 } })]),
    );
  });

  it("delivers queued mail over SMTP and marks it sent", async () => {
    await invite("kept@oakfield.test");
    const result = await sweepOutbox(t.database.db, smtpTransport(smtp.url), "Accord <accord@oakfield.test>");
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["kept@oakfield.test"]);
    expect(smtp.received[0].raw).toMatch(/Subject: Your Accord account at Oakfield Primary School/);
    const outbox = (await admin.get("/api/v1/mail/outbox")).json();
    expect(outbox.messages[0]).toMatchObject({ status: "sent", attempts: 1 });
    // A second sweep sends nothing again.
    expect(await sweepOutbox(t.database.db, smtpTransport(smtp.url), "a@b.test")).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it("retries with growing waits while SMTP is down, then gives up and shows the error", async () => {
    await invite("retry@oakfield.test");
    const down = smtpTransport("smtp://127.0.0.1:1"); // nothing listens on port 1
    expect(await sweepOutbox(t.database.db, down, "a@b.test")).toEqual({ sent: 0, failed: 1 });
    let [m] = (await admin.get("/api/v1/mail/outbox")).json().messages;
    expect(m).toMatchObject({
      to: "retry@oakfield.test",
      status: "pending",
      attempts: 1,
      lastError: expect.any(String),
    });
    // Not due again until the back-off has passed.
    expect(await sweepOutbox(t.database.db, down, "a@b.test")).toEqual({ sent: 0, failed: 0 });
    expect(backoffMs(1)).toBe(60_000);
    expect(backoffMs(3)).toBe(4 * 60_000);
    expect(backoffMs(20)).toBe(60 * 60_000);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await t.database.db.execute(
        sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending'`,
      );
      await sweepOutbox(t.database.db, down, "a@b.test");
    }
    [m] = (await admin.get("/api/v1/mail/outbox")).json().messages;
    expect(m).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });
});
