import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { chaseFilteringActions } from "./reminders.js";
import { isReviewOverdue, nextReviewDue } from "./status.js";

type Mail = { to: string; subject: string; body: string };

describe("filtering and monitoring reviews", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let otherSchoolPerson: string;
  const who: Record<string, { browser: Browser; id: string }> = {};
  const today = todayInLondon();

  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0].n;
  const review = (overrides: Record<string, unknown> = {}) => ({
    reviewedOn: today,
    trigger: "annual",
    participants: [who.Lowri.id, who.Delyth.id, who.Nia.id, who.Gareth.id],
    externalParticipants: ["Dyfed Web Filter Ltd"],
    products: ["Dyfed WebGuard", "SafeWatch monitoring"],
    checks: [
      { key: "categories_blocked", checked: true, note: "Adult, gambling and self-harm categories blocked." },
      { key: "generative_ai", checked: true, note: "Chatbots reach pupils through the search filter only." },
      { key: "send_and_eal", checked: false, note: "" },
    ],
    findings: "Guest wi-fi was not filtered in the sports hall.",
    actions: [
      {
        text: "Put the sports hall guest wi-fi behind the filter",
        ownerId: who.Nia.id,
        dueDate: addDays(today, 14),
      },
      { text: "Tell governors how alerts reach the DSL", ownerId: who.Lowri.id, dueDate: addDays(today, 30) },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    for (const [name, kinds, roles] of [
      ["Lowri", ["staff"], ["slt"]],
      ["Delyth", ["staff"], ["dsl"]],
      ["Nia", ["staff"], ["network_manager"]],
      ["Tom", ["staff"], []],
      ["Gareth", ["governor"], []],
      ["Glenys", ["governor"], []],
      ["Osian", ["staff"], ["online_safety_lead"]],
    ] as [string, string[], string[]][])
      who[name] = await signedInPerson(t, head, schoolId, { givenName: name, kinds, roles } as never);
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO schools (name) VALUES ('Ysgol Arall') RETURNING id`,
    );
    [{ id: otherSchoolPerson }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO people (school_id, given_name, family_name, kinds)
          VALUES (${other.id}, 'Elsewhere', 'Person', ARRAY['staff']) RETURNING id`,
    );
  });
  afterAll(() => t.close());

  it("counts a school that has never reviewed its filtering as overdue, and tells the head", async () => {
    const status = (await head.get("/api/v1/filtering-reviews/status")).json();
    expect(status).toMatchObject({ lastReviewedOn: null, nextDueOn: null, overdue: true, canRecord: true });
    const home = (await head.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "filteringReviewNever", href: "/filtering" }),
    );
  });

  it("lets the head name the senior leader (staff) and governor (a governor), and refuses the wrong people", async () => {
    const wrong = await head.put("/api/v1/filtering-reviews/responsibles", {
      leaderId: who.Gareth.id,
      governorId: who.Tom.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["governorId", "leaderId"]);
    const named = await head.put("/api/v1/filtering-reviews/responsibles", {
      leaderId: who.Lowri.id,
      governorId: who.Gareth.id,
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json()).toMatchObject({
      leader: { name: "Lowri Staffroom" },
      governor: { name: "Gareth Staffroom" },
    });
    // Named, the leader and the governor find the reviews in their menu.
    const lowriMe = (await who.Lowri.browser.get("/api/v1/me")).json();
    expect(lowriMe.permissions).toEqual(expect.arrayContaining(["filtering.read", "filtering.record"]));
    const garethMe = (await who.Gareth.browser.get("/api/v1/me")).json();
    expect(garethMe.permissions).toContain("filtering.read");
    expect(garethMe.permissions).not.toContain("filtering.record");
    const tomMe = (await who.Tom.browser.get("/api/v1/me")).json();
    expect(tomMe.permissions).not.toContain("filtering.read");
    // The named leader now sees the overdue review on their home page too.
    const home = (await who.Lowri.browser.get("/api/v1/home")).json();
    expect(home.attention.map((a: { key: string }) => a.key)).toContain("filteringReviewNever");
  });

  it("refuses bad input with the failing fields and writes nothing", async () => {
    const before = [await count("filtering_reviews"), await count("filtering_actions")];
    const unknownOwner = await head.post(
      "/api/v1/filtering-reviews",
      review({
        actions: [{ text: "Check the proxy", ownerId: otherSchoolPerson, dueDate: addDays(today, 3) }],
      }),
    );
    expect(unknownOwner.statusCode).toBe(400);
    expect(unknownOwner.json().errors).toContainEqual(
      expect.objectContaining({ field: "actions.0.ownerId" }),
    );
    const { findings: _, ...noFindings } = review();
    const missing = await head.post("/api/v1/filtering-reviews", noFindings);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain("findings");
    const badDate = await head.post(
      "/api/v1/filtering-reviews",
      review({ actions: [{ text: "Check the proxy", ownerId: who.Nia.id, dueDate: "next week" }] }),
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors.map((e: { field: string }) => e.field)).toContain("actions.0.dueDate");
    const future = await head.post("/api/v1/filtering-reviews", review({ reviewedOn: addDays(today, 2) }));
    expect(future.statusCode).toBe(400);
    expect([await count("filtering_reviews"), await count("filtering_actions")]).toEqual(before);
  });

  let reviewId: string;
  let actionIds: string[];

  it("records a review with two actions, readable by those who act on it and the named governor only", async () => {
    const res = await who.Lowri.browser.post("/api/v1/filtering-reviews", review());
    expect(res.statusCode, res.body).toBe(201);
    reviewId = res.json().id;
    actionIds = res.json().actions.map((a: { id: string }) => a.id);
    expect(actionIds).toHaveLength(2);

    const read = (await who.Gareth.browser.get(`/api/v1/filtering-reviews/${reviewId}`)).json();
    expect(read.findings).toBe("Guest wi-fi was not filtered in the sports hall.");
    expect(read.participants.map((p: { name: string }) => p.name)).toContain("Delyth Staffroom");
    expect(read.externalParticipants).toEqual(["Dyfed Web Filter Ltd"]);
    expect(read.checks).toHaveLength(7);
    expect(read.checks.find((c: { key: string }) => c.key === "bypass_attempts")).toEqual({
      key: "bypass_attempts",
      checked: false,
      note: "",
    });
    expect(
      read.actions.map((a: { text: string; owner: { name: string } }) => [a.text, a.owner.name]),
    ).toEqual([
      ["Put the sports hall guest wi-fi behind the filter", "Nia Staffroom"],
      ["Tell governors how alerts reach the DSL", "Lowri Staffroom"],
    ]);
    // The governor reads but does not mark actions done for others.
    expect(read.actions.every((a: { canMarkDone: boolean }) => !a.canMarkDone)).toBe(true);

    expect((await who.Delyth.browser.get("/api/v1/filtering-reviews")).json().reviews).toHaveLength(1);
    expect((await who.Tom.browser.get("/api/v1/filtering-reviews/status")).statusCode).toBe(403);
    expect((await who.Tom.browser.get(`/api/v1/filtering-reviews/${reviewId}`)).statusCode).toBe(403);
    expect((await who.Tom.browser.post("/api/v1/filtering-reviews", review())).statusCode).toBe(403);
    expect((await who.Glenys.browser.get(`/api/v1/filtering-reviews/${reviewId}`)).statusCode).toBe(403);
    expect(
      (await who.Glenys.browser.get(`/api/v1/filtering-reviews/${reviewId}/review.pdf`)).statusCode,
    ).toBe(403);
    // The named governor reads but may not record.
    expect((await who.Gareth.browser.post("/api/v1/filtering-reviews", review())).statusCode).toBe(403);
    expect(
      (
        await who.Nia.browser.put("/api/v1/filtering-reviews/responsibles", {
          leaderId: null,
          governorId: null,
        })
      ).statusCode,
    ).toBe(403);

    const status = (await head.get("/api/v1/filtering-reviews/status")).json();
    expect(status).toMatchObject({
      lastReviewedOn: today,
      nextDueOn: addMonths(today, 12),
      overdue: false,
      openActions: 2,
      overdueActions: 0,
    });
    const events = (await head.get("/api/v1/audit")).json().events as { action: string }[];
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["filtering.review_recorded", "filtering.responsibles_named"]),
    );
  });

  it("keeps a review as written: the database refuses to change or delete it", async () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      return String((error as { cause?: Error } | null)?.cause?.message);
    };
    expect(
      await refusal(sql`UPDATE filtering_reviews SET findings = 'All fine' WHERE id = ${reviewId}`),
    ).toMatch(/filtering_reviews is insert-only/);
    expect(await refusal(sql`DELETE FROM filtering_reviews WHERE id = ${reviewId}`)).toMatch(/insert-only/);
    expect(
      await refusal(sql`UPDATE filtering_actions SET text = 'Something easier' WHERE id = ${actionIds[0]}`),
    ).toMatch(/only be marked done/);
    expect((await head.get(`/api/v1/filtering-reviews/${reviewId}`)).json().findings).toBe(
      "Guest wi-fi was not filtered in the sports hall.",
    );
  });

  it("prints the review for governors with its findings and both actions and their owners", async () => {
    const res = await who.Gareth.browser.get(`/api/v1/filtering-reviews/${reviewId}/review.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("Guest wi-fi was not filtered in the sports hall.");
    expect(text).toContain("Put the sports hall guest wi-fi behind the filter");
    expect(text).toContain("Owner: Nia Staffroom");
    expect(text).toContain("Tell governors how alerts reach the DSL");
    expect(text).toContain("Owner: Lowri Staffroom");
    expect(text).toContain("Governor responsible: Gareth Staffroom");
  });

  it("prints the review in Welsh for a Welsh screen, with Welsh month names", async () => {
    const res = await who.Gareth.browser.request(
      "GET",
      `/api/v1/filtering-reviews/${reviewId}/review.pdf`,
      undefined,
      {
        "accept-language": "cy",
      },
    );
    expect(res.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("Adolygiad hidlo a monitro");
    expect(text).toContain("Llywodraethwr cyfrifol: Gareth Staffroom");
    expect(text).toContain("Yn gyfrifol: Nia Staffroom");
    expect(text).toContain("Guest wi-fi was not filtered in the sports hall.");
    expect(text).toMatch(
      /Dyddiad yr adolygiad: \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/,
    );
    expect(text).not.toContain("Governor responsible");
    expect(text).not.toContain("Owner:");
  });

  it("chases an open action on its due day and then weekly, each step once however often the sweep runs", async () => {
    const due = addDays(today, 14);
    const sweep = (on: string) => chaseFilteringActions(t.database.db, t.config.publicUrl, on);
    expect((await sweep(addDays(due, -1))).sent).toBe(0);
    expect((await sweep(due)).sent).toBe(1);
    expect((await sweep(due)).sent).toBe(0);
    expect((await sweep(addDays(due, 3))).sent).toBe(0);
    expect((await sweep(addDays(due, 7))).sent).toBe(1);
    expect((await sweep(addDays(due, 7))).sent).toBe(0);
    const mails = (await outbox()).filter((m) => m.subject.startsWith("Filtering review action"));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ["nia@staffroom.test", "Filtering review action overdue"],
      ["nia@staffroom.test", "Filtering review action due today"],
    ]);
  });

  it("lets an action's owner or an admin mark it done, and nobody else", async () => {
    const done = (who: Browser, id: string) =>
      who.post(`/api/v1/filtering-reviews/${reviewId}/actions/${id}/done`, {});
    expect((await done(who.Delyth.browser, actionIds[0])).statusCode).toBe(403);
    const mine = (await who.Nia.browser.get("/api/v1/filtering-reviews/actions/mine")).json();
    expect(mine.actions.map((a: { id: string; canMarkDone: boolean }) => [a.id, a.canMarkDone])).toEqual([
      [actionIds[0], true],
    ]);
    const byOwner = await done(who.Nia.browser, actionIds[0]);
    expect(byOwner.statusCode, byOwner.body).toBe(200);
    expect(byOwner.json()).toMatchObject({ doneOn: today, doneBy: { name: "Nia Staffroom" } });
    expect((await done(who.Nia.browser, actionIds[0])).statusCode).toBe(409);
    const byAdmin = await done(head, actionIds[1]);
    expect(byAdmin.statusCode).toBe(200);
    expect((await head.get("/api/v1/filtering-reviews/status")).json().openActions).toBe(0);
    // Done, an action is chased no more.
    expect((await chaseFilteringActions(t.database.db, t.config.publicUrl, addDays(today, 28))).sent).toBe(0);
  });

  it("links a review to the filtering incident that prompted it, and only to a filtering incident", async () => {
    const incident = async (category: string) =>
      (
        await who.Tom.browser.post("/api/v1/incidents", {
          category,
          occurredAt: new Date().toISOString(),
          summary: "A pupil reached a proxy site that got round the filter in the library.",
        })
      ).json().id as string;
    const filtering = await incident("filtering_breach");
    const other = await incident("cyberbullying");
    const wrong = await who.Osian.browser.post(
      "/api/v1/filtering-reviews",
      review({ trigger: "incident", incidentId: other, actions: [] }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual(["incidentId"]);
    const res = await who.Osian.browser.post(
      "/api/v1/filtering-reviews",
      review({ trigger: "incident", incidentId: filtering, actions: [] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const read = (await who.Osian.browser.get(`/api/v1/filtering-reviews/${res.json().id}`)).json();
    expect(read.trigger).toBe("incident");
    expect(read.incident).toMatchObject({ id: filtering, reference: expect.stringMatching(/^INC-/) });
  });

  it("is overdue from the day 12 calendar months after the last review", async () => {
    // 2 December 2025: due on 2 December 2026, not before.
    expect(nextReviewDue("2025-12-02")).toBe("2026-12-02");
    expect(isReviewOverdue("2025-12-02", "2026-12-01")).toBe(false);
    expect(isReviewOverdue("2025-12-02", "2026-12-02")).toBe(true);
    // A leap day: the next is due on the last day of February.
    expect(nextReviewDue("2024-02-29")).toBe("2025-02-28");
    expect(isReviewOverdue("2024-02-29", "2025-02-27")).toBe(false);
    expect(isReviewOverdue("2024-02-29", "2025-02-28")).toBe(true);
    expect(isReviewOverdue(null, "2026-01-01")).toBe(true);
  });

  it("shows the head an overdue review when the last one is exactly 12 months old, through the API", async () => {
    const fresh = await startTestApp();
    try {
      const { admin } = await setUpSchool(fresh.app);
      const me = (await admin.get("/api/v1/me")).json();
      const record = (reviewedOn: string) =>
        admin.post("/api/v1/filtering-reviews", {
          reviewedOn,
          trigger: "annual",
          participants: [me.id],
          findings: "Everything checked worked as expected.",
        });
      expect((await record(addMonths(today, -12))).statusCode).toBe(201);
      expect((await admin.get("/api/v1/filtering-reviews/status")).json()).toMatchObject({
        lastReviewedOn: addMonths(today, -12),
        overdue: true,
      });
      const keys = async () =>
        ((await admin.get("/api/v1/home")).json().attention as { key: string }[]).map((a) => a.key);
      expect(await keys()).toContain("filteringReviewOverdue");
      // A day later than that, and the next is due tomorrow: not overdue yet.
      expect((await record(addDays(addMonths(today, -12), 1))).statusCode).toBe(201);
      expect((await admin.get("/api/v1/filtering-reviews/status")).json().overdue).toBe(false);
      expect(await keys()).not.toContain("filteringReviewOverdue");
    } finally {
      await fresh.close();
    }
  });
});
