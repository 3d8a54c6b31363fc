import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import type { Browser } from "../../testing/app.js";
import { setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { chaseFollowUps } from "./follow-ups.js";

type Mail = { to: string; subject: string; body: string };

describe("permission requests", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let headId: string;
  const who: Record<string, { browser: Browser; id: string }> = {};

  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const audit = async (action: string) =>
    queryRows<{ entity_id: string; summary: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT entity_id, summary FROM audit_events WHERE school_id = ${schoolId} AND action = ${action}`,
    );
  const phone = (as: Browser, when = "The Year 5 trip to the museum") =>
    as.post("/api/v1/requests", {
      typeKey: "phone_contact_time",
      details: { reason: "To keep in touch with the coach driver and the school office.", when },
    });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId, adminId: headId } = await setUpSchool(t.app));
    const people: [string, string[]][] = [
      ["Tegan", []],
      ["Lowri", ["line_manager"]],
      ["Lewis", ["line_manager"]],
      ["Nerys", ["network_manager"]],
      ["Dora", ["dpo"]],
      ["Sam", []],
    ];
    for (const [name, roles] of people)
      who[name] = await signedInPerson(t, head, schoolId, { givenName: name, roles } as never);
  });
  afterAll(() => t.close());

  it("offers the default request types, each with its approver roles and questions", async () => {
    const res = await who.Tegan.browser.get("/api/v1/requests/types");
    expect(res.statusCode).toBe(200);
    const types = res.json().types;
    expect(types.map((x: { key: string }) => x.key)).toEqual([
      "phone_contact_time",
      "online_service",
      "social_media_account",
      "work_group",
      "event_photos",
      "install",
      "remote_access",
      "data_off_site",
      "controversial_material",
      "video_conferencing",
      "photos_personal_device",
    ]);
    const offSite = types.find((x: { key: string }) => x.key === "data_off_site");
    expect(offSite.approverRoles).toEqual(["dpo", "headteacher"]);
    expect(offSite.questions.map((q: { key: string }) => q.key)).toContain("encryption");
    expect(types.find((x: { key: string }) => x.key === "photos_personal_device").followUp).toBe(
      "images_moved",
    );
  });

  it("checks the answers against the type's questions, names each fault, and writes nothing", async () => {
    const before = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM permission_requests`,
    );
    const res = await who.Tegan.browser.post("/api/v1/requests", {
      typeKey: "photos_personal_device",
      details: { occasion: "Sports day", on: "2026-02-30", colour: "blue" },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["details.colour", "details.no_school_device", "details.on"]);
    const unknown = await who.Tegan.browser.post("/api/v1/requests", { typeKey: "nope", details: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe("typeKey");
    const yesno = await who.Tegan.browser.post("/api/v1/requests", {
      typeKey: "event_photos",
      details: { event: "Sports day", where: "Website", consent_checked: "maybe" },
    });
    expect(yesno.json().errors).toEqual([
      { field: "details.consent_checked", message: expect.stringContaining("yes or no") },
    ]);
    const after = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM permission_requests`,
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it("sends a request to every holder of its approver roles, by email and on their home page, and audits it", async () => {
    const res = await phone(who.Tegan.browser);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), status: "pending" });
    const id = res.json().id;
    const mails = (await outbox()).filter((m) => m.body.includes(`/requests/${id}`));
    expect(mails.map((m) => m.to).sort()).toEqual([
      "head@oakfield.test",
      "lewis@staffroom.test",
      "lowri@staffroom.test",
    ]);
    expect(mails[0].subject).toBe("Permission asked: Personal phone use during contact time");
    const home = (await who.Lowri.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "requestsToDecide", params: { count: 1 }, href: "/requests/decide" }),
    );
    const list = (await who.Lowri.browser.get("/api/v1/requests")).json();
    expect(list.toDecide.map((r: { id: string }) => r.id)).toContain(id);
    expect((await audit("request.made")).map((e) => e.entity_id)).toContain(id);
  });

  it("lets only a holder of an approver role decide, never the requester, and hides it from others", async () => {
    const { id } = (await phone(who.Lowri.browser, "Year 2 trip")).json();
    // Lowri holds line_manager, but it is her own request.
    const own = await who.Lowri.browser.post(`/api/v1/requests/${id}/decision`, { decision: "approve" });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/your own/);
    // Nerys holds a role, but not one this type names: she may not even see it.
    expect((await who.Nerys.browser.get(`/api/v1/requests/${id}`)).statusCode).toBe(404);
    expect(
      (await who.Nerys.browser.post(`/api/v1/requests/${id}/decision`, { decision: "approve" })).statusCode,
    ).toBe(404);
    expect((await who.Sam.browser.get(`/api/v1/requests/${id}`)).statusCode).toBe(404);
    // Lowri's own list shows it as hers, not to decide.
    const lowri = (await who.Lowri.browser.get("/api/v1/requests")).json();
    expect(lowri.mine.map((r: { id: string }) => r.id)).toContain(id);
    expect(lowri.toDecide.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it("lets another holder of the role stand in for one who is away", async () => {
    const { id } = (await phone(who.Tegan.browser, "Residential trip")).json();
    // Lowri is away: Lewis, who holds the same role, decides.
    const res = await who.Lewis.browser.post(`/api/v1/requests/${id}/decision`, {
      decision: "approve",
      conditions: "Only for calls to the office and the coach company.",
      validUntil: addDays(todayInLondon(), 10),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("approved");
    const view = (await who.Tegan.browser.get(`/api/v1/requests/${id}`)).json();
    expect(view.status).toBe("approved");
    expect(view.conditions).toBe("Only for calls to the office and the coach company.");
    expect(view.entries[0]).toMatchObject({ kind: "approved", author: { name: "Lewis Staffroom" } });
    // Decided once: a second decision is refused.
    const again = await who.Lowri.browser.post(`/api/v1/requests/${id}/decision`, {
      decision: "refuse",
      reason: "No",
    });
    expect(again.statusCode).toBe(409);
    const mail = (await outbox()).find(
      (m) => m.to === "tegan@staffroom.test" && m.subject.startsWith("Approved"),
    );
    expect(mail?.body).toContain("Only for calls to the office");
  });

  it("sends a request for a line manager to the requester's own, when the directory names one", async () => {
    // Huw's line manager is Gwen, who holds no role at all; Lowri holds the role but is not Huw's.
    const noRole = await signedInPerson(t, head, schoolId, { givenName: "Gwen" });
    const huw = await signedInPerson(t, head, schoolId, { givenName: "Huw" });
    const set = await head.patch(`/api/v1/people/${huw.id}`, { lineManagerId: noRole.id });
    expect(set.statusCode).toBe(200);
    expect(set.json().lineManager).toEqual({ id: noRole.id, name: "Gwen Staffroom" });
    const { id } = (await phone(huw.browser, "Sports day")).json();
    const mails = (await outbox()).filter((m) => m.body.includes(`/requests/${id}`));
    expect(mails.map((m) => m.to).sort()).toEqual(["gwen@staffroom.test", "head@oakfield.test"]);
    // Lowri holds line_manager but manages someone else: she neither sees nor decides it.
    expect((await who.Lowri.browser.get(`/api/v1/requests/${id}`)).statusCode).toBe(404);
    // Gwen has no role, so no "to decide" menu: Home opens the request itself.
    const home = (await noRole.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "requestsToDecide", params: { count: 1 }, href: `/requests/${id}` }),
    );
    expect(
      (await noRole.browser.get("/api/v1/requests")).json().toDecide.map((r: { id: string }) => r.id),
    ).toEqual([id]);
    const decided = await noRole.browser.post(`/api/v1/requests/${id}/decision`, { decision: "approve" });
    expect(decided.statusCode).toBe(200);
    // Tegan has no line manager recorded: any holder of the role still decides hers.
    const own = (await phone(who.Tegan.browser, "Parents' evening")).json();
    expect((await who.Lowri.browser.get(`/api/v1/requests/${own.id}`)).statusCode).toBe(200);
  });

  it("needs a reason to refuse, and tells the requester why", async () => {
    const { id } = (await phone(who.Tegan.browser, "Every lesson")).json();
    const bare = await head.post(`/api/v1/requests/${id}/decision`, { decision: "refuse" });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe("reason");
    const res = await head.post(`/api/v1/requests/${id}/decision`, {
      decision: "refuse",
      reason: "Phones stay in lockers during lessons.",
    });
    expect(res.json().status).toBe("refused");
    const mail = (await outbox()).find(
      (m) => m.to === "tegan@staffroom.test" && m.subject.startsWith("Not approved"),
    );
    expect(mail?.body).toContain("Phones stay in lockers during lessons.");
    expect((await audit("request.refused")).find((e) => e.entity_id === id)?.summary.reason).toBe(
      "Phones stay in lockers during lessons.",
    );
  });

  it("asks for more information, which the requester answers, and the request is pending again", async () => {
    const { id } = (
      await who.Tegan.browser.post("/api/v1/requests", {
        typeKey: "install",
        details: { what: "A screen recorder", where: "Classroom PC", reason: "Making revision videos." },
      })
    ).json();
    const vague = await who.Nerys.browser.post(`/api/v1/requests/${id}/decision`, { decision: "more_info" });
    expect(vague.statusCode).toBe(400);
    await who.Nerys.browser.post(`/api/v1/requests/${id}/decision`, {
      decision: "more_info",
      reason: "Which screen recorder, and is it free?",
    });
    expect((await who.Tegan.browser.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      status: "more_info",
      canReply: true,
    });
    const home = (await who.Tegan.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "requestMoreInfo", href: `/requests/${id}` }),
    );
    // Only the requester answers.
    expect(
      (await who.Nerys.browser.post(`/api/v1/requests/${id}/reply`, { text: "Me instead" })).statusCode,
    ).toBe(403);
    const reply = await who.Tegan.browser.post(`/api/v1/requests/${id}/reply`, {
      text: "OBS Studio; it is free.",
    });
    expect(reply.json()).toEqual({ id, status: "pending" });
    const view = (await who.Nerys.browser.get(`/api/v1/requests/${id}`)).json();
    expect(view.status).toBe("pending");
    expect(view.canDecide).toBe(true);
    expect(view.entries.map((e: { kind: string }) => e.kind)).toEqual(["more_info", "reply"]);
    const mail = (await outbox()).find(
      (m) => m.to === "nerys@staffroom.test" && m.subject.startsWith("More information given"),
    );
    expect(mail).toBeDefined();
  });

  it("keeps decisions as evidence: a decision cannot be changed or deleted", async () => {
    await expect(t.database.db.execute(sql`UPDATE request_entries SET text = 'changed'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM permission_requests`)).rejects.toThrow();
  });

  it("shows in the register only what is permitted now, by person and type, with what ends within 30 days", async () => {
    const today = todayInLondon();
    const make = async (validUntil: string | undefined, by = head) => {
      const { id } = (
        await who.Sam.browser.post("/api/v1/requests", {
          typeKey: "remote_access",
          details: { systems: "MIS", device: "School laptop", reason: "Reports at home" },
        })
      ).json();
      await by.post(`/api/v1/requests/${id}/decision`, {
        decision: "approve",
        ...(validUntil ? { validUntil } : {}),
      });
      return id;
    };
    const open = await make(undefined);
    const soon = await make(addDays(today, 20));
    const later = await make(addDays(today, 90));
    const ended = await make(addDays(today, 1));
    // Ended yesterday: an approval in the past, no longer in force.
    await t.database.db.execute(sql`ALTER TABLE request_entries DISABLE TRIGGER request_entries_insert_only`);
    await t.database.db.execute(
      sql`UPDATE request_entries SET valid_until = ${addDays(today, -1)} WHERE request_id = ${ended}`,
    );
    await t.database.db.execute(sql`ALTER TABLE request_entries ENABLE TRIGGER request_entries_insert_only`);
    const register = (await who.Tegan.browser.get("/api/v1/requests/register")).json();
    const ids = register.permissions.map((p: { requestId: string }) => p.requestId);
    expect(ids).toEqual(expect.arrayContaining([open, soon, later]));
    expect(ids).not.toContain(ended);
    expect(register.expiringSoon).toContain(soon);
    expect(register.expiringSoon).not.toContain(later);
    expect(register.expiringSoon).not.toContain(open);
    const sam = register.byPerson.find((p: { person: { id: string } }) => p.person.id === who.Sam.id);
    expect(sam.requestIds.sort()).toEqual([open, soon, later].sort());
    const remote = register.byType.find((x: { key: string }) => x.key === "remote_access");
    expect(remote.requestIds).toHaveLength(3);
    // Refused and pending requests are not permissions.
    for (const p of register.permissions) expect(p.approvedBy.name).not.toBe("");
  });

  it("chases an overdue photo follow-up once a day until the requester confirms it", async () => {
    const day = todayInLondon();
    const { id } = (
      await who.Tegan.browser.post("/api/v1/requests", {
        typeKey: "photos_personal_device",
        details: {
          occasion: "Forest school",
          no_school_device: "The school cameras were all out on a trip",
          on: day,
        },
      })
    ).json();
    await head.post(`/api/v1/requests/${id}/decision`, { decision: "approve", validUntil: day });
    const view = (await who.Tegan.browser.get(`/api/v1/requests/${id}`)).json();
    expect(view.followUp).toMatchObject({ dueOn: day, confirmedAt: null });
    expect(view.canConfirmFollowUp).toBe(true);
    const chases = async () =>
      (await outbox()).filter((m) => m.to === "tegan@staffroom.test" && m.subject.startsWith("Overdue"))
        .length;
    const at = (days: number) => new Date(Date.parse(`${addDays(day, days)}T12:00:00Z`));
    await chaseFollowUps(t.database.db, t.config.publicUrl, at(0)); // due today: not yet overdue
    expect(await chases()).toBe(0);
    await chaseFollowUps(t.database.db, t.config.publicUrl, at(1));
    await chaseFollowUps(t.database.db, t.config.publicUrl, at(1)); // the same day again: once
    expect(await chases()).toBe(1);
    await chaseFollowUps(t.database.db, t.config.publicUrl, at(2));
    expect(await chases()).toBe(2);
    // Only the requester confirms.
    expect((await head.post(`/api/v1/requests/${id}/follow-up`)).statusCode).toBe(403);
    const confirmed = await who.Tegan.browser.post(`/api/v1/requests/${id}/follow-up`);
    expect(confirmed.statusCode).toBe(200);
    await chaseFollowUps(t.database.db, t.config.publicUrl, at(3));
    expect(await chases()).toBe(2);
    expect((await audit("request.follow_up_chased")).filter((e) => e.entity_id === id)).toHaveLength(2);
    expect((await audit("request.follow_up_confirmed")).map((e) => e.entity_id)).toContain(id);
  });

  it("offers to add an approved online service to the register, with the DPO's view", async () => {
    const { id } = (
      await who.Tegan.browser.post("/api/v1/requests", {
        typeKey: "online_service",
        details: {
          service: "Quizlet",
          reason: "Vocabulary practice",
          personal_data: "Pupils' names and class",
          pupils_use: true,
        },
      })
    ).json();
    const bad = await who.Dora.browser.post(`/api/v1/requests/${id}/decision`, {
      decision: "approve",
      addToRegister: { personalData: "names" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("addToRegister.name");
    const res = await who.Dora.browser.post(`/api/v1/requests/${id}/decision`, {
      decision: "approve",
      validUntil: addDays(todayInLondon(), 365),
      addToRegister: {
        name: "Quizlet",
        personalData: "Pupils' first names and class",
        reviewOn: addDays(todayInLondon(), 365),
        dpoView: "Acceptable: UK data processing agreement signed.",
      },
    });
    expect(res.statusCode).toBe(200);
    const services = (await who.Sam.browser.get("/api/v1/requests/services")).json().services;
    expect(services).toContainEqual(
      expect.objectContaining({
        name: "Quizlet",
        requestId: id,
        approvedBy: { id: who.Dora.id, name: "Dora Staffroom" },
        dpoView: "Acceptable: UK data processing agreement signed.",
      }),
    );
    // Staff read the register; only admins and the DPO keep it.
    expect((await who.Sam.browser.post("/api/v1/requests/services", { name: "X" })).statusCode).toBe(403);
    const patched = await who.Dora.browser.patch(`/api/v1/requests/services/${services[0].id}`, {
      dpoView: "Reviewed: still acceptable.",
    });
    expect(patched.json().dpoView).toBe("Reviewed: still acceptable.");
    expect((await audit("request.service_added")).length).toBe(1);
  });

  it("warns about a social media account with one administrator, or one who has left", async () => {
    const made = await head.post("/api/v1/requests/social-accounts", {
      platform: "Instagram",
      handle: "@oakfieldpe",
      purpose: "PE department news",
      administratorIds: [who.Sam.id],
    });
    expect(made.statusCode).toBe(201);
    expect(made.json().warnings).toEqual(["one_administrator"]);
    const both = await head.patch(`/api/v1/requests/social-accounts/${made.json().id}`, {
      administratorIds: [who.Sam.id, who.Tegan.id],
    });
    expect(both.json().warnings).toEqual([]);
    // Tegan left last week: the account still names her.
    await t.database.db.execute(
      sql`UPDATE people SET leave_date = ${addDays(todayInLondon(), -7)} WHERE id = ${who.Tegan.id}`,
    );
    const list = (await who.Sam.browser.get("/api/v1/requests/social-accounts")).json().accounts;
    expect(list[0].warnings).toEqual(["administrator_left"]);
    expect(list[0].administrators).toContainEqual({ id: who.Tegan.id, name: "Tegan Staffroom", left: true });
    const home = (await head.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "socialAccountWarnings", params: { count: 1 } }),
    );
    // Not the headteacher: no such item.
    const dora = (await who.Dora.browser.get("/api/v1/home")).json();
    expect(dora.attention.map((a: { key: string }) => a.key)).not.toContain("socialAccountWarnings");
    await t.database.db.execute(sql`UPDATE people SET leave_date = NULL WHERE id = ${who.Tegan.id}`);
    expect((await audit("request.social_account_changed")).length).toBe(1);
  });

  it("lets admins edit request types and add their own, and keeps what a request asked", async () => {
    expect((await who.Sam.browser.post("/api/v1/requests/types", {})).statusCode).toBe(403);
    const made = await head.post("/api/v1/requests/types", {
      key: "filming_visitors",
      name: "Filming a visiting speaker",
      approverRoles: ["slt"],
      questions: [{ key: "speaker", label: "Who is the speaker?", required: true, kind: "text" }],
    });
    expect(made.statusCode).toBe(201);
    const dup = await head.post("/api/v1/requests/types", {
      key: "filming_visitors",
      name: "Again",
      approverRoles: ["slt"],
      questions: [],
    });
    expect(dup.statusCode).toBe(409);
    const changed = await head.patch("/api/v1/requests/types/install", {
      approverRoles: ["network_manager", "slt"],
    });
    expect(changed.json().approverRoles).toEqual(["network_manager", "slt"]);
    const retired = await head.patch("/api/v1/requests/types/filming_visitors", { retired: true });
    expect(retired.json().retired).toBe(true);
    const types = (await who.Sam.browser.get("/api/v1/requests/types")).json().types;
    expect(types.map((x: { key: string }) => x.key)).not.toContain("filming_visitors");
    const ask = await who.Sam.browser.post("/api/v1/requests", {
      typeKey: "filming_visitors",
      details: { speaker: "A poet" },
    });
    expect(ask.statusCode).toBe(400);
    expect((await audit("request.type_changed")).length).toBe(2);
  });

  it("lets admins read every request but not decide one their roles do not approve", async () => {
    const { id } = (
      await who.Tegan.browser.post("/api/v1/requests", {
        typeKey: "install",
        details: { what: "Scratch", where: "Suite", reason: "Coding club" },
      })
    ).json();
    // The headteacher (an admin) sees it; only the network manager or SLT decide it.
    const view = (await head.get(`/api/v1/requests/${id}`)).json();
    expect(view.canDecide).toBe(false);
    expect((await head.post(`/api/v1/requests/${id}/decision`, { decision: "approve" })).statusCode).toBe(
      403,
    );
    expect(headId).toBeDefined();
  });
});
