import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { dashboardFigures } from "./figures.js";
import { governorsFigures, governorsSentences, termTitle } from "./governors.js";
import { MAILING_WINDOW_DAYS, sendGovernorsReports } from "./mailing.js";
import { previousTerm, termOf } from "./terms.js";

async function pdfText(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe("the termly report to governors", () => {
  let t: TestApp;
  let head: Browser;
  let teacher: Browser;
  let governor: Browser;
  let schoolId: string;
  const today = todayInLondon();
  const now = termOf(today);
  const before = previousTerm(now);

  beforeAll(async () => {
    t = await startTestApp();
    // A Welsh school: its name must print with its ŷ.
    ({ admin: head, schoolId } = await setUpSchool(t.app, "Ysgol Gynradd Tŷ Coch"));
    const { agreementId, textSha256 } = await staffAgreement(head);
    const signer = await signedInPerson(t, head, schoolId, { givenName: "Heledd" });
    teacher = signer.browser;
    await signedInPerson(t, head, schoolId, { givenName: "Rhodri" });
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(today, 10),
    });
    expect(
      (
        await teacher.post(`/api/v1/agreements/${agreementId}/signatures`, {
          fullName: "Heledd Staffroom",
          jobTitle: "Teacher",
          choices: { photo: "agree" },
          textSha256,
        })
      ).statusCode,
    ).toBe(201);
    // A course with a Welsh name (ŵ), done by one of the three who must hold it.
    expect(
      (
        await head.post("/api/v1/training/courses", {
          key: "cwrs_dwr",
          name: "Cwrs Diogelwch Dŵr",
          validityMonths: 12,
          requiredFor: { kinds: ["staff"] },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await head.post("/api/v1/training/completions", {
          courseKey: "cwrs_dwr",
          completedOn: addDays(today, -3),
          personIds: [signer.id],
        })
      ).statusCode,
    ).toBeLessThan(300);
    // Incidents: three this term (two of them cyberbullying), one last term.
    const justNow = new Date(Date.now() - 60_000).toISOString();
    for (const [category, at] of [
      ["cyberbullying", justNow],
      ["cyberbullying", justNow],
      ["data_breach", justNow],
      ["cyberbullying", `${addDays(before.from, 10)}T10:00:00Z`],
    ])
      expect(
        (
          await teacher.post("/api/v1/incidents", {
            category,
            occurredAt: at,
            summary: "A pupil showed me messages sent to them overnight.",
          })
        ).statusCode,
      ).toBe(201);
    governor = (await signedInPerson(t, head, schoolId, { givenName: "Olwen", kinds: ["governor"] })).browser;
  });
  afterAll(() => t.close());

  it("prints the dashboard's own figures for the term against the term before, as the database holds them", async () => {
    const res = await head.get(`/api/v1/reports/governors.pdf?term=${now.name}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`governors-report-${now.name}.pdf`);
    const text = await pdfText(res.rawPayload);

    // The database's own counts, asked directly.
    const [db] = await queryRows<{ signed: number; asked: number; now: number; before: number }>(
      t.database.db,
      sql`SELECT
        (SELECT count(*)::int FROM signatures WHERE school_id = ${schoolId} AND kind = 'signed') AS signed,
        (SELECT count(*)::int FROM people WHERE school_id = ${schoolId} AND 'staff' = ANY(kinds)) AS asked,
        (SELECT count(*)::int FROM incidents WHERE school_id = ${schoolId}
          AND occurred_at >= ${`${now.from}T00:00:00Z`}::timestamptz) AS now,
        (SELECT count(*)::int FROM incidents WHERE school_id = ${schoolId}
          AND occurred_at < ${`${now.from}T00:00:00Z`}::timestamptz) AS before`,
    );
    expect([db.signed, db.asked, db.now, db.before]).toEqual([1, 3, 3, 1]);

    expect(text).toContain("Ysgol Gynradd Tŷ Coch");
    expect(text).toContain("Cwrs Diogelwch Dŵr");
    expect(text).toContain(`${termTitle(now)}`);
    expect(text).toContain(`compared with the ${termTitle(before).toLowerCase()}`);
    expect(text).toContain(`were signed (${db.signed} of ${db.asked})`);
    expect(text).toContain(
      `${db.now} online-safety incidents were recorded this term (${db.before} last term)`,
    );
    // The incidents table: cyberbullying 1 last term, 2 this term; all incidents 1 and 3.
    expect(text).toMatch(/Cyberbullying 1 2/);
    expect(text).toMatch(/Data loss or breach 0 1/);
    expect(text).toMatch(new RegExp(`All incidents ${db.before} ${db.now}`));
    expect(text).toContain("33.3% (1 of 3; 0 expired, 2 never)");

    // The same figures as the dashboard, from the same queries.
    const dash = await dashboardFigures(t.database.db, schoolId, [before, now], today);
    const f = await governorsFigures(t.database.db, schoolId, now, today);
    expect(f.agreementsByTerm.now).toEqual(dash.agreementsByTerm[1]);
    expect(f.agreementsByTerm.before).toEqual(dash.agreementsByTerm[0]);
    expect(f.training).toEqual(dash.training);
    expect(f.policies).toEqual(dash.policies);
    for (const sentence of governorsSentences(f)) expect(text).toContain(sentence.slice(0, 40));
  });

  it("names nobody, so every governor may read it; a teacher is refused and a wrong term changes nothing", async () => {
    const res = await governor.get(`/api/v1/reports/governors.pdf?term=${now.name}`);
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    for (const name of ["Heledd", "Rhodri", "Olwen", "Staffroom"]) expect(text).not.toContain(name);

    const refused = await teacher.get(`/api/v1/reports/governors.pdf?term=${now.name}`);
    expect(refused.statusCode).toBe(403);

    const [{ n: eventsBefore }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE school_id = ${schoolId}`,
    );
    const bad = await head.get("/api/v1/reports/governors.pdf?term=2026-winter");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("2026-autumn");
    const [{ n: eventsAfter }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE school_id = ${schoolId}`,
    );
    expect(eventsAfter).toBe(eventsBefore);
  });

  it("records each download in the audit log, with the term", async () => {
    const rows = await queryRows<{ summary: { term: string } }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE school_id = ${schoolId}
          AND action = 'reports.governors_downloaded' ORDER BY seq`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0].summary.term).toBe(now.name);
  });

  it("emails the headteacher a link once a term has ended, once, and not for a term long gone", async () => {
    const outbox = () =>
      queryRows<{ to_address: string; subject: string; body_text: string }>(
        t.database.db,
        sql`SELECT to_address, subject, body_text FROM mail_outbox
            WHERE school_id = ${schoolId} AND subject LIKE 'Report to governors%'`,
      );
    const nextTerm = termOf(addDays(now.to, 1));
    // Late in a term, the one before is long gone: nothing is sent.
    expect(
      await sendGovernorsReports(
        t.database.db,
        "https://accord.test",
        addDays(now.from, MAILING_WINDOW_DAYS + 1),
      ),
    ).toBe(0);
    // The first days of the next term: this term's report, to the headteacher, once.
    expect(await sendGovernorsReports(t.database.db, "https://accord.test", addDays(nextTerm.from, 2))).toBe(
      1,
    );
    expect(await sendGovernorsReports(t.database.db, "https://accord.test", addDays(nextTerm.from, 3))).toBe(
      0,
    );
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    const me = (await head.get("/api/v1/me")).json();
    expect(mails[0].to_address).toBe(me.email);
    expect(mails[0].subject).toBe(`Report to governors: ${termTitle(now).toLowerCase()}`);
    expect(mails[0].body_text).toContain(`https://accord.test/reports/governors?term=${now.name}`);
    // The email carries a link, never the figures.
    expect(mails[0].body_text).not.toMatch(/\d+%/);
  });
});
