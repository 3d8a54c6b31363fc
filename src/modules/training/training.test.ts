import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import type { Browser } from "../../testing/app.js";
import { setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { expiryOf, standingOn } from "./coverage.js";
import { sweepTraining, trainingReminderStep } from "./reminders.js";

type Cell = { status: string; completedOn: string | null; expiresOn: string | null; dueOn: string | null };
type Row = { id: string; name: string; cells: Record<string, Cell> };

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

/** A multipart body with one file, as a browser's FormData sends it. */
function multipart(fileName: string, bytes: Buffer, contentType = "application/pdf") {
  const boundary = "----accordtrainingboundary";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe("training", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const today = todayInLondon();
  const who: Record<string, { browser: Browser; id: string }> = {};

  const matrix = async (as: Browser = head, query = "") => {
    const res = await as.get(`/api/v1/compliance/training${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { people: Row[]; courses: { key: string }[]; counts: Record<string, number> };
  };
  const row = async (id: string) => (await matrix()).people.find((p) => p.id === id)!;
  const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, q))[0].n;
  const record = (as: Browser, courseKey: string, completedOn: string, personIds: string[]) =>
    as.post("/api/v1/training/completions", { courseKey, completedOn, personIds });
  const upload = (as: Browser, fileName: string, bytes: Buffer, contentType?: string) => {
    const { body, headers } = multipart(fileName, bytes, contentType);
    return as.request("POST", "/api/v1/training/certificates", body, headers);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    const people: [string, Record<string, unknown>][] = [
      ["Nia", { department: "Year 3" }],
      ["Osian", { department: "Year 3" }],
      ["Priya", { department: "Office" }],
      ["Rhodri", { roles: ["line_manager"], department: "Year 3" }],
      ["Dafydd", { roles: ["dsl"] }],
    ];
    for (const [givenName, extra] of people)
      who[givenName] = await signedInPerson(t, head, schoolId, { givenName, ...extra } as never);
    // Nia and Osian answer to Rhodri.
    for (const name of ["Nia", "Osian"])
      await head.patch(`/api/v1/people/${who[name].id}`, { lineManagerId: who.Rhodri.id });
  });
  afterAll(() => t.close());

  it("offers every school the courses schools are expected to keep up, with who must take each", async () => {
    const res = await who.Nia.browser.get("/api/v1/training/courses");
    expect(res.statusCode).toBe(200);
    const courses = res.json().courses as {
      key: string;
      validityMonths: number | null;
      requiredFor: { kinds: string[]; roles: string[] };
      dueWithinDays: number | null;
    }[];
    expect(courses.map((c) => c.key)).toEqual([
      "online_safety",
      "safeguarding_update",
      "dsl_training",
      "prevent",
      "data_protection",
      "filtering_monitoring",
      "induction",
    ]);
    const byKey = Object.fromEntries(courses.map((c) => [c.key, c]));
    expect(byKey.online_safety.validityMonths).toBe(12);
    expect(byKey.dsl_training).toMatchObject({
      validityMonths: 24,
      requiredFor: { roles: ["dsl", "deputy_dsl"] },
    });
    expect(byKey.prevent.validityMonths).toBe(24);
    expect(byKey.filtering_monitoring.requiredFor.roles).toEqual([
      "headteacher",
      "online_safety_lead",
      "network_manager",
    ]);
    expect(byKey.induction).toMatchObject({ validityMonths: null, dueWithinDays: 14 });
  });

  it("works out expiry in calendar months, clamped to the month's end, the last day still in date", async () => {
    expect(expiryOf("2025-01-31", 1)).toBe("2025-02-28");
    expect(expiryOf("2024-02-29", 12)).toBe("2025-02-28");
    expect(expiryOf("2023-02-28", 12)).toBe("2024-02-28");
    expect(expiryOf("2024-08-31", 24)).toBe("2026-08-31");
    expect(expiryOf("2023-12-31", 2)).toBe("2024-02-29");
    expect(expiryOf("2020-01-01", null)).toBeNull();
    const course = { validityMonths: 12, dueWithinDays: null };
    // The expiry day itself is in date (and expiring); the day after, expired.
    expect(standingOn(course, "2024-02-29", null, "2025-02-28").status).toBe("expiring");
    expect(standingOn(course, "2024-02-29", null, "2025-03-01").status).toBe("expired");
    // 30 days ahead is expiring; 31 days ahead is still plainly in date.
    expect(standingOn(course, "2024-02-29", null, "2025-01-29").status).toBe("expiring");
    expect(standingOn(course, "2024-02-29", null, "2025-01-28").status).toBe("in_date");
    expect(
      standingOn({ validityMonths: 24, dueWithinDays: null }, "2024-02-29", null, "2026-02-28").status,
    ).toBe("expiring");
    expect(
      standingOn({ validityMonths: 24, dueWithinDays: null }, "2024-02-29", null, "2026-03-01").status,
    ).toBe("expired");
    expect(standingOn({ validityMonths: null, dueWithinDays: null }, "2001-01-01", null, today).status).toBe(
      "in_date",
    );
    // Through the API: a one-month course done on 31 January counts until 28 February.
    const made = await head.post("/api/v1/training/courses", {
      key: "fire_marshal",
      name: "Fire marshal refresher",
      validityMonths: 1,
      requiredFor: { roles: ["school_admin"] },
    });
    expect(made.statusCode).toBe(201);
    const me = (await head.get("/api/v1/me")).json();
    expect((await record(head, "fire_marshal", "2025-01-31", [me.id])).json()).toEqual({
      recorded: 1,
      alreadyRecorded: 0,
    });
    const mine = (await head.get("/api/v1/me/training")).json();
    expect(mine.records.find((r: { courseKey: string }) => r.courseKey === "fire_marshal")).toMatchObject({
      completedOn: "2025-01-31",
      expiresOn: "2025-02-28",
      source: "self",
    });
    expect(mine.courses.find((c: { key: string }) => c.key === "fire_marshal")).toMatchObject({
      status: "expired",
      expiresOn: "2025-02-28",
    });
  });

  it("records a whole INSET at once, audited, counting only new completions", async () => {
    const room = [who.Nia.id, who.Osian.id, who.Priya.id];
    const inset = addDays(today, -3);
    const res = await record(head, "safeguarding_update", inset, room);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ recorded: 3, alreadyRecorded: 0 });
    // The sheet typed up again, with one late arrival added: only Rhodri is new.
    const again = await record(head, "safeguarding_update", inset, [...room, who.Rhodri.id]);
    expect(again.json()).toEqual({ recorded: 1, alreadyRecorded: 3 });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM training_completions WHERE school_id = ${schoolId} AND completed_on = ${inset}`,
      ),
    ).toBe(4);
    const events = await queryRows<{ summary: { recorded: number; name: string } }>(
      t.database.db,
      sql`SELECT summary FROM audit_events WHERE school_id = ${schoolId} AND action = 'training.completion_recorded'
          AND summary->>'completedOn' = ${inset} ORDER BY seq`,
    );
    expect(events.map((e) => e.summary.recorded)).toEqual([3, 1]);
    expect(events[0].summary.name).toBe("Annual safeguarding update");
    for (const id of room)
      expect((await row(id)).cells.safeguarding_update).toMatchObject({
        status: "in_date",
        completedOn: inset,
        expiresOn: addMonths(inset, 12),
      });
  });

  it("shows in date, expiring within 30 days, expired and never done", async () => {
    await record(head, "online_safety", addMonths(today, -1), [who.Nia.id]);
    await record(head, "online_safety", addDays(addMonths(today, -12), 10), [who.Osian.id]);
    await record(head, "online_safety", addMonths(today, -13), [who.Priya.id]);
    const m = await matrix();
    const status = (id: string) => m.people.find((p) => p.id === id)!.cells.online_safety.status;
    expect(status(who.Nia.id)).toBe("in_date");
    expect(status(who.Osian.id)).toBe("expiring");
    expect(status(who.Priya.id)).toBe("expired");
    expect(status(who.Rhodri.id)).toBe("never");
    // Only the roles a course names: Nia is not a DSL, Dafydd is.
    expect(m.people.find((p) => p.id === who.Nia.id)!.cells.dsl_training).toBeUndefined();
    expect(m.people.find((p) => p.id === who.Dafydd.id)!.cells.dsl_training.status).toBe("never");
    // A later completion replaces an older one: Priya does it again and is back in date.
    await record(head, "online_safety", addDays(today, -1), [who.Priya.id]);
    expect((await row(who.Priya.id)).cells.online_safety.status).toBe("in_date");
    const filtered = await matrix(head, "?course=online_safety&status=expiring");
    expect(filtered.courses.map((c) => c.key)).toEqual(["online_safety"]);
    expect(filtered.people.map((p) => p.name)).toEqual(["Osian Staffroom"]);
    const office = await matrix(head, "?department=Office");
    expect(office.people.map((p) => p.name)).toEqual(["Priya Staffroom"]);
  });

  it("matches a pasted sign-in sheet: exact names, emails, ambiguous and unmatched lines", async () => {
    // Two people called Sam Jones: a name alone cannot say which.
    await head.post("/api/v1/people", {
      givenName: "Sam",
      familyName: "Jones",
      kinds: ["staff"],
      email: "sam.j1@staffroom.test",
    });
    await head.post("/api/v1/people", {
      givenName: "Sam",
      familyName: "Jones",
      kinds: ["staff"],
      email: "sam.j2@staffroom.test",
    });
    const res = await head.post("/api/v1/training/attendance/match", {
      text: "1. Nia Staffroom\nOSIAN@staffroom.test\nStaffroom, Priya\nSam Jones\nGareth Nobody\n\n",
    });
    expect(res.statusCode).toBe(200);
    const lines = res.json().lines as {
      line: string;
      outcome: string;
      person: { id: string } | null;
      candidates: unknown[];
    }[];
    expect(lines.map((l) => [l.line, l.outcome])).toEqual([
      ["Nia Staffroom", "matched"],
      ["OSIAN@staffroom.test", "matched"],
      ["Staffroom, Priya", "matched"],
      ["Sam Jones", "ambiguous"],
      ["Gareth Nobody", "unmatched"],
    ]);
    expect(lines.slice(0, 3).map((l) => l.person?.id)).toEqual([who.Nia.id, who.Osian.id, who.Priya.id]);
    expect(lines[3].candidates).toHaveLength(2);
    expect((await who.Nia.browser.post("/api/v1/training/attendance/match", { text: "x" })).statusCode).toBe(
      403,
    );
  });

  it("imports a provider's export: a dry run writes nothing, then applying records it", async () => {
    const csv = [
      "Learner Name,Email Address,Course Title,Completion Date",
      `Nia Staffroom,,Prevent awareness,${addDays(today, -20).split("-").reverse().join("/")}`,
      `,osian@staffroom.test,prevent,${addDays(today, -20)}`,
      `Priya Staffroom,,Data protection,${addDays(today, -5)} 14:02`,
    ].join("\n");
    const before = await count(
      sql`SELECT count(*)::int AS n FROM training_completions WHERE school_id = ${schoolId}`,
    );
    const dry = await head.request("POST", "/api/v1/training/import?dryRun=true", csv, {
      "content-type": "text/csv",
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      applied: false,
      created: 3,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(dry.json().preview.create[0]).toEqual({
      row: 2,
      name: "Nia Staffroom",
      course: "Prevent awareness",
      completedOn: addDays(today, -20),
    });
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_completions WHERE school_id = ${schoolId}`),
    ).toBe(before);
    const bad = await head.request(
      "POST",
      "/api/v1/training/import?dryRun=false",
      `${csv}\nSam Jones,,Prevent awareness,01/02/2025\nNia Staffroom,,Knitting,01/02/2025\nNia Staffroom,,Prevent awareness,31/02/2025`,
      { "content-type": "text/csv" },
    );
    expect(bad.json().applied).toBe(false);
    expect(bad.json().errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 7]);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_completions WHERE school_id = ${schoolId}`),
    ).toBe(before);
    const applied = await head.request("POST", "/api/v1/training/import?dryRun=false", csv, {
      "content-type": "text/csv",
    });
    expect(applied.json()).toMatchObject({ applied: true, created: 3 });
    expect((await row(who.Osian.id)).cells.prevent.status).toBe("in_date");
    // The same file again changes nothing.
    const twice = await head.request("POST", "/api/v1/training/import?dryRun=false", csv, {
      "content-type": "text/csv",
    });
    expect(twice.json()).toMatchObject({ created: 0, unchanged: 3 });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE school_id = ${schoolId} AND action = 'training.imported'`,
      ),
    ).toBe(2);
  });

  it("reminds before, on and after expiry, each step once, copied to the line manager", async () => {
    // Nia's data protection runs out 20 days from now; her line manager is Rhodri.
    const done = addDays(addMonths(today, -24), 20);
    await record(head, "data_protection", done, [who.Nia.id]);
    const expires = addMonths(done, 24);
    expect(trainingReminderStep(expires, addDays(expires, -31))).toBeNull();
    expect(trainingReminderStep(expires, addDays(expires, -30))).toBe("before");
    expect(trainingReminderStep(expires, expires)).toBe("on");
    expect(trainingReminderStep(expires, addDays(expires, 30))).toBe("after-30");
    expect(trainingReminderStep(expires, addDays(expires, 65))).toBe("after-60");
    const mails = () =>
      queryRows<{ to_address: string; subject: string; body_text: string }>(
        t.database.db,
        sql`SELECT to_address, subject, body_text FROM mail_outbox
            WHERE school_id = ${schoolId} AND subject LIKE '%Data protection%' ORDER BY created_at, subject`,
      );
    const total = () => count(sql`SELECT count(*)::int AS n FROM mail_outbox WHERE school_id = ${schoolId}`);

    await sweepTraining(t.database.db, t.config.publicUrl, addDays(expires, -20));
    const first = await mails();
    expect(first.map((m) => m.to_address).sort()).toEqual(["nia@staffroom.test", "rhodri@staffroom.test"]);
    expect(first.find((m) => m.to_address === "nia@staffroom.test")?.subject).toBe(
      `Your Data protection training runs out on ${expires}`,
    );
    expect(first.find((m) => m.to_address === "rhodri@staffroom.test")?.body_text).toContain(
      "Nia Staffroom's line manager",
    );
    const after = await total();
    await sweepTraining(t.database.db, t.config.publicUrl, addDays(expires, -19));
    expect(await total()).toBe(after);

    await sweepTraining(t.database.db, t.config.publicUrl, expires);
    await sweepTraining(t.database.db, t.config.publicUrl, expires);
    await sweepTraining(t.database.db, t.config.publicUrl, addDays(expires, 31));
    await sweepTraining(t.database.db, t.config.publicUrl, addDays(expires, 32));
    const toNia = (await mails()).filter((m) => m.to_address === "nia@staffroom.test").map((m) => m.subject);
    expect(toNia).toEqual([
      `Your Data protection training runs out on ${expires}`,
      "Your Data protection training runs out today",
      "Your Data protection training is out of date",
    ]);
    expect((await mails()).filter((m) => m.to_address === "rhodri@staffroom.test")).toHaveLength(3);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_events WHERE school_id = ${schoolId} AND action = 'training.reminder_sent'
        AND entity_id = ${who.Nia.id} AND summary->>'name' = 'Data protection'`),
    ).toBe(3);
  });

  it("gives a new starter their induction with its due date, and reminds them when it falls due", async () => {
    const start = addDays(today, -2);
    const starter = await signedInPerson(t, head, schoolId, {
      givenName: "Tomos",
      startDate: start,
    } as never);
    const cell = (await row(starter.id)).cells.induction;
    expect(cell).toEqual({ status: "never", completedOn: null, expiresOn: null, dueOn: addDays(start, 14) });
    // Colleagues of years are not new starters.
    expect((await row(who.Nia.id)).cells.induction).toBeUndefined();
    const home = (await starter.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({
        key: "inductionDue",
        params: { course: "Induction for new starters", due: addDays(start, 14) },
      }),
    );
    await sweepTraining(t.database.db, t.config.publicUrl, addDays(start, 14));
    const sent = await queryRows<{ subject: string }>(
      t.database.db,
      sql`SELECT subject FROM mail_outbox WHERE to_address = 'tomos@staffroom.test' AND subject LIKE '%induction%'`,
    );
    expect(sent.map((m) => m.subject)).toEqual(["Your induction is due today"]);
    await record(head, "induction", today, [starter.id]);
    expect((await row(starter.id)).cells.induction).toMatchObject({ status: "in_date", expiresOn: null });
  });

  it("lets a teacher record and read their own, but not others' or the matrix", async () => {
    const nia = who.Nia.browser;
    expect((await nia.get("/api/v1/compliance/training")).statusCode).toBe(403);
    expect((await record(nia, "prevent", addDays(today, -1), [who.Osian.id])).statusCode).toBe(403);
    expect((await record(nia, "prevent", addDays(today, -1), [who.Nia.id, who.Osian.id])).statusCode).toBe(
      403,
    );
    expect((await record(nia, "online_safety", addDays(today, -1), [who.Nia.id])).json()).toEqual({
      recorded: 1,
      alreadyRecorded: 0,
    });
    expect((await nia.get(`/api/v1/people/${who.Osian.id}/training`)).statusCode).toBe(404);
    expect(
      (
        await nia.post("/api/v1/training/courses", {
          key: "x_course",
          name: "Nope course",
          requiredFor: { kinds: ["staff"] },
        })
      ).statusCode,
    ).toBe(403);
    // A line manager reads their own team's rows, and a team member's page.
    const team = await matrix(who.Rhodri.browser);
    expect(team.people.map((p) => p.name).sort()).toEqual(["Nia Staffroom", "Osian Staffroom"]);
    expect((await who.Rhodri.browser.get(`/api/v1/people/${who.Osian.id}/training`)).statusCode).toBe(200);
    expect((await who.Rhodri.browser.get(`/api/v1/people/${who.Priya.id}/training`)).statusCode).toBe(404);
    // The DSL runs training: records for others.
    expect((await record(who.Dafydd.browser, "prevent", addDays(today, -2), [who.Priya.id])).statusCode).toBe(
      200,
    );
  });

  it("keeps a certificate: PDF, JPEG or PNG by its bytes, downloaded by its owner and the admins only", async () => {
    const fake = await upload(who.Osian.browser, "certificate.pdf", Buffer.from("MZ this is a program"));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().detail).toMatch(/must be a PDF, JPEG or PNG/);
    expect(fake.json().errors[0].field).toBe("file");
    const big = await upload(
      who.Osian.browser,
      "huge.pdf",
      Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().detail).toMatch(/5 MB/);
    const png = await upload(who.Osian.browser, "photo.png", PNG, "image/png");
    expect(png.statusCode).toBe(201);
    const made = await upload(who.Osian.browser, "prevent.pdf", PDF);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ fileName: "prevent.pdf", contentType: "application/pdf" });
    const certificateId = made.json().id;
    // Someone else's certificate cannot go on Nia's record.
    const borrowed = await who.Nia.browser.post("/api/v1/training/completions", {
      courseKey: "data_protection",
      completedOn: addDays(today, -1),
      personIds: [who.Nia.id],
      certificateId,
    });
    expect(borrowed.statusCode).toBe(400);
    const own = await who.Osian.browser.post("/api/v1/training/completions", {
      courseKey: "data_protection",
      completedOn: addDays(today, -1),
      personIds: [who.Osian.id],
      certificateId,
    });
    expect(own.json().recorded).toBe(1);
    const mine = (await who.Osian.browser.get("/api/v1/me/training")).json();
    expect(
      mine.records.find((r: { courseKey: string }) => r.courseKey === "data_protection").certificate,
    ).toMatchObject({
      id: certificateId,
      fileName: "prevent.pdf",
    });
    const url = `/api/v1/training/certificates/${certificateId}`;
    const download = await who.Osian.browser.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await who.Nia.browser.get(url)).statusCode).toBe(404);
    expect((await who.Rhodri.browser.get(url)).statusCode).toBe(404);
    expect((await head.get(url)).statusCode).toBe(200);
  });

  it("keeps completions as written: the database refuses a change, a mistake is withdrawn with a reason", async () => {
    const [one] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM training_completions WHERE school_id = ${schoolId} AND person_id = ${who.Priya.id} LIMIT 1`,
    );
    await expect(
      t.database.db.execute(
        sql`UPDATE training_completions SET completed_on = '2020-01-01' WHERE id = ${one.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`DELETE FROM training_completions WHERE id = ${one.id}`),
    ).rejects.toThrow();
    // Recorded for the wrong course at the INSET: withdrawn, and the matrix no longer counts it.
    const wrong = (await record(head, "prevent", addDays(today, -1), [who.Rhodri.id])).json();
    expect(wrong.recorded).toBe(1);
    expect((await row(who.Rhodri.id)).cells.prevent.status).toBe("in_date");
    const page = (await head.get(`/api/v1/people/${who.Rhodri.id}/training`)).json();
    const completion = page.records.find((r: { courseKey: string }) => r.courseKey === "prevent");
    expect(
      (
        await who.Nia.browser.post(`/api/v1/training/completions/${completion.id}/withdraw`, {
          reason: "Not mine",
        })
      ).statusCode,
    ).toBe(404);
    // Nia may withdraw what she recorded herself, not the INSET attendance the head recorded for her.
    const hers = (await who.Nia.browser.get("/api/v1/me/training")).json().records as {
      id: string;
      source: string;
      canWithdraw: boolean;
    }[];
    const inset = hers.find((r) => r.source === "attendance")!;
    expect(inset.canWithdraw).toBe(false);
    expect(hers.find((r) => r.source === "self")!.canWithdraw).toBe(true);
    expect(
      (
        await who.Nia.browser.post(`/api/v1/training/completions/${inset.id}/withdraw`, {
          reason: "Wrong day",
        })
      ).statusCode,
    ).toBe(404);
    const bare = await head.post(`/api/v1/training/completions/${completion.id}/withdraw`, { reason: "" });
    expect(bare.statusCode).toBe(400);
    const res = await head.post(`/api/v1/training/completions/${completion.id}/withdraw`, {
      reason: "He was at the Year 6 residential that day.",
    });
    expect(res.statusCode).toBe(204);
    expect((await row(who.Rhodri.id)).cells.prevent.status).toBe("never");
    const after = (await head.get(`/api/v1/people/${who.Rhodri.id}/training`)).json();
    expect(after.records.find((r: { id: string }) => r.id === completion.id).withdrawn).toMatchObject({
      reason: "He was at the Year 6 residential that day.",
      by: "Ada Okafor",
    });
    expect(
      (await head.post(`/api/v1/training/completions/${completion.id}/withdraw`, { reason: "Again" }))
        .statusCode,
    ).toBe(409);
  });

  it("lets admins edit, add and retire courses; refuses bad input and changes nothing", async () => {
    const before = await count(
      sql`SELECT count(*)::int AS n FROM training_courses WHERE school_id = ${schoolId}`,
    );
    const bad = await head.post("/api/v1/training/courses", { key: "Bad Key", name: "x", validityMonths: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["key", "name", "validityMonths"]);
    const nobody = await head.post("/api/v1/training/courses", { key: "lonely", name: "Nobody takes this" });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe("requiredFor");
    expect(
      await count(sql`SELECT count(*)::int AS n FROM training_courses WHERE school_id = ${schoolId}`),
    ).toBe(before);
    const future = await record(head, "prevent", addDays(today, 1), [who.Nia.id]);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe("completedOn");

    const edited = await head.patch("/api/v1/training/courses/prevent", { validityMonths: 36 });
    expect(edited.json().validityMonths).toBe(36);
    // With records a course is retired, not deleted; without, it may go.
    expect((await head.delete("/api/v1/training/courses/prevent")).statusCode).toBe(409);
    const retired = await head.patch("/api/v1/training/courses/prevent", { retired: true });
    expect(retired.json().retired).toBe(true);
    expect((await matrix()).courses.map((c) => c.key)).not.toContain("prevent");
    expect(
      (await head.get("/api/v1/training/courses")).json().courses.map((c: { key: string }) => c.key),
    ).not.toContain("prevent");
    expect(
      (await head.get("/api/v1/training/courses?all=true")).json().courses.map((c: { key: string }) => c.key),
    ).toContain("prevent");
    await head.post("/api/v1/training/courses", {
      key: "minibus",
      name: "Minibus driving",
      requiredFor: { kinds: ["staff"] },
    });
    expect((await head.delete("/api/v1/training/courses/minibus")).statusCode).toBe(204);
    const actions = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT DISTINCT action FROM audit_events WHERE school_id = ${schoolId} AND action LIKE 'training.course%'`,
    );
    expect(actions.map((a) => a.action).sort()).toEqual([
      "training.course_changed",
      "training.course_created",
      "training.course_deleted",
      "training.course_retired",
    ]);
    await head.patch("/api/v1/training/courses/prevent", { retired: false, validityMonths: 24 });
  });

  it("exports the matrix as CSV for an inspector, statuses in words", async () => {
    const res = await head.get("/api/v1/compliance/training?format=csv&department=Year%203");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Name,Department,Job title,Online safety,Annual safeguarding update,Designated safeguarding lead training,Prevent awareness,Data protection,Filtering and monitoring,Induction for new starters,Fire marshal refresher",
    );
    const nia = lines.find((l) => l.startsWith("Nia Staffroom"))!;
    expect(nia).toContain(
      `In date (completed ${addDays(today, -1)}, until ${addMonths(addDays(today, -1), 12)})`,
    );
    expect(nia).toContain("Not required");
    expect(lines.find((l) => l.startsWith("Rhodri Staffroom"))).toContain("Never done");
  });

  it("tells people on Home what they must renew, and leaders how many are out of date", async () => {
    const priya = await signedInPerson(t, head, schoolId, { givenName: "Wyn" });
    await record(head, "online_safety", addMonths(today, -14), [priya.id]);
    const own = (await priya.browser.get("/api/v1/home")).json().attention;
    expect(own).toContainEqual(
      expect.objectContaining({
        key: "trainingExpired",
        params: { course: "Online safety", date: addMonths(addMonths(today, -14), 12) },
      }),
    );
    expect(own).toContainEqual(expect.objectContaining({ key: "trainingNeverDone", href: "/training" }));
    const leader = (await head.get("/api/v1/home")).json().attention;
    expect(leader).toContainEqual(
      expect.objectContaining({ key: "trainingOutOfDate", href: "/training/matrix?status=expired" }),
    );
    expect(
      (await who.Nia.browser.get("/api/v1/home")).json().attention.map((i: { key: string }) => i.key),
    ).not.toContain("trainingOutOfDate");
  });
});
