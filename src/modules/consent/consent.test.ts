import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { ROLES } from "../access/roles.js";
import { chaseRemovals } from "./removals.js";
import { askNewPupils, remindUnanswered } from "./requests.js";

/**
 * A class as the MIS gives it: Gwen has two parents with parental responsibility (both emailed)
 * and a grandmother without it; Tomos's father holds it with no email; Nia is 14 (old enough to
 * answer for herself at a school that chooses 13); Ifan has nobody on record.
 */
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,Date of Birth",
  "T200000000001,Gwen,Morgan,3,3A,2018-03-04",
  "T200000000002,Tomos,Price,3,3A,2018-05-06",
  "T200000000003,Nia,Hughes,9,9B,2012-01-10",
  "T200000000004,Ifan,Lloyd,3,3B,2018-07-08",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T200000000001",
  "K2,Dafydd,Morgan,dafydd@cartref.test,Father,2,Yes,T200000000001",
  "K3,Elen,Morgan,elen@cartref.test,Grandmother,3,No,T200000000001",
  "K4,Rhys,Price,,Father,1,Yes,T200000000002",
  "K5,Carys,Hughes,carys@cartref.test,Mother,1,Yes,T200000000003",
].join("\n");

type Mail = { to: string; subject: string; body: string };

describe("photo and video consent", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let teacher: Browser;
  let dsl: Browser;
  let webManagerId: string;
  const ids: Record<string, string> = {};
  const due = addDays(todayInLondon(), 30);

  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const linkFor = async (to: string) => {
    const mail = (await outbox()).find((m) => m.to === to && m.body.includes("/consent/answer/"));
    const token = mail?.body.match(/\/consent\/answer\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no consent link mailed to ${to}`);
    return token;
  };
  const status = async (pupil: string, who: Browser = teacher) => {
    const res = await who.get(`/api/v1/consent/pupils/${ids[pupil]}`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(
      (res.json().purposes as { key: string; status: string; reason: string }[]).map((p) => [
        p.key,
        `${p.status}:${p.reason}`,
      ]),
    );
  };
  const answerByLink = async (token: string, pupil: string, answers: Record<string, "yes" | "no">) => {
    const form = (await head.request("GET", `/api/v1/consent/links/${token}`)).json();
    const child = form.children.find((c: { id: string }) => c.id === ids[pupil]);
    return t.app.inject({
      method: "POST",
      url: `/api/v1/consent/links/${token}`,
      headers: { origin: "http://localhost:3000" },
      payload: {
        answers: Object.entries(answers).map(([purposeKey, answer]) => ({
          pupilId: ids[pupil],
          purposeKey,
          answer,
          wordingSha256: child.purposes.find((p: { key: string }) => p.key === purposeKey).wordingSha256,
        })),
      },
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    for (const [kind, csv] of [
      ["pupils", PUPILS],
      ["contacts", CONTACTS],
    ])
      expect(
        (
          await head.request("POST", `/api/v1/people/import?kind=${kind}&dryRun=false`, csv, {
            "content-type": "text/csv",
          })
        ).json().errors,
      ).toEqual([]);
    for (const p of (await head.get("/api/v1/people?status=all&limit=500")).json().people)
      ids[p.givenName === "Siân" ? "Sian" : p.givenName] = p.id;
    ({ browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Tegan" }));
    const d = await signedInPerson(t, head, schoolId, { givenName: "Delyth", roles: ["dsl"] } as never);
    dsl = d.browser;
    const web = await signedInPerson(t, head, schoolId, { givenName: "Wyn" });
    webManagerId = web.id;
  });
  afterAll(() => t.close());

  it("offers the usual purposes, promotional ones on consent, and says what each basis means", async () => {
    const { purposes } = (await teacher.get("/api/v1/consent/purposes")).json();
    const byKey = Object.fromEntries(purposes.map((p: { key: string }) => [p.key, p]));
    expect(Object.keys(byKey)).toEqual(
      expect.arrayContaining([
        "school_website",
        "social_media",
        "local_press",
        "video_livestream",
        "id_records",
      ]),
    );
    expect(byKey.school_website.basis).toBe("consent");
    expect(byKey.social_media.basis).toBe("consent");
    expect(byKey.school_website.basisText).toMatch(/If you do not answer, the answer is no/);
    expect(byKey.id_records.basis).toBe("public_task");
    expect(byKey.id_records.justification).toBeTruthy();
  });

  it("refuses a public-task purpose without a justification, and changes nothing", async () => {
    const res = await head.post("/api/v1/consent/purposes", {
      key: "sports_tracking",
      name: "Sports performance videos",
      description: "Videos of PE lessons used to coach technique.",
      basis: "public_task",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("justification");
    const { purposes } = (await head.get("/api/v1/consent/purposes")).json();
    expect(purposes.some((p: { key: string }) => p.key === "sports_tracking")).toBe(false);
    // A member of staff cannot add purposes at all.
    expect((await teacher.post("/api/v1/consent/purposes", {})).statusCode).toBe(403);
  });

  it("says no for a consent purpose and yes for a public-task one while nobody has answered", async () => {
    const s = await status("Gwen");
    expect(s.school_website).toBe("no:no_answer");
    expect(s.id_records).toBe("yes:no_objection");
  });

  it("asks only carers with parental responsibility, one link each, and lists the children no email reaches", async () => {
    const dry = (
      await head.post("/api/v1/consent/requests?dryRun=true", { classes: ["3A", "3B"], dueDate: due })
    ).json();
    expect(dry.pupils).toBe(3);
    expect(dry.sent).toBe(2); // Siân and Dafydd; not the grandmother, not Tomos's father (no email)
    expect(dry.unreachable.map((p: { name: string }) => p.name).sort()).toEqual([
      "Ifan Lloyd",
      "Tomos Price",
    ]);
    expect((await outbox()).filter((m) => m.body.includes("/consent/answer/"))).toHaveLength(0);

    const sent = (
      await head.post("/api/v1/consent/requests", { classes: ["3A", "3B"], dueDate: due })
    ).json();
    expect(sent.sent).toBe(2);
    const mails = (await outbox()).filter((m) => m.body.includes("/consent/answer/"));
    expect(mails.map((m) => m.to).sort()).toEqual(["dafydd@cartref.test", "sian@cartref.test"]);
    expect(mails[0].body).toContain("no answer means no");
  });

  it("records a parent's answers with the wording's hash, and the more restrictive of two carers stands", async () => {
    const sian = await linkFor("sian@cartref.test");
    const res = await answerByLink(sian, "Gwen", { school_website: "yes", social_media: "yes" });
    expect(res.statusCode).toBe(200);
    expect(res.json().reference).toMatch(/^C-[0-9A-F]{8}$/);
    const receipt = (await outbox()).find((m) => m.subject.includes(res.json().reference));
    expect(receipt?.to).toBe("sian@cartref.test");
    expect(receipt?.body).toMatch(/Gwen Morgan:\n {2}- School website: Yes/);
    expect((await status("Gwen")).school_website).toBe("yes:answered");

    const [row] = await queryRows<{ wording: string; wording_sha256: string; method: string }>(
      t.database.db,
      sql`SELECT wording, wording_sha256, method FROM consent_answers WHERE pupil_id = ${ids.Gwen} ORDER BY answered_at LIMIT 1`,
    );
    expect(row.method).toBe("link");
    expect(row.wording).toContain("School website");
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(row.wording).digest("hex")).toBe(row.wording_sha256);

    // The father says no to social media: the no stands, and the school is told.
    const dafydd = await linkFor("dafydd@cartref.test");
    expect((await answerByLink(dafydd, "Gwen", { social_media: "no" })).statusCode).toBe(200);
    const s = await status("Gwen");
    expect(s.social_media).toBe("no:disagreement");
    expect(s.school_website).toBe("yes:answered");
    expect((await outbox()).some((m) => m.subject.includes("carers disagree"))).toBe(true);
  });

  it("refuses a yes from a link already used: an old or forwarded link can only withdraw", async () => {
    const sian = await linkFor("sian@cartref.test");
    const res = await answerByLink(sian, "Gwen", { local_press: "yes" });
    expect(res.statusCode).toBe(409);
    expect((await status("Gwen")).local_press).toBe("no:no_answer");
  });

  it("applies a withdrawal at once and tells the named image managers, chasing until they confirm", async () => {
    await head.put("/api/v1/consent/settings", {
      selfAnswerAge: null,
      askNewPupils: false,
      imageManagerIds: [webManagerId],
    });
    const sian = await linkFor("sian@cartref.test");
    expect((await answerByLink(sian, "Gwen", { school_website: "no" })).statusCode).toBe(200);
    expect((await status("Gwen")).school_website).toBe("no:withdrawn");
    const told = (await outbox()).find((m) => m.to === "wyn@staffroom.test");
    expect(told?.subject).toBe("Please take down images of Gwen Morgan");
    expect(told?.body).toContain("School website");

    const { removals } = (await head.get("/api/v1/consent/removals")).json();
    expect(removals).toHaveLength(1);
    expect(removals[0].confirmedAt).toBeNull();
    // Two days on, still not confirmed: the manager is chased (once per sweep window).
    await t.database.db.execute(sql`ALTER TABLE consent_removals DISABLE TRIGGER ALL`);
    await t.database.db.execute(sql`UPDATE consent_removals SET notified_at = now() - interval '3 days'`);
    await t.database.db.execute(sql`ALTER TABLE consent_removals ENABLE TRIGGER ALL`);
    expect(await chaseRemovals(t.database.db, schoolId, "http://localhost:3000")).toBe(1);
    expect(await chaseRemovals(t.database.db, schoolId, "http://localhost:3000")).toBe(0);
    expect((await outbox()).filter((m) => m.subject === "Reminder: images still to take down")).toHaveLength(
      1,
    );
    // The teacher was not asked: they cannot confirm; the manager can.
    expect((await teacher.post(`/api/v1/consent/removals/${removals[0].id}/confirm`)).statusCode).toBe(403);
    const wyn = new (head.constructor as new (app: unknown) => Browser)(t.app);
    const { newSecret } = await import("../../kernel/secrets.js");
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${webManagerId})`,
    );
    wyn.cookie = `accord_session=${secret}`;
    // Their home page says so, until they confirm.
    const home = (await wyn.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual(
      expect.objectContaining({ key: "imagesToRemove", params: { count: 1 }, href: "/consent/removals" }),
    );
    expect((await wyn.post(`/api/v1/consent/removals/${removals[0].id}/confirm`)).statusCode).toBe(200);
    expect(await chaseRemovals(t.database.db, schoolId, "http://localhost:3000")).toBe(0);
    const after = (await wyn.get("/api/v1/home")).json();
    expect(after.attention.some((a: { key: string }) => a.key === "imagesToRemove")).toBe(false);
  });

  it("lets the DSL restrict a child: it overrides every answer, and only the DSL, deputies and head read why", async () => {
    expect(
      (await teacher.put(`/api/v1/consent/pupils/${ids.Gwen}/restriction`, { reason: "x" })).statusCode,
    ).toBe(403);
    expect(
      (await head.put(`/api/v1/consent/pupils/${ids.Gwen}/restriction`, { reason: "Court order." }))
        .statusCode,
    ).toBe(403);
    const res = await dsl.put(`/api/v1/consent/pupils/${ids.Gwen}/restriction`, {
      reason: "Court order: risk from a named person.",
    });
    expect(res.statusCode).toBe(200);
    const s = await status("Gwen");
    expect(Object.values(s).every((v) => v === "no:restricted")).toBe(true);

    const asTeacher = (await teacher.get(`/api/v1/consent/pupils/${ids.Gwen}`)).json();
    expect(asTeacher.restricted).toBe(true);
    expect(asTeacher.restriction.reason).toBeNull();
    expect(JSON.stringify(asTeacher)).not.toContain("Court order");
    expect((await head.get(`/api/v1/consent/pupils/${ids.Gwen}`)).json().restriction.reason).toBe(
      "Court order: risk from a named person.",
    );
    expect((await dsl.get(`/api/v1/consent/pupils/${ids.Gwen}`)).json().restriction.reason).toContain(
      "Court order",
    );
    // Nowhere else: not the audit log, not the collection view, not the export.
    for (const url of [
      "/api/v1/audit?limit=200",
      "/api/v1/consent/collection?class=3A",
      "/api/v1/consent/export?format=json",
      "/api/v1/consent/export?format=csv",
    ])
      expect((await head.get(url)).body).not.toContain("Court order");
  });

  it("shows the restriction's reason to no role but the DSL, deputies and headteacher (every role walked)", async () => {
    const readers = new Set(["dsl", "deputy_dsl", "headteacher"]);
    for (const role of [null, ...ROLES]) {
      const who = await signedInPerson(t, head, schoolId, {
        givenName: `Walker${role ?? "none"}`.replace(/_/g, ""),
        ...(role ? { roles: [role] } : {}),
      } as never);
      const res = await who.browser.get(`/api/v1/consent/pupils/${ids.Gwen}`);
      expect(res.statusCode, String(role)).toBe(200);
      expect(res.json().restricted).toBe(true);
      expect(res.body.includes("Court order"), `${role} reads the reason`).toBe(readers.has(role ?? ""));
    }
    // A governor or volunteer is not staff: consent is not theirs to read at all.
    const governor = await signedInPerson(t, head, schoolId, { givenName: "Gareth", kinds: ["governor"] });
    expect((await governor.browser.get(`/api/v1/consent/pupils/${ids.Gwen}`)).statusCode).toBe(403);
    expect(
      (
        await governor.browser.post("/api/v1/consent/check", {
          purposeKey: "school_website",
          pupilIds: [ids.Gwen],
        })
      ).statusCode,
    ).toBe(403);
    // Nobody signed in reads nothing.
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/consent/pupils/${ids.Gwen}` })).statusCode,
    ).toBe(401);
  });

  it("answers 'can I use this photo?' for each child with the reason, and records the check", async () => {
    const res = await teacher.post("/api/v1/consent/check", {
      purposeKey: "id_records",
      pupilIds: [ids.Gwen, ids.Tomos],
    });
    expect(res.statusCode).toBe(200);
    const check = res.json();
    expect(check.allowed).toBe(false);
    expect(
      check.pupils.map((p: { name: string; allowed: boolean; reason: string }) => [
        p.name,
        p.allowed,
        p.reason,
      ]),
    ).toEqual([
      ["Gwen Morgan", false, "restricted"],
      ["Tomos Price", true, "no_objection"],
    ]);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM consent_checks WHERE id = ${check.checkId} AND NOT allowed`,
    );
    expect(n).toBe(1);
    const bad = await teacher.post("/api/v1/consent/check", { purposeKey: "school_website", pupilIds: [] });
    expect(bad.statusCode).toBe(400);
  });

  it("records a paper form for a carer with parental responsibility only", async () => {
    const wrong = await head.post(`/api/v1/consent/pupils/${ids.Tomos}/answers`, {
      carerId: ids.Elen,
      method: "paper",
      answers: [{ purposeKey: "school_website", answer: "yes" }],
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await head.post(`/api/v1/consent/pupils/${ids.Tomos}/answers`, {
      carerId: ids.Rhys,
      method: "paper",
      note: "Form returned in book bag",
      answers: [
        { purposeKey: "school_website", answer: "yes" },
        { purposeKey: "local_press", answer: "no" },
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().answers.map((a: { by: string; method: string }) => [a.by, a.method])).toEqual([
      ["Rhys Price", "paper"],
      ["Rhys Price", "paper"],
    ]);
    expect((await status("Tomos")).school_website).toBe("yes:answered");
    // The single-answer call of API.md, a phone call with no carer named, counts as the school's record.
    const phone = await head.post("/api/v1/consent/answers", {
      pupilId: ids.Tomos,
      purposeKey: "id_records",
      answer: "no",
      method: "phone",
      note: "Father rang to object.",
    });
    expect(phone.statusCode).toBe(201);
    expect((await status("Tomos")).id_records).toBe("no:objected");
    expect((await teacher.post("/api/v1/consent/answers", {})).statusCode).toBe(403);
  });

  it("lets a pupil answer for themself only from the age the school chooses", async () => {
    const body = {
      byPupil: true,
      method: "in_person",
      answers: [{ purposeKey: "social_media", answer: "yes" }],
    };
    expect((await head.post(`/api/v1/consent/pupils/${ids.Nia}/answers`, body)).statusCode).toBe(400);
    await head.put("/api/v1/consent/settings", {
      selfAnswerAge: 13,
      askNewPupils: false,
      imageManagerIds: [webManagerId],
    });
    expect((await head.post(`/api/v1/consent/pupils/${ids.Nia}/answers`, body)).statusCode).toBe(201);
    expect((await status("Nia")).social_media).toBe("yes:answered");
    // Gwen is eight: too young.
    expect((await head.post(`/api/v1/consent/pupils/${ids.Ifan}/answers`, body)).statusCode).toBe(400);
  });

  it("prints a class sheet with every child, restricted first, a mark per purpose", async () => {
    const res = await teacher.get("/api/v1/consent/class-sheet.pdf?class=3A");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("Photo and video consent: 3A");
    expect(text.indexOf("Gwen Morgan")).toBeLessThan(text.indexOf("Tomos Price"));
    expect(text).toContain("NO IMAGES");
    expect(text).toMatch(/Tomos Price \(3A\).*YES/);
  });

  it("prints the class sheet in Welsh for a Welsh screen", async () => {
    const res = await teacher.request("GET", "/api/v1/consent/class-sheet.pdf?class=3A", undefined, {
      "accept-language": "cy",
    });
    expect(res.statusCode).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain("Caniatâd lluniau a fideos: 3A");
    expect(text).toContain("DIM DELWEDDAU");
    expect(text).toMatch(/Tomos Price \(3A\).*IE/);
    expect(text).not.toContain("Photo and video consent");
    expect(text).not.toContain("NO IMAGES");
  });

  it("prints the forms that go home in the school's language for families", async () => {
    const forms = async () => {
      const res = await head.get("/api/v1/consent/forms.pdf?class=3A");
      expect(res.statusCode).toBe(200);
      const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
      const text = (await parser.getText()).text.replace(/\s+/g, " ");
      await parser.destroy();
      return text;
    };
    expect(await forms()).toContain("Photos and videos at school");
    const [{ language: before }] = await queryRows<{ language: string }>(
      t.database.db,
      sql`SELECT language FROM schools WHERE id = ${schoolId}`,
    );
    try {
      await t.database.db.execute(sql`UPDATE schools SET language = 'cy' WHERE id = ${schoolId}`);
      const welsh = await forms();
      expect(welsh).toContain("Lluniau a fideos yn yr ysgol");
      expect(welsh).toContain("Perthynas â'r plentyn");
      expect(welsh).toContain("Ar gyfer: Tomos Price (3A)");
      expect(welsh).not.toContain("Photos and videos at school");
      expect(welsh).not.toContain("Relationship to the child");
    } finally {
      await t.database.db.execute(sql`UPDATE schools SET language = ${before} WHERE id = ${schoolId}`);
    }
  });

  it("exports each pupil's status per purpose as CSV and JSON", async () => {
    const json = (await teacher.get("/api/v1/consent/export?format=json")).json();
    const tomos = json.pupils.find((p: { name: string }) => p.name === "Tomos Price");
    expect(tomos.purposes.school_website).toEqual({ status: "yes", reason: "answered" });
    const csv = (await teacher.get("/api/v1/consent/export?format=csv")).body;
    expect(csv.split("\r\n")[0]).toContain("School website");
    expect(csv).toMatch(/Gwen Morgan,3A,Year 3,Restricted,No,No/);
  });

  it("stops asking about pupils who leave, and asks new pupils' parents when the school turns it on", async () => {
    await head.put("/api/v1/consent/settings", {
      selfAnswerAge: 13,
      askNewPupils: true,
      imageManagerIds: [],
    });
    const before = (await outbox()).length;
    const res = await head.request(
      "POST",
      "/api/v1/people/import?kind=pupils&dryRun=false",
      "UPN,Legal Forename,Legal Surname,Year Group,Reg Group\nT200000000009,Osian,Jones,3,3B",
      { "content-type": "text/csv" },
    );
    expect(res.json().errors).toEqual([]);
    const osian = (await head.get("/api/v1/people?status=all&limit=500"))
      .json()
      .people.find((p: { givenName: string }) => p.givenName === "Osian").id;
    await head.post("/api/v1/people", {
      givenName: "Mari",
      familyName: "Jones",
      kinds: ["parent"],
      email: "mari@cartref.test",
    });
    const mari = (await head.get("/api/v1/people?status=all&limit=500"))
      .json()
      .people.find((p: { givenName: string }) => p.givenName === "Mari").id;
    await t.database.db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, parental_responsibility) VALUES (${schoolId}, ${osian}, ${mari}, true)`,
    );
    expect(await askNewPupils(t.database.db, schoolId, "http://localhost:3000")).toBe(1);
    expect(await askNewPupils(t.database.db, schoolId, "http://localhost:3000")).toBe(0);
    expect((await outbox()).length).toBe(before + 1);
    expect(await linkFor("mari@cartref.test")).toBeTruthy();

    // Ifan leaves: he is no longer asked about, nor listed.
    await head.post(`/api/v1/people/${ids.Ifan}/leaver`, { leaveDate: addDays(todayInLondon(), -1) });
    const dry = (
      await head.post("/api/v1/consent/requests?dryRun=true", { classes: ["3B"], dueDate: due })
    ).json();
    expect(dry.unreachable.map((p: { name: string }) => p.name)).not.toContain("Ifan Lloyd");
    const coll = (await teacher.get("/api/v1/consent/collection?class=3B")).json();
    expect(coll.pupils.map((p: { name: string }) => p.name)).toEqual(["Osian Jones"]);
  });

  it("reminds an unanswered carer once, a week before the link expires, with a fresh link", async () => {
    await t.database.db.execute(
      sql`UPDATE consent_links SET expires_at = now() + interval '3 days' WHERE answered_at IS NULL`,
    );
    const n = await remindUnanswered(t.database.db, schoolId, "http://localhost:3000");
    expect(n).toBeGreaterThan(0);
    expect(await remindUnanswered(t.database.db, schoolId, "http://localhost:3000")).toBe(0);
    const reminder = (await outbox()).find((m) => m.subject === "Reminder: photos and videos at school");
    const token = reminder?.body.match(/\/consent\/answer\/([A-Za-z0-9_-]+)/)?.[1];
    expect((await head.get(`/api/v1/consent/links/${token}`)).statusCode).toBe(200);
  });

  it("lets each member of staff answer for their own photo, and tells the image managers of a withdrawal", async () => {
    await head.put("/api/v1/consent/settings", {
      selfAnswerAge: 13,
      askNewPupils: false,
      imageManagerIds: [webManagerId],
    });
    const mine = (await teacher.get("/api/v1/consent/me")).json();
    expect(
      mine.purposes.map((p: { key: string; status: string; reason: string }) => [p.key, p.status, p.reason]),
    ).toEqual([["staff_photos", "no", "no_answer"]]);
    // A staff purpose is not one parents are asked about, nor one a pupil's photo is checked against.
    const pupilsPurposes = (await teacher.get("/api/v1/consent/purposes")).json().purposes;
    expect(pupilsPurposes.some((p: { key: string }) => p.key === "staff_photos")).toBe(false);
    expect(
      (await teacher.post("/api/v1/consent/check", { purposeKey: "staff_photos", pupilIds: [ids.Tomos] }))
        .statusCode,
    ).toBe(404);

    const yes = await teacher.put("/api/v1/consent/me", {
      answers: [{ purposeKey: "staff_photos", answer: "yes" }],
    });
    expect(yes.json().purposes[0]).toMatchObject({ status: "yes", reason: "answered" });
    const no = await teacher.put("/api/v1/consent/me", {
      answers: [{ purposeKey: "staff_photos", answer: "no" }],
    });
    expect(no.json().purposes[0]).toMatchObject({ status: "no", reason: "withdrawn" });
    expect(
      (await outbox()).some(
        (m) => m.to === "wyn@staffroom.test" && m.subject === "Please take down images of Tegan Staffroom",
      ),
    ).toBe(true);
    const bad = await teacher.put("/api/v1/consent/me", {
      answers: [{ purposeKey: "school_website", answer: "yes" }],
    });
    expect(bad.statusCode).toBe(400);

    const list = (await head.get("/api/v1/consent/staff")).json();
    const tegan = list.staff.find((s: { name: string }) => s.name === "Tegan Staffroom");
    expect(tegan.statuses[0]).toMatchObject({ key: "staff_photos", status: "no", reason: "withdrawn" });
    expect((await teacher.get("/api/v1/consent/staff")).statusCode).toBe(403);
  });

  it("keeps answers and restrictions as evidence: the database refuses to change them", async () => {
    await expect(t.database.db.execute(sql`UPDATE consent_answers SET answer = 'yes'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM consent_restrictions`)).rejects.toThrow();
  });
});
