import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

type Mail = { to: string; subject: string; body: string };

describe("approvers are asked", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const outbox = async (): Promise<Mail[]> => (await head.get("/api/v1/mail/outbox")).json().messages;
  const asking = async (to: string) =>
    (await outbox()).filter((m) => m.to === to && m.subject.startsWith("Please approve"));

  /** A draft with text, for a school whose approvers are the headteacher and the chair. */
  const draft = async (title: string) => {
    const p = (await head.post("/api/v1/policies", { title, audiences: ["staff"] })).json();
    const v = `/api/v1/policies/${p.id}/versions/${p.versions[0].id}`;
    await head.patch(v, { content: `# ${title}\n\nKeep the rules.`, statements: ["I will keep the rules."] });
    return { id: p.id as string, versionId: p.versions[0].id as string, url: v };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("refuses to submit while nobody holds a required approver role, and says how to fix it", async () => {
    const { url } = await draft("Mobile phones");
    const res = await head.post(`${url}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      unheldApprovers: ["chair_of_governors"],
      detail: expect.stringMatching(
        /Nobody .* chair of governors.*Give the role to someone.*change who approves/s,
      ),
    });
    // Before submitting, the version page already names the role nobody holds.
    const version = (await head.get(url)).json();
    expect(version.status).toBe("draft");
    expect(version.awaiting).toEqual([
      { role: "headteacher", holders: ["Ada Okafor"] },
      { role: "chair_of_governors", holders: [] },
    ]);
  });

  it("refuses to submit a policy that does not yet say who it is for", async () => {
    const { id, url } = await draft("Remote learning");
    // As an imported document that names nobody plainly leaves it (importing.test.ts).
    await t.database.db.execute(sql`UPDATE policies SET audiences = '{}' WHERE id = ${id}`);
    const res = await head.post(`${url}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "audiences", message: "Choose who the policy is for." }]);
    expect((await head.get(url)).json().status).toBe("draft");
  });

  it("emails each approver once per version with a link to it, and puts it on their home page", async () => {
    const chair = await signedInPerson(t, head, schoolId, {
      givenName: "Rhian",
      familyName: "Pritchard",
      kinds: ["governor"],
      email: "chair@governors.test",
    });
    await head.put(`/api/v1/people/${chair.id}/roles`, { roles: ["chair_of_governors"] });
    const second = await signedInPerson(t, head, schoolId, {
      givenName: "Owain",
      familyName: "Lloyd",
      kinds: ["governor"],
      email: "vice@governors.test",
    });
    await head.put(`/api/v1/people/${second.id}/roles`, { roles: ["chair_of_governors"] });

    const { id, versionId, url } = await draft("Social media");
    expect((await head.post(`${url}/submit`)).json().status).toBe("submitted");
    const [mail] = await asking("chair@governors.test");
    expect(mail.subject).toBe("Please approve: Social media, version 1.0");
    expect(mail.body).toContain(`http://localhost:3000/policies/${id}/versions/${versionId}`);
    expect(mail.body).toContain("as chair of governors");
    expect(await asking("vice@governors.test")).toHaveLength(1);
    // The headteacher submitted it: asked on their home page, not emailed about their own action.
    expect(await asking("head@oakfield.test")).toHaveLength(0);

    const home = (await chair.browser.get("/api/v1/home")).json();
    expect(home.attention).toContainEqual({
      key: "approvalRequested",
      params: { title: "Social media", number: "1.0", roles: ["chair_of_governors"] },
      href: `/policies/${id}/versions/${versionId}`,
      severity: "warning",
    });
    expect(home.glance).toBeNull();

    // Withdrawn and submitted again, then approved by one holder of the role: nobody is asked twice.
    await head.post(`${url}/withdraw`);
    await head.post(`${url}/submit`);
    await head.post(`${url}/approve`);
    expect((await chair.browser.post(`${url}/approve`)).json().status).toBe("approved");
    expect(await asking("chair@governors.test")).toHaveLength(1);
    expect(await asking("vice@governors.test")).toHaveLength(1);
    // Approved: it leaves the approvers' home pages.
    const after = (await second.browser.get("/api/v1/home")).json();
    expect(after.attention.filter((i: { key: string }) => i.key === "approvalRequested")).toEqual([]);

    // A new version is a new request.
    await head.post(`${url}/publish`);
    const next = (await head.post(`/api/v1/policies/${id}/versions`, { bump: "minor" })).json();
    await head.patch(`/api/v1/policies/${id}/versions/${next.id}`, { summary: "Tidied" });
    await head.post(`/api/v1/policies/${id}/versions/${next.id}/submit`);
    expect(await asking("chair@governors.test")).toHaveLength(2);
  });

  it("lists as approved only those who have approved, with names and dates; the rest as still to approve", async () => {
    const { url } = await draft("Remote learning");
    await head.post(`${url}/submit`);
    const submitted = (await head.get(url)).json();
    expect(submitted.approvals).toEqual([]);
    expect(submitted.awaiting.map((a: { role: string }) => a.role)).toEqual([
      "headteacher",
      "chair_of_governors",
    ]);

    const afterHead = (await head.post(`${url}/approve`)).json();
    expect(afterHead.approvals).toEqual([
      { role: "headteacher", personName: "Ada Okafor", approvedAt: expect.any(String) },
    ]);
    expect(afterHead.awaiting).toEqual([
      { role: "chair_of_governors", holders: ["Owain Lloyd", "Rhian Pritchard"] },
    ]);
  });
});
