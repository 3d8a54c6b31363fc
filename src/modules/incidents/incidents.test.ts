import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { startSmtp } from "../../testing/smtp.js";
import { smtpTransport, sweepOutbox } from "../mail/service.js";
import { escalateUnopened } from "./escalation.js";

type Mail = { to: string; subject: string; body: string };

describe("online-safety incidents", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let headId: string;
  const who: Record<string, { browser: Browser; id: string }> = {};
  let pupilId: string;
  let otherSchool: Browser;

  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const now = () => new Date().toISOString();
  const report = (as: Browser, body: Record<string, unknown>) =>
    as.post("/api/v1/incidents", {
      category: "cyberbullying",
      occurredAt: now(),
      summary: "Gwen was sent unkind messages in a class group chat by two classmates.",
      location: "Year 3 group chat",
      ...body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId, adminId: headId } = await setUpSchool(t.app));
    const people: [string, string[], string[]][] = [
      ["Tegan", ["staff"], []],
      ["Delyth", ["staff"], ["dsl"]],
      ["Dewi", ["staff"], ["deputy_dsl"]],
      ["Osian", ["staff"], ["online_safety_lead"]],
      ["Dora", ["staff"], ["dpo"]],
      ["Nerys", ["staff"], ["network_manager"]],
      ["Gwilym", ["governor"], ["chair_of_governors"]],
      ["Gareth", ["governor"], []],
      ["Sam", ["staff"], []],
    ];
    for (const [name, kinds, roles] of people)
      who[name] = await signedInPerson(t, head, schoolId, { givenName: name, kinds, roles } as never);
    pupilId = (
      await head.post("/api/v1/people", {
        givenName: "Gwen",
        familyName: "Morgan",
        kinds: ["pupil"],
        yearGroup: "Year 3",
        regGroup: "3A",
      })
    ).json().id;
    // A second school on the same installation (a trust's): its DSL sees nothing of this one.
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name) VALUES ('Ysgol Arall') RETURNING id`,
    );
    const [otherDsl] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${other.id}, 'Arall', 'DSL', ARRAY['staff']) RETURNING id`,
    );
    await t.database.db.execute(
      sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${other.id}, ${otherDsl.id}, 'dsl')`,
    );
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${other.id}, ${otherDsl.id})`,
    );
    otherSchool = new Browser(t.app);
    otherSchool.cookie = `accord_session=${secret}`;
  });
  afterAll(() => t.close());

  it("routes a concern about a child to the DSL and deputies at once, by an email with no names or details", async () => {
    const res = await report(who.Tegan.browser, { involvedPersonIds: [pupilId] });
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made.reference).toMatch(/^INC-\d{4}-0001$/);
    expect(made.routedTo).toEqual(["dsl", "deputy_dsl"]);
    const mails = (await outbox()).filter((m) => m.subject.includes(made.reference));
    expect(mails.map((m) => m.to).sort()).toEqual(["delyth@staffroom.test", "dewi@staffroom.test"]);
    for (const m of mails) {
      expect(m.body).toContain(`/incidents/${made.id}`);
      expect(m.body).toContain("Cyberbullying");
      expect(m.body).not.toMatch(/Gwen|Morgan|group chat|unkind|Tegan/);
      expect(m.subject).not.toMatch(/Gwen|Tegan/);
    }
  });

  it("routes each kind of concern to its people, and an allegation about the head to the chair", async () => {
    const cases: [Record<string, unknown>, string[], string[]][] = [
      [{ category: "filtering_breach" }, ["online_safety_lead", "dsl"], ["osian", "delyth"]],
      [{ category: "data_breach" }, ["dpo"], ["dora"]],
      [{ category: "lost_or_stolen_device" }, ["dpo", "network_manager"], ["dora", "nerys"]],
      [{ category: "staff_misuse", subjectPersonId: who.Sam.id }, ["headteacher"], ["head"]],
      [{ category: "staff_misuse", subjectPersonId: headId }, ["chair_of_governors"], ["gwilym"]],
    ];
    for (const [body, roles, mailed] of cases) {
      const made = (await report(who.Tegan.browser, body)).json();
      expect(made.routedTo, JSON.stringify(body)).toEqual(roles);
      const to = (await outbox())
        .filter((m) => m.subject.includes(made.reference))
        .map((m) => m.to.split("@")[0]);
      expect(to.sort(), JSON.stringify(body)).toEqual(mailed.sort());
    }
  });

  it("shows an incident to its reporter (report and status only) and its handlers; 404 to everyone else", async () => {
    const made = (await report(who.Tegan.browser, { involvedPersonIds: [pupilId] })).json();
    await who.Delyth.browser.post(`/api/v1/incidents/${made.id}/entries`, {
      kind: "note",
      text: "Spoke to Gwen's mother.",
    });
    const look = async (b: Browser) => {
      const res = await b.get(`/api/v1/incidents/${made.id}`);
      return res.statusCode === 200 ? res.json().access : res.statusCode;
    };
    const table = {
      reporter: await look(who.Tegan.browser),
      dsl: await look(who.Delyth.browser),
      deputy: await look(who.Dewi.browser),
      headteacher: await look(head),
      "another member of staff": await look(who.Sam.browser),
      "online-safety lead": await look(who.Osian.browser),
      governor: await look(who.Gareth.browser),
      chair: await look(who.Gwilym.browser),
      "another school": await look(otherSchool),
    };
    expect(table).toEqual({
      reporter: "reporter",
      dsl: "handler",
      deputy: "handler",
      headteacher: 404,
      "another member of staff": 404,
      "online-safety lead": 404,
      governor: 404,
      chair: 404,
      "another school": 404,
    });
    const asReporter = await who.Tegan.browser.get(`/api/v1/incidents/${made.id}`);
    expect(asReporter.body).not.toContain("Spoke to Gwen's mother");
    expect(asReporter.json().entries).toBeUndefined();
    // Every look is audited.
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'incident.viewed' AND entity_id = ${made.id}`,
    );
    expect(n).toBe(4); // the reporter, the DSL, the deputy, and the reporter's second look above
    // Lists: the reporter sees their report, the handler it, the others nothing of it.
    const listed = async (b: Browser) =>
      ((await b.get("/api/v1/incidents?status=all")).json().incidents as { id: string }[]).some(
        (i) => i.id === made.id,
      );
    expect(await listed(who.Tegan.browser)).toBe(true);
    expect(await listed(who.Delyth.browser)).toBe(true);
    expect(await listed(who.Sam.browser)).toBe(false);
    expect(await listed(head)).toBe(false);
    expect(await listed(otherSchool)).toBe(false);
    // Nor can another school's DSL write to it or read its chronology entries.
    expect(
      (await otherSchool.post(`/api/v1/incidents/${made.id}/entries`, { kind: "note", text: "Looking." }))
        .statusCode,
    ).toBe(404);
  });

  it("never shows an allegation to the adult it is about, even when they hold the role it routes to", async () => {
    // The DSL is the subject; the concern is about a child, so it would go to the DSL.
    const made = (
      await report(who.Tegan.browser, {
        category: "inappropriate_contact",
        subjectPersonId: who.Delyth.id,
        involvedPersonIds: [pupilId],
      })
    ).json();
    expect(made.routedTo).toEqual(["headteacher"]);
    expect((await who.Delyth.browser.get(`/api/v1/incidents/${made.id}`)).statusCode).toBe(404);
    expect((await head.get(`/api/v1/incidents/${made.id}`)).json().access).toBe("handler");
    // The headteacher is reminded to contact the LADO until a LADO referral is on the timeline.
    const lado = async () =>
      (
        (await head.get("/api/v1/home")).json().attention as { key: string; params: { reference?: string } }[]
      ).some((a) => a.key === "ladoReferral" && a.params.reference === made.reference);
    expect(await lado()).toBe(true);
    await head.post(`/api/v1/incidents/${made.id}/entries`, {
      kind: "referral",
      agency: "lado",
      text: "Discussed with the LADO by phone; strategy meeting arranged.",
      reference: "LADO-4471",
    });
    expect(await lado()).toBe(false);
    // Nor can a handler give them access.
    const add = await head.post(`/api/v1/incidents/${made.id}/people`, {
      personIds: [who.Delyth.id],
      reason: "to help",
    });
    expect(add.statusCode).toBe(400);
    expect(
      (await outbox()).some((m) => m.to === "delyth@staffroom.test" && m.subject.includes(made.reference)),
    ).toBe(false);
  });

  it("keeps a timeline that cannot be quietly changed: corrections are new entries, the database refuses edits", async () => {
    const made = (await report(who.Tegan.browser, {})).json();
    const dsl = who.Delyth.browser;
    const first = (
      await dsl.post(`/api/v1/incidents/${made.id}/entries`, {
        kind: "contact",
        text: "Rang Gwen's mother at 3pm.",
      })
    ).json();
    const fix = await dsl.post(`/api/v1/incidents/${made.id}/entries`, {
      kind: "contact",
      text: "Rang Gwen's mother at 3.30pm, not 3pm.",
      correctsId: first.id,
    });
    expect(fix.statusCode).toBe(201);
    const referral = await dsl.post(`/api/v1/incidents/${made.id}/entries`, {
      kind: "referral",
      text: "Referred to children's social care.",
      agency: "social_care",
      reference: "CSC-2026-118",
    });
    expect(referral.statusCode).toBe(201);
    expect(
      (await dsl.post(`/api/v1/incidents/${made.id}/entries`, { kind: "referral", text: "Referred." }))
        .statusCode,
    ).toBe(400);
    // A reporter or anyone else cannot write to it.
    expect(
      (await who.Tegan.browser.post(`/api/v1/incidents/${made.id}/entries`, { kind: "note", text: "More." }))
        .statusCode,
    ).toBe(404);
    expect(
      (await who.Sam.browser.post(`/api/v1/incidents/${made.id}/entries`, { kind: "note", text: "More." }))
        .statusCode,
    ).toBe(404);

    await expect(
      t.database.db.execute(sql`UPDATE incident_entries SET text = 'changed' WHERE id = ${first.id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`DELETE FROM incident_entries WHERE id = ${first.id}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`UPDATE incidents SET summary = 'nothing happened' WHERE id = ${made.id}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM incidents WHERE id = ${made.id}`)).rejects.toThrow();

    expect((await dsl.post(`/api/v1/incidents/${made.id}/close`, { outcome: "" })).statusCode).toBe(400);
    const closed = await dsl.post(`/api/v1/incidents/${made.id}/close`, {
      outcome: "Resolved with both families; monitoring.",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    expect((await who.Tegan.browser.get(`/api/v1/incidents/${made.id}`)).json().status).toBe("closed");
    const reopened = (
      await dsl.post(`/api/v1/incidents/${made.id}/reopen`, { reason: "More messages were sent." })
    ).json();
    expect(reopened.status).toBe("open");
    expect(reopened.entries.map((e: { kind: string }) => e.kind)).toEqual([
      "reported",
      "contact",
      "contact",
      "referral",
      "closed",
      "reopened",
    ]);
    expect(reopened.entries[2].correctsId).toBe(first.id);
  });

  it("escalates an incident nobody opened within the threshold of school time, and stops once opened", async () => {
    const made = (await report(who.Tegan.browser, { category: "filtering_breach" })).json();
    const at = (iso: string) => escalateUnopened(t.database.db, "http://localhost:3000", new Date(iso));
    // Reported now; pretend it was reported at 09:00 on a Monday, to control the clock.
    await t.database.db.execute(
      sql`UPDATE incidents SET last_routed_at = '2026-11-30T09:00:00Z' WHERE id = ${made.id}`,
    );
    expect(await at("2026-11-30T09:30:00Z")).toBe(0);
    expect(await at("2026-11-30T10:05:00Z")).toBe(1);
    const [row] = await queryRows<{ escalation_level: number }>(
      t.database.db,
      sql`SELECT escalation_level FROM incidents WHERE id = ${made.id}`,
    );
    expect(row.escalation_level).toBe(1);
    // The next in the chain (the deputy DSL) can now see it, and was told.
    expect((await who.Dewi.browser.get(`/api/v1/incidents/${made.id}`)).json().access).toBe("handler");
    expect(
      (await outbox()).some((m) => m.to === "dewi@staffroom.test" && m.subject.startsWith("Not yet opened")),
    ).toBe(true);
    // Opened now: no further escalation however long it waits (other tests' incidents may move).
    await at("2026-12-30T10:05:00Z");
    const [still] = await queryRows<{ escalation_level: number }>(
      t.database.db,
      sql`SELECT escalation_level FROM incidents WHERE id = ${made.id}`,
    );
    expect(still.escalation_level).toBe(1);
  });

  it("refuses attachments for the sharing of nude images, and keeps others for handlers only", async () => {
    const nudes = (
      await report(who.Tegan.browser, { category: "nude_image_sharing", involvedPersonIds: [pupilId] })
    ).json();
    const upload = (id: string, as: Browser) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/incidents/${id}/attachments`,
        headers: {
          origin: "http://localhost:3000",
          cookie: as.cookie as string,
          "content-type": "multipart/form-data; boundary=XYZ",
        },
        payload:
          '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="screenshot.png"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--XYZ--\r\n',
      });
    const refused = await upload(nudes.id, who.Tegan.browser);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/Never view, copy, forward or upload/);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM incident_attachments`,
    );
    expect(n).toBe(0);

    const other = (await report(who.Tegan.browser, {})).json();
    const ok = await upload(other.id, who.Tegan.browser);
    expect(ok.statusCode).toBe(201);
    const url = `/api/v1/incidents/${other.id}/attachments/${ok.json().id}`;
    expect((await who.Delyth.browser.get(url)).body).toBe("PNGDATA");
    expect((await who.Sam.browser.get(url)).statusCode).toBe(404);
  });

  it("shows the 72-hour deadline for a data breach and keeps the breach register, reported or not with the reason", async () => {
    const aware = new Date(Date.now() - 3_600_000).toISOString();
    const made = (
      await report(who.Tegan.browser, {
        category: "data_breach",
        occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
        awareAt: aware,
        summary: "A class list with medical notes was emailed to the wrong parent.",
      })
    ).json();
    expect(made.icoDeadline).toBe(new Date(new Date(aware).getTime() + 72 * 3_600_000).toISOString());
    const home = (await who.Dora.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "breachDeadline", href: `/incidents/${made.id}` }),
    );
    expect(
      (await who.Dora.browser.post(`/api/v1/incidents/${made.id}/ico-decision`, { reported: false }))
        .statusCode,
    ).toBe(400);
    await who.Dora.browser.post(`/api/v1/incidents/${made.id}/ico-decision`, {
      reported: false,
      reason: "Recalled within ten minutes; the parent confirmed deletion; no risk to rights.",
    });
    const register = (await who.Dora.browser.get("/api/v1/incidents/breaches")).json().breaches;
    const entry = register.find((b: { id: string }) => b.id === made.id);
    expect(entry.reportedToIco).toBe(false);
    expect(entry.notReportedReason).toMatch(/Recalled/);
    const csv = (await who.Dora.browser.get("/api/v1/incidents/breaches?format=csv")).body;
    expect(csv).toContain("When did you discover it");
    expect(csv).toContain(made.reference);
    expect((await who.Sam.browser.get("/api/v1/incidents/breaches")).statusCode).toBe(403);
  });

  it("imports monitoring alerts once, maps the columns once, and turns one into an incident", async () => {
    const csv = [
      "Device,User,Date/Time,Captured Phrase,Severity",
      "LAPTOP-07,gwen.morgan,02/12/2026 10:15,how to hurt myself,5",
      "LAPTOP-09,tomos.price,02/12/2026 11:20,free robux,2",
    ].join("\n");
    const lead = who.Osian.browser;
    const first = (await lead.post("/api/v1/incidents/alerts/import", { csv })).json();
    expect(first).toMatchObject({ imported: 2, duplicates: 0 });
    expect(first.mapping).toMatchObject({ time: "Date/Time", capture: "Captured Phrase" });
    const again = (await lead.post("/api/v1/incidents/alerts/import", { csv })).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    const { alerts } = (await lead.get("/api/v1/incidents/alerts")).json();
    const serious = alerts.find((a: { capture: string }) => a.capture === "how to hurt myself");
    expect(serious.at).toBe("2026-12-02T10:15:00.000Z");
    const made = await lead.post(`/api/v1/incidents/alerts/${serious.id}/incident`, { category: "other" });
    expect(made.statusCode).toBe(201);
    const robux = alerts.find((a: { capture: string }) => a.capture === "free robux");
    expect(
      (await lead.post(`/api/v1/incidents/alerts/${robux.id}/dismiss`, { reason: "Game currency, no risk." }))
        .statusCode,
    ).toBe(200);
    expect(
      (await lead.post(`/api/v1/incidents/alerts/${robux.id}/dismiss`, { reason: "again" })).statusCode,
    ).toBe(409);
    expect((await who.Sam.browser.get("/api/v1/incidents/alerts")).statusCode).toBe(403);
  });

  it("gives leaders counts without names, and the DSL a child's chronology", async () => {
    const stats = await who.Gwilym.browser.get("/api/v1/incidents/stats");
    expect(stats.statusCode).toBe(200);
    expect(stats.json().total).toBeGreaterThan(5);
    expect(stats.json().byCategory.cyberbullying).toBeGreaterThan(0);
    expect(stats.json().byYearGroup["Year 3"]).toBeGreaterThan(0);
    expect(stats.body).not.toMatch(/Gwen|Morgan|group chat/);
    expect((await who.Sam.browser.get("/api/v1/incidents/stats")).statusCode).toBe(403);

    const chron = (await who.Delyth.browser.get(`/api/v1/incidents/chronology/${pupilId}`)).json();
    expect(chron.person.name).toBe("Gwen Morgan");
    const kinds = chron.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain("reported");
    expect(kinds).toContain("note");
    // The allegation about the DSL involving Gwen is not in her chronology for the DSL.
    expect(chron.items.some((i: { category: string }) => i.category === "inappropriate_contact")).toBe(false);
  });

  it("refuses bad reports with clear messages and changes nothing", async () => {
    const before = (
      await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM incidents`)
    )[0].n;
    const bad = [
      { category: "gossip" },
      { summary: "short" },
      { occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
      { involvedPersonIds: ["00000000-0000-4000-8000-000000000000"] },
    ];
    for (const body of bad) {
      const res = await report(who.Tegan.browser, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toBeTruthy();
    }
    const after = (
      await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM incidents`)
    )[0].n;
    expect(after).toBe(before);
    expect((await t.app.inject({ method: "POST", url: "/api/v1/incidents", payload: {} })).statusCode).toBe(
      401,
    );
  });
});

describe("an incident's notification, delivered over real SMTP", () => {
  it("reaches the DSL with a link and the category, and not a name or a detail", async () => {
    const smtp = await startSmtp();
    const t = await startTestApp();
    try {
      const { admin: head, schoolId } = await setUpSchool(t.app);
      await signedInPerson(t, head, schoolId, { givenName: "Delyth", roles: ["dsl"] } as never);
      const reporter = await signedInPerson(t, head, schoolId, { givenName: "Tegan" });
      const pupil = (
        await head.post("/api/v1/people", { givenName: "Gwen", familyName: "Morgan", kinds: ["pupil"] })
      ).json();
      const made = (
        await reporter.browser.post("/api/v1/incidents", {
          category: "inappropriate_contact",
          occurredAt: new Date().toISOString(),
          summary: "An adult stranger messaged Gwen on a games console asking for photos.",
          involvedPersonIds: [pupil.id],
        })
      ).json();
      await sweepOutbox(t.database.db, smtpTransport(smtp.url), "accord@oakfield.test");
      const mail = smtp.received.find((m) => m.to.includes("delyth@staffroom.test"));
      expect(mail?.raw).toContain(made.reference);
      expect(mail?.raw).toContain("Inappropriate contact with a child");
      expect(mail?.raw).toContain(`/incidents/${made.id}`);
      expect(mail?.raw).not.toMatch(/Gwen|Morgan|stranger|console|Tegan/);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
