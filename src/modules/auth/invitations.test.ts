import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

describe("inviting staff in bulk", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const invitationsTo = async (to: string) =>
    ((await head.get("/api/v1/mail/outbox")).json().messages as { to: string; subject: string }[]).filter(
      (m) => m.to === to && m.subject.startsWith("Your Accord account"),
    ).length;
  const add = async (person: Record<string, unknown>) =>
    (await head.post("/api/v1/people", { familyName: "Ashby", kinds: ["staff"], ...person })).json()
      .id as string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await add({ givenName: "Cerys", email: "cerys@ashby.test", department: "Science" });
    await add({ givenName: "Dylan", email: "dylan@ashby.test", department: "English" });
    await add({ givenName: "Efa" }); // no email address
    await add({ givenName: "Ffion", email: "ffion@ashby.test", kinds: ["governor"] });
    await add({ givenName: "Gareth", email: "gareth@home.test", kinds: ["parent"] });
    const waiting = await add({ givenName: "Heulwen", email: "heulwen@ashby.test" });
    await head.post(`/api/v1/people/${waiting}/invite`);
  });
  afterAll(() => t.close());

  it("counts, before sending, only people who could sign in and have no account, and names those without email", async () => {
    const res = await head.post("/api/v1/invitations?dryRun=true", {});
    expect(res.statusCode).toBe(200);
    // Cerys, Dylan, Ffion: not the head (signed in already), not Heulwen (invited), not the parent.
    expect(res.json()).toMatchObject({ invited: 3, expiresAt: null, delivery: "outbox" });
    expect(res.json().withoutEmail).toEqual([{ id: expect.any(String), name: "Efa Ashby" }]);
    expect(await invitationsTo("cerys@ashby.test")).toBe(0);
    const science = (
      await head.post("/api/v1/invitations?dryRun=true", { kind: "staff", department: "Science" })
    ).json();
    expect(science).toMatchObject({ invited: 1, withoutEmail: [] });
  });

  it("invites the filtered list in one go, says the mail is only queued, and never invites anyone twice", async () => {
    const res = await head.post("/api/v1/invitations", { kind: "staff" });
    expect(res.json()).toMatchObject({ invited: 2, delivery: "outbox" });
    expect(new Date(res.json().expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await invitationsTo("cerys@ashby.test")).toBe(1);
    expect(await invitationsTo("dylan@ashby.test")).toBe(1);
    expect(await invitationsTo("ffion@ashby.test")).toBe(0); // a governor: not in the staff filter
    expect(await invitationsTo("heulwen@ashby.test")).toBe(1); // her own invitation, not a second
    expect(await invitationsTo("gareth@home.test")).toBe(0);
    expect((await head.post("/api/v1/invitations", { kind: "staff" })).json()).toMatchObject({ invited: 0 });
    const staff = (await head.get("/api/v1/people?kind=staff&account=invited")).json().people;
    expect(staff.map((p: { givenName: string }) => p.givenName).sort()).toEqual([
      "Cerys",
      "Dylan",
      "Heulwen",
    ]);
    const events = (await head.get("/api/v1/audit?limit=50")).json().events as { action: string }[];
    expect(events.filter((e) => e.action === "person.invited")).toHaveLength(3);
  });

  it("is for those who manage people only", async () => {
    const { browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Iolo" });
    expect((await teacher.post("/api/v1/invitations", {})).statusCode).toBe(403);
  });

  it("says a single invitation was queued, not emailed, when no mail server is set up", async () => {
    const id = await add({ givenName: "Jac", email: "jac@ashby.test" });
    expect((await head.post(`/api/v1/people/${id}/invite`)).json()).toMatchObject({ delivery: "outbox" });
  });
});

describe("inviting with a mail server set up", () => {
  let t: TestApp;
  afterAll(() => t.close());

  it("says the invitations were emailed", async () => {
    // Nothing listens here: delivery is the sweeper's job; the wording depends only on the setting.
    t = await startTestApp({ ACCORD_SMTP_URL: "smtp://127.0.0.1:2525" });
    const { admin } = await setUpSchool(t.app);
    const id = (
      await admin.post("/api/v1/people", {
        givenName: "Kai",
        familyName: "Ashby",
        kinds: ["staff"],
        email: "kai@ashby.test",
      })
    ).json().id;
    expect((await admin.post("/api/v1/invitations?dryRun=true", {})).json()).toMatchObject({
      invited: 1,
      delivery: "smtp",
    });
    expect((await admin.post(`/api/v1/people/${id}/invite`)).json()).toMatchObject({ delivery: "smtp" });
  });
});
