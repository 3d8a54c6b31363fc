import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";

/** What a used link, a kiosk code and a kiosk's receipts give to whoever holds them later. */
describe("links and codes once used", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let versionId: string;
  let visitorsAgreement: string;
  const outbox = async () =>
    (await head.get("/api/v1/mail/outbox")).json().messages as {
      to: string;
      subject: string;
      body: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Online safety", audiences: ["visitor", "parent"] })
    ).json();
    versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: "# Rules\n\nBe kind online.",
      statements: ["I will be kind online."],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    visitorsAgreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: versionId,
        title: "Visitor agreement",
        audience: "visitors",
        declaration: "I will follow the school's rules while I am here.",
      })
    ).json().id;
  });
  afterAll(() => t.close());

  describe("a parent's link", () => {
    const links = new Map<string, string>();
    /** Two families, each a carer with parental responsibility, and the links emailed to them. */
    beforeAll(async () => {
      const agreement = (
        await head.post("/api/v1/agreements", {
          policyVersionId: versionId,
          title: "Home–school agreement",
          audience: "parents",
          declaration: "We will follow it.",
          choices: [{ key: "photos", label: "Photos of my child may be shared", options: ["yes", "no"] }],
        })
      ).json().id;
      for (const [parentGiven, childGiven, email] of [
        ["Gwen", "Alys", "gwen@home.test"],
        ["Heledd", "Bryn", "heledd@home.test"],
      ]) {
        const child = (
          await head.post("/api/v1/people", { givenName: childGiven, familyName: "Hughes", kinds: ["pupil"] })
        ).json();
        const parent = (
          await head.post("/api/v1/people", {
            givenName: parentGiven,
            familyName: "Hughes",
            kinds: ["parent"],
            email,
          })
        ).json();
        await t.database.db.execute(
          sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, relationship, priority, parental_responsibility) VALUES (${schoolId}, ${child.id}, ${parent.id}, 'Mother', 1, true)`,
        );
      }
      await head.post(`/api/v1/agreements/${agreement}/assignments`, {
        kinds: ["parent"],
        dueDate: addDays(todayInLondon(), 14),
      });
      expect((await head.post(`/api/v1/agreements/${agreement}/parent-links`)).json().sent).toBe(2);
      for (const m of await outbox()) {
        const token = /\/sign\/([\w-]+)/.exec(m.body)?.[1];
        if (token) links.set(m.to, token);
      }
    });
    const linkFor = (email: string) => links.get(email)!;

    it("once signed, says when it was answered and shows neither the signer's name nor the answers", async () => {
      const link = linkFor("gwen@home.test");
      const visitor = new Browser(t.app);
      const open = (await visitor.get(`/api/v1/sign/${link}`)).json();
      expect(open).toMatchObject({ state: "open", parentName: "Gwen Hughes", childName: "Alys Hughes" });
      const signed = await visitor.post(`/api/v1/sign/${link}`, {
        fullName: "Gwen Hughes",
        choices: { photos: "no" },
        textSha256: open.agreement.textSha256,
      });
      expect(signed.statusCode).toBe(201);
      const later = await new Browser(t.app).get(`/api/v1/sign/${link}`);
      expect(later.statusCode).toBe(200);
      expect(later.json()).toEqual({
        schoolName: "Oakfield Primary School",
        state: "signed",
        agreementTitle: "Home–school agreement",
        answeredAt: signed.json().signedAt,
      });
      expect(later.body).not.toMatch(/Gwen|Alys|Hughes|photos/);
      // The copy emailed to the parent still opens: it is their receipt.
      const receipt = (await outbox()).find(
        (m) => m.to === "gwen@home.test" && m.subject.startsWith("Your signed copy"),
      );
      expect(receipt?.body).toContain(`/api/v1/sign/${link}/receipt.pdf`);
      expect((await new Browser(t.app).get(`/api/v1/sign/${link}/receipt.pdf`)).statusCode).toBe(200);
    });

    it("once declined, says so and when, without the reason or who declined", async () => {
      const link = linkFor("heledd@home.test");
      const visitor = new Browser(t.app);
      const declined = await visitor.post(`/api/v1/sign/${link}/decline`, {
        reason: "We want to talk to Bryn's teacher first.",
      });
      expect(declined.statusCode).toBe(201);
      const later = await new Browser(t.app).get(`/api/v1/sign/${link}`);
      expect(later.json()).toMatchObject({ state: "declined", answeredAt: declined.json().signedAt });
      expect(later.body).not.toMatch(/Heledd|Bryn|Hughes|teacher/);
    });
  });

  describe("a reception kiosk", () => {
    const tablet = () => new Browser(t.app);

    it("starts one tablet with its code: a second tablet typing it is refused, and the first keeps working", async () => {
      const { code } = (await head.post("/api/v1/kiosks", { agreementId: visitorsAgreement })).json();
      const first = await tablet().post("/api/v1/kiosk/start", { code });
      expect(first.statusCode).toBe(200);
      const second = await tablet().post("/api/v1/kiosk/start", { code });
      expect(second.statusCode).toBe(409);
      expect(second.json().detail).toMatch(/works only once/);
      expect(second.body).not.toContain("token");
      const stillThere = await tablet().request("GET", "/api/v1/kiosk/agreement", undefined, {
        "x-kiosk-token": first.json().token,
      });
      expect(stillThere.statusCode).toBe(200);
    });

    it("emails a receipt only to the address typed on that signing, and only so often to one address", async () => {
      const { code } = (await head.post("/api/v1/kiosks", { agreementId: visitorsAgreement })).json();
      const { token, agreement } = (await tablet().post("/api/v1/kiosk/start", { code })).json();
      const sign = (fullName: string, email?: string) =>
        tablet().request(
          "POST",
          "/api/v1/kiosk/signatures",
          {
            fullName,
            organisation: "Someone Ltd",
            visiting: "Reception",
            email,
            choices: {},
            textSha256: agreement.textSha256,
          },
          { "x-kiosk-token": token },
        );
      for (const name of ["Visitor One", "Visitor Two", "Visitor Three"])
        expect((await sign(name, "target@elsewhere.test")).statusCode).toBe(201);
      const fourth = await sign("Visitor Four", "TARGET@elsewhere.test");
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().errors).toEqual([
        { field: "email", message: expect.stringMatching(/Leave the email address empty/) },
      ]);
      expect((await outbox()).filter((m) => m.to.toLowerCase() === "target@elsewhere.test")).toHaveLength(3);
      // Nothing of the refused signing was kept; without an address the visitor signs.
      expect((await sign("Visitor Four")).statusCode).toBe(201);
      expect((await sign("Visitor Five", "five@visitor.test")).statusCode).toBe(201);
    });
  });
});
