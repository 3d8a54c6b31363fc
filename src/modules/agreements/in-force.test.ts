import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

const FIRST = ["I will be kind online.", "I will tell an adult if something worries me."];
const REVISED = [...FIRST, "I will ask before I share a photo of someone."];

/**
 * Kiosks, class sessions and parent links are opened on an agreement; when a new policy version
 * replaces it they carry on with the text in force rather than asking for a signature that can
 * only be refused. And a child (or a family) needs one parent's signature, not every parent's.
 */
describe("signing ways that outlive a policy version", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let policyId: string;
  const agreementFor = async (versionId: string, audience: string, extra: Record<string, unknown> = {}) =>
    (
      await head.post("/api/v1/agreements", {
        policyVersionId: versionId,
        title: `${audience} agreement`,
        audience,
        declaration: "I will follow these rules.",
        ...extra,
      })
    ).json().id as string;
  const person = async (givenName: string, kinds: string[], extra: Record<string, unknown> = {}) =>
    (await head.post("/api/v1/people", { givenName, familyName: "Abernant", kinds, ...extra })).json()
      .id as string;
  const linkChild = (pupilId: string, contactId: string) =>
    t.database.db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, priority, parental_responsibility) VALUES (${schoolId}, ${pupilId}, ${contactId}, 'Parent', 1, true)`,
    );
  const linksFor = async (email: string) =>
    ((await head.get("/api/v1/mail/outbox")).json().messages as { to: string; body: string }[])
      .filter((m) => m.to === email)
      .map((m) => /\/sign\/([\w-]+)/.exec(m.body)?.[1])
      .filter(Boolean) as string[];
  const parentBody = (fullName: string, textSha256: string) => ({ fullName, choices: {}, textSha256 });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", {
        title: "Online safety",
        audiences: ["visitor", "pupil", "parent"],
      })
    ).json();
    policyId = policy.id;
    await head.patch(`/api/v1/policies/${policyId}/versions/${policy.versions[0].id}`, {
      content: "# Rules",
      statements: FIRST,
    });
    await head.post(`/api/v1/policies/${policyId}/versions/${policy.versions[0].id}/publish`);
  });
  afterAll(() => t.close());

  /** A second policy: one agreement per audience per version, so each case has its own. */
  const anotherPolicy = async () => {
    const p = (
      await head.post("/api/v1/policies", { title: `Home-school ${Math.random()}`, audiences: ["parent"] })
    ).json();
    await head.patch(`/api/v1/policies/${p.id}/versions/${p.versions[0].id}`, {
      content: "# Home",
      statements: FIRST,
    });
    await head.post(`/api/v1/policies/${p.id}/versions/${p.versions[0].id}/publish`);
    return { policyId: p.id as string, versionId: p.versions[0].id as string };
  };

  const publishRevision = async () => {
    const draft = (await head.post(`/api/v1/policies/${policyId}/versions`, {})).json();
    await head.patch(`/api/v1/policies/${policyId}/versions/${draft.id}`, { statements: REVISED });
    expect((await head.post(`/api/v1/policies/${policyId}/versions/${draft.id}/publish`)).statusCode).toBe(
      200,
    );
  };

  it("moves a kiosk, a class session and an unused parent link on to the new version's text", async () => {
    const versionId = (await head.get(`/api/v1/policies/${policyId}`)).json().versions[0].id;
    const visitors = await agreementFor(versionId, "visitors");
    const pupils = await agreementFor(versionId, "pupils");
    const parents = await agreementFor(versionId, "parents");
    // A kiosk at reception.
    const { code } = (await head.post("/api/v1/kiosks", { agreementId: visitors })).json();
    const tablet = new Browser(t.app);
    const { token: kioskToken } = (await tablet.post("/api/v1/kiosk/start", { code })).json();
    const kiosk = (method: "GET" | "POST", url: string, body?: unknown) =>
      tablet.request(method, url, body, { "x-kiosk-token": kioskToken });
    // A class session for Rowan class.
    await person("Cai", ["pupil"], { regGroup: "Rowan" });
    const { browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Tomos" });
    const { token: classToken } = (
      await teacher.post("/api/v1/class-sessions", { agreementId: pupils, regGroup: "Rowan" })
    ).json();
    // A parent link, not yet used.
    const child = await person("Elis", ["pupil"]);
    const mother = await person("Mererid", ["parent"], { email: "mererid@home.test" });
    await linkChild(child, mother);
    await head.post(`/api/v1/agreements/${parents}/assignments`, {
      kinds: ["parent"],
      dueDate: addDays(todayInLondon(), 14),
    });
    await head.post(`/api/v1/agreements/${parents}/parent-links`, {});
    const [link] = await linksFor("mererid@home.test");

    await publishRevision();

    const atKiosk = (await kiosk("GET", "/api/v1/kiosk/agreement")).json().agreement;
    expect(atKiosk.statements).toEqual(REVISED);
    const visitor = await kiosk("POST", "/api/v1/kiosk/signatures", {
      fullName: "Rhodri Visitor",
      organisation: "County IT",
      visiting: "Reception",
      choices: {},
      textSha256: atKiosk.textSha256,
    });
    expect(visitor.statusCode).toBe(201);

    const device = new Browser(t.app);
    const inClass = (await device.get(`/api/v1/class/${classToken}`)).json();
    expect(inClass.agreement.statements).toEqual(REVISED);
    const pupilSigned = await device.post(`/api/v1/class/${classToken}/signatures`, {
      pupilId: inClass.pupils[0].id,
      fullName: "Cai",
      choices: {},
      textSha256: inClass.agreement.textSha256,
    });
    expect(pupilSigned.statusCode).toBe(201);

    const parentView = (await new Browser(t.app).get(`/api/v1/sign/${link}`)).json();
    expect(parentView).toMatchObject({ state: "open", agreement: { statements: REVISED } });
    const parentSigned = await new Browser(t.app).post(
      `/api/v1/sign/${link}`,
      parentBody("Mererid Abernant", parentView.agreement.textSha256),
    );
    expect(parentSigned.statusCode).toBe(201);
    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });

  it("takes one signature per child, whichever parent gives it", async () => {
    const version = { id: (await anotherPolicy()).versionId };
    const perChild = await agreementFor(version.id, "parents", { title: "Per child agreement" });
    const child = await person("Ffion", ["pupil"]);
    const mum = await person("Heledd", ["parent"], { email: "heledd@home.test" });
    const dad = await person("Owain", ["parent"], { email: "owain@home.test" });
    await linkChild(child, mum);
    await linkChild(child, dad);
    await head.post(`/api/v1/agreements/${perChild}/assignments`, {
      personIds: [mum, dad],
      dueDate: addDays(todayInLondon(), 14),
    });
    expect((await head.post(`/api/v1/agreements/${perChild}/parent-links`, {})).json()).toMatchObject({
      sent: 2,
    });
    const [mumLink] = await linksFor("heledd@home.test");
    const [dadLink] = await linksFor("owain@home.test");
    const hash = (await new Browser(t.app).get(`/api/v1/sign/${mumLink}`)).json().agreement.textSha256;
    expect(
      (await new Browser(t.app).post(`/api/v1/sign/${mumLink}`, parentBody("Heledd Abernant", hash)))
        .statusCode,
    ).toBe(201);
    const second = await new Browser(t.app).post(
      `/api/v1/sign/${dadLink}`,
      parentBody("Owain Abernant", hash),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(
      "Heledd Abernant has already signed this for Ffion Abernant: one signature is needed.",
    );
    // Sending links again skips the child who is done.
    expect((await head.post(`/api/v1/agreements/${perChild}/parent-links`, {})).json()).toMatchObject({
      sent: 0,
    });
    // The compliance view: both parents are done, since Ffion has her signature; Owain signed
    // nothing himself, so he is covered by Heledd's signature, not "signed".
    const statusOf = async (id: string) =>
      (await head.get("/api/v1/compliance/agreements")).json().people.find((p: { id: string }) => p.id === id)
        .cells[perChild].status;
    expect(await statusOf(mum)).toBe("signed");
    expect(await statusOf(dad)).toBe("covered");
    // Heledd has a second child here, not yet signed for: her part is open again; Owain's is not.
    await linkChild(await person("Iolo", ["pupil"]), mum);
    expect(await statusOf(mum)).toBe("pending");
    expect(await statusOf(dad)).toBe("covered");
  });

  it("takes one signature per family when the school asks for one", async () => {
    const version = { id: (await anotherPolicy()).versionId };
    const perFamily = await agreementFor(version.id, "parents", {
      title: "Per family agreement",
      parentMode: "per_family",
    });
    const [twin1, twin2] = [await person("Gwen", ["pupil"]), await person("Gethin", ["pupil"])];
    const carer1 = await person("Sioned", ["parent"], { email: "sioned@home.test" });
    const carer2 = await person("Rhys", ["parent"], { email: "rhys@home.test" });
    for (const c of [carer1, carer2]) for (const p of [twin1, twin2]) await linkChild(p, c);
    await head.post(`/api/v1/agreements/${perFamily}/assignments`, {
      personIds: [carer1, carer2],
      dueDate: addDays(todayInLondon(), 14),
    });
    await head.post(`/api/v1/agreements/${perFamily}/parent-links`, {});
    const [link1] = await linksFor("sioned@home.test");
    const [link2] = await linksFor("rhys@home.test");
    const hash = (await new Browser(t.app).get(`/api/v1/sign/${link1}`)).json().agreement.textSha256;
    expect(
      (await new Browser(t.app).post(`/api/v1/sign/${link1}`, parentBody("Sioned Abernant", hash)))
        .statusCode,
    ).toBe(201);
    const second = await new Browser(t.app).post(`/api/v1/sign/${link2}`, parentBody("Rhys Abernant", hash));
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(
      "Sioned Abernant has already signed this for your family: one signature is needed.",
    );
    const people = (await head.get("/api/v1/compliance/agreements")).json().people as {
      id: string;
      cells: Record<string, { status: string; coveredBy?: string }>;
    }[];
    expect(people.find((p) => p.id === carer1)!.cells[perFamily].status).toBe("signed");
    expect(people.find((p) => p.id === carer2)!.cells[perFamily]).toMatchObject({
      status: "covered",
      coveredBy: "Sioned Abernant",
    });
  });

  it("counts family signatures child by child across households, keeps them over a 'no changes' version, and asks nothing of a parent with no child here", async () => {
    const { policyId: homePolicy, versionId } = await anotherPolicy();
    const perFamily = await agreementFor(versionId, "parents", {
      title: "Households",
      parentMode: "per_family",
    });
    const alice = await person("Alice", ["pupil"]);
    const ben = await person("Ben", ["pupil"]);
    const mum = await person("Mari", ["parent"], { email: "mari@home.test" });
    const dad = await person("Dafydd", ["parent"], { email: "dafydd@home.test" });
    const step = await person("Steffan", ["parent"], { email: "steffan@home.test" });
    const lone = await person("Lowri", ["parent"], { email: "lowri@home.test" });
    await linkChild(alice, mum);
    await linkChild(alice, dad);
    await linkChild(ben, mum);
    await linkChild(ben, step);
    await head.post(`/api/v1/agreements/${perFamily}/assignments`, {
      personIds: [mum, dad, step, lone],
      dueDate: addDays(todayInLondon(), 14),
    });
    // Lowri has no child at the school: no link, and nothing asked of her. The dry run (the
    // confirmation's count) says the same and sends nothing.
    expect(
      (await head.post(`/api/v1/agreements/${perFamily}/parent-links?dryRun=true`, {})).json(),
    ).toMatchObject({
      sent: 3,
    });
    expect(await linksFor("mari@home.test")).toEqual([]);
    expect((await head.post(`/api/v1/agreements/${perFamily}/parent-links`, {})).json()).toMatchObject({
      sent: 3,
    });
    const statusOf = async (agreement: string, id: string) =>
      (await head.get("/api/v1/compliance/agreements")).json().people.find((p: { id: string }) => p.id === id)
        .cells[agreement].status;
    expect(await statusOf(perFamily, lone)).toBe("not_required");
    const [dadLink] = await linksFor("dafydd@home.test");
    const [mumLink] = await linksFor("mari@home.test");
    const hash = (await new Browser(t.app).get(`/api/v1/sign/${dadLink}`)).json().agreement.textSha256;
    expect(
      (await new Browser(t.app).post(`/api/v1/sign/${dadLink}`, parentBody("Dafydd Abernant", hash)))
        .statusCode,
    ).toBe(201);
    // Alice is covered by her father; Ben is not yet, so Mari is still asked, and may sign.
    expect(await statusOf(perFamily, dad)).toBe("signed");
    expect(await statusOf(perFamily, mum)).toBe("pending");
    expect(await statusOf(perFamily, step)).toBe("pending");
    expect(
      (await new Browser(t.app).post(`/api/v1/sign/${mumLink}`, parentBody("Mari Abernant", hash)))
        .statusCode,
    ).toBe(201);
    expect(await statusOf(perFamily, mum)).toBe("signed");
    // Ben is covered by his mother's family signature; Steffan signed nothing himself.
    expect(await statusOf(perFamily, step)).toBe("covered");
    // A "reviewed – no changes" version: everyone's signature stands, so no one gets a new link.
    const review = (await head.post(`/api/v1/policies/${homePolicy}/versions`, { noChanges: true })).json();
    await head.post(`/api/v1/policies/${homePolicy}/versions/${review.id}/publish`);
    const carried = (await head.get("/api/v1/agreements"))
      .json()
      .agreements.find((a: { title: string }) => a.title === "Households").id;
    expect(carried).not.toBe(perFamily);
    expect((await head.post(`/api/v1/agreements/${carried}/parent-links`, {})).json()).toMatchObject({
      sent: 0,
    });
    expect(await statusOf(carried, step)).toBe("covered");
    // Links for the replaced agreement are refused: send them for the one in force.
    expect((await head.post(`/api/v1/agreements/${perFamily}/parent-links`, {})).statusCode).toBe(409);
  });

  it("lets a parent decline through their link, saying why: the admins are told and the link then shows the decline", async () => {
    const { versionId } = await anotherPolicy();
    const agreement = await agreementFor(versionId, "parents", { title: "Photos at events" });
    const child = await person("Nel", ["pupil"]);
    const parent = await person("Gwilym", ["parent"], { email: "gwilym@home.test" });
    await linkChild(child, parent);
    await head.post(`/api/v1/agreements/${agreement}/assignments`, {
      personIds: [parent],
      dueDate: addDays(todayInLondon(), 14),
    });
    await head.post(`/api/v1/agreements/${agreement}/parent-links`, {});
    const [link] = await linksFor("gwilym@home.test");
    const phone = new Browser(t.app);
    const empty = await phone.post(`/api/v1/sign/${link}/decline`, { reason: "" });
    expect(empty.statusCode).toBe(400);
    const res = await phone.post(`/api/v1/sign/${link}/decline`, {
      reason: "We would rather Nel was not photographed.",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "declined",
      onBehalfOfId: child,
      reason: "We would rather Nel was not photographed.",
    });
    const admins = (
      (await head.get("/api/v1/mail/outbox")).json().messages as {
        to: string;
        subject: string;
        body: string;
      }[]
    ).filter((m) => m.to === "head@oakfield.test" && m.subject === "Agreement declined: Photos at events");
    expect(admins).toHaveLength(1);
    expect(admins[0].body).toContain("for Nel Abernant");
    // Once used, the link says it was declined and when, never the reason or who (decision 027).
    const used = (await phone.get(`/api/v1/sign/${link}`)).json();
    expect(used).toMatchObject({ state: "declined", answeredAt: expect.any(String) });
    expect(JSON.stringify(used)).not.toContain("photographed");
    expect(JSON.stringify(used)).not.toContain("Nel");
    expect((await phone.get(`/api/v1/sign/${link}/receipt.pdf`)).statusCode).toBe(404);
    const hash = (await head.get("/api/v1/agreements"))
      .json()
      .agreements.find((a: { id: string }) => a.id === agreement).textSha256;
    expect((await phone.post(`/api/v1/sign/${link}`, parentBody("Gwilym Abernant", hash))).statusCode).toBe(
      410,
    );
    const cell = (await head.get("/api/v1/compliance/agreements"))
      .json()
      .people.find((p: { id: string }) => p.id === parent).cells[agreement];
    expect(cell.status).toBe("declined");
  });
});
