import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../db/client.js";
import { openTestDatabases } from "../db/testing.js";
import { loadConfig } from "../kernel/config.js";
import { addDays, todayInLondon } from "../kernel/dates.js";
import { chaseAgreements } from "../modules/agreements/chasing.js";
import { smtpTransport, sweepOutbox } from "../modules/mail/service.js";
import { ADMIN, type Browser, ORIGIN, setUpSchool, TEST_SECRET_KEY } from "../testing/app.js";
import { signedInPerson, staffAgreement } from "../testing/factories.js";
import { startSmtp } from "../testing/smtp.js";
import { buildApp } from "./app.js";

/**
 * Issue 20 part 6: one trust runs several stateless app servers on one PostgreSQL behind any load
 * balancer. Two servers are started here, each with its own pool, listening on real ports; a
 * round-robin "load balancer" sends each request to the next. What must hold: a session made on
 * one is honoured (and ended) on the other, signing at once through both keeps every signature and
 * the audit chain, and the background sweeps each server runs (outbox, chasing) do each thing once.
 * (On the default embedded PGlite both servers share the one in-process database: see
 * openTestDatabases. CI runs this file on PostgreSQL as well, where the pools are really separate.)
 */
describe("two app servers on one database", () => {
  let databases: Database[];
  let servers: FastifyInstance[];
  let urls: string[];
  let next = 0;
  let schoolId: string;
  let adminCookie: string;
  /** The admin, set up on the first server (for arranging each test). */
  let admin: Browser;

  const config = loadConfig({
    ACCORD_LOG_LEVEL: "silent",
    ACCORD_PUBLIC_URL: ORIGIN,
    ACCORD_SECRET_KEY: TEST_SECRET_KEY,
  });

  /** The load balancer: each request to the next server in turn, over real HTTP. */
  async function viaBalancer(method: string, path: string, cookie: string, body?: unknown, server?: number) {
    const i = server ?? next++ % servers.length;
    const res = await fetch(`${urls[i]}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, server: i, json: () => JSON.parse(text), text };
  }

  beforeAll(async () => {
    databases = await openTestDatabases(2);
    servers = await Promise.all(databases.map((d) => buildApp(d, config)));
    urls = [];
    for (const s of servers) {
      await s.listen({ port: 0, host: "127.0.0.1" });
      const address = s.server.address() as { port: number };
      urls.push(`http://127.0.0.1:${address.port}`);
    }
    const setUp = await setUpSchool(servers[0]);
    schoolId = setUp.schoolId;
    admin = setUp.admin;
    adminCookie = admin.cookie!;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    // The first closes (and on PostgreSQL drops) the database: the others' pools go first.
    for (const d of databases.slice(1).reverse()) await d.close();
    await databases[0].close();
  });

  it("honours a session made on one server on the other, and ends it on both", async () => {
    const browser = await fetch(`${urls[1]}/api/v1/auth/login`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    expect(browser.status).toBe(200);
    const cookie = browser.headers
      .getSetCookie()
      .find((c) => c.startsWith("accord_session="))!
      .split(";")[0];
    for (const server of [0, 1]) {
      const me = await viaBalancer("GET", "/api/v1/me", cookie, undefined, server);
      expect(me.status, me.text).toBe(200);
      expect(me.json()).toMatchObject({ name: ADMIN.name });
    }
    expect((await viaBalancer("POST", "/api/v1/auth/logout", cookie, undefined, 0)).status).toBe(204);
    expect((await viaBalancer("GET", "/api/v1/me", cookie, undefined, 1)).status).toBe(401);
  });

  it("keeps every signature made through both servers at once, each once, and the chain holds", async () => {
    const head = admin;
    const { agreementId, textSha256 } = await staffAgreement(head);
    const names = ["Ada", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lew"];
    const staff = await Promise.all(
      names.map((givenName) =>
        signedInPerson({ app: servers[0], database: databases[0] } as never, head, schoolId, { givenName }),
      ),
    );
    const answers = await Promise.all(
      staff.map((s, i) =>
        viaBalancer("POST", `/api/v1/agreements/${agreementId}/signatures`, s.browser.cookie!, {
          fullName: `${names[i]} Staffroom`,
          jobTitle: "Teacher",
          choices: { photo: "agree" },
          textSha256,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(names.length).fill(201));
    expect(new Set(answers.map((a) => a.server))).toEqual(new Set([0, 1]));
    const rows = await queryRows<{ person_id: string }>(
      databases[0].db,
      sql`SELECT person_id FROM signatures WHERE subject_id = ${agreementId}`,
    );
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set(staff.map((s) => s.id)));
    expect(rows).toHaveLength(names.length);
    // The same twelve again, through the other server each: each already signed, nothing added.
    const again = await Promise.all(
      staff.map((s, i) =>
        viaBalancer(
          "POST",
          `/api/v1/agreements/${agreementId}/signatures`,
          s.browser.cookie!,
          { fullName: `${names[i]} Staffroom`, jobTitle: "Teacher", choices: { photo: "agree" }, textSha256 },
          (answers[i].server + 1) % 2,
        ),
      ),
    );
    expect(again.every((a) => a.status === 409)).toBe(true);
    const verify = await viaBalancer("GET", "/api/v1/audit/verify", adminCookie);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("sends each queued email once when both servers sweep the outbox together", async () => {
    const smtp = await startSmtp();
    try {
      const head = admin;
      // Twenty invitations: twenty emails waiting in the outbox.
      for (let i = 0; i < 20; i++) {
        const person = await head.post("/api/v1/people", {
          givenName: `Inv${i}`,
          familyName: "Tester",
          kinds: ["staff"],
          email: `inv${i}@oakfield.test`,
        });
        expect((await head.post(`/api/v1/people/${person.json().id}/invite`)).statusCode).toBe(201);
      }
      const [{ pending }] = await queryRows<{ pending: number }>(
        databases[0].db,
        sql`SELECT count(*)::int AS pending FROM mail_outbox WHERE status = 'pending'`,
      );
      expect(pending).toBeGreaterThanOrEqual(20);
      // Each server's sweeper, at the same moment, in small batches, until nothing is left.
      const transports = databases.map(() => smtpTransport(smtp.url));
      let sent = 0;
      for (let round = 0; round < 20; round++) {
        const results = await Promise.all(
          databases.map((d, i) => sweepOutbox(d.db, transports[i], "accord@oakfield.test", 3)),
        );
        const thisRound = results.reduce((n, r) => n + r.sent, 0);
        sent += thisRound;
        if (thisRound === 0) break;
      }
      expect(sent).toBe(pending);
      expect(smtp.received).toHaveLength(pending);
      const recipients = smtp.received.flatMap((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length);
    } finally {
      await smtp.close();
    }
  });

  it("chases each unsigned agreement once when both servers run the hourly chase together", async () => {
    const head = admin;
    const { agreementId } = await staffAgreement(head);
    const dueDate = addDays(todayInLondon(), 30);
    // The chase's first reminder falls a week before the due date: run the sweeps on that day.
    const weekBefore = addDays(dueDate, -7);
    const assigned = await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate,
    });
    expect(assigned.statusCode, assigned.body).toBeLessThan(300);
    const before = await reminderCount();
    const results = await Promise.all(databases.map((d) => chaseAgreements(d.db, ORIGIN, weekBefore)));
    const sent = results.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBeGreaterThan(0);
    expect((await reminderCount()) - before).toBe(sent);
    // The same hour again, on both: nothing more is due.
    const again = await Promise.all(databases.map((d) => chaseAgreements(d.db, ORIGIN, weekBefore)));
    expect(again.reduce((n, r) => n + r.sent, 0)).toBe(0);
    const [dupes] = await queryRows<{ n: number }>(
      databases[0].db,
      sql`SELECT count(*)::int AS n FROM (SELECT assignment_id, step FROM assignment_reminders
          GROUP BY assignment_id, step HAVING count(*) > 1) d`,
    );
    expect(dupes.n).toBe(0);
  });

  async function reminderCount() {
    const [row] = await queryRows<{ n: number }>(
      databases[0].db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'agreement.reminder_sent'`,
    );
    return row.n;
  }
});
