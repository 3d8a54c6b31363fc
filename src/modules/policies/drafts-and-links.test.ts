import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

describe("a policy not yet published, and the links a policy carries", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let teacher: Browser;
  let chair: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Teri" }));
    ({ browser: chair } = await signedInPerson(t, head, schoolId, {
      givenName: "Carys",
      kinds: ["governor"],
      roles: ["chair_of_governors"],
    }));
  });
  afterAll(() => t.close());

  it("is not there for a member of staff it is addressed to: 404 by id, absent from the list", async () => {
    const draft = (
      await head.post("/api/v1/policies", { title: "Bring your own device (draft)", audiences: ["staff"] })
    ).json();
    const versionId = draft.versions[0].id;
    const byId = await teacher.get(`/api/v1/policies/${draft.id}`);
    expect(byId.statusCode).toBe(404);
    expect(byId.body).not.toContain("Bring your own device");
    expect((await teacher.get(`/api/v1/policies/${draft.id}/versions/${versionId}`)).statusCode).toBe(404);
    const titles = (await teacher.get("/api/v1/policies"))
      .json()
      .policies.map((p: { title: string }) => p.title);
    expect(titles).not.toContain("Bring your own device (draft)");
    // Once published, the same reader sees it, and its published version only.
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    await head.patch(`/api/v1/policies/${draft.id}/versions/${versionId}`, { content: "# BYOD" });
    const published = (
      await head.post("/api/v1/policies", { title: "Staff code of conduct", audiences: ["staff"] })
    ).json();
    await head.patch(`/api/v1/policies/${published.id}/versions/${published.versions[0].id}`, {
      content: "# Code",
    });
    await head.post(`/api/v1/policies/${published.id}/versions/${published.versions[0].id}/publish`);
    await head.put("/api/v1/policies/settings/approvers", { roles: ["headteacher", "chair_of_governors"] });
    expect((await teacher.get(`/api/v1/policies/${published.id}`)).statusCode).toBe(200);
    const listed = (await teacher.get("/api/v1/policies"))
      .json()
      .policies.map((p: { title: string }) => p.title);
    expect(listed).toEqual(["Staff code of conduct"]);
    // Those who edit or approve it still see the draft.
    expect((await head.get(`/api/v1/policies/${draft.id}`)).json().title).toBe(
      "Bring your own device (draft)",
    );
    expect((await chair.get(`/api/v1/policies/${draft.id}`)).statusCode).toBe(200);
  });

  it("refuses a related document whose address is javascript:, data: or vbscript:, naming the field", async () => {
    for (const url of [
      "javascript:alert(document.cookie)",
      " JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
    ]) {
      const res = await head.post("/api/v1/policies", {
        title: "Acceptable use",
        audiences: ["staff"],
        related: [{ title: "Guidance", url }],
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: "related.0.url",
          message: expect.stringMatching(/Enter (a web address starting https:\/\/|a full web address)/),
        },
      ]);
    }
    const policy = (
      await head.post("/api/v1/policies", { title: "Acceptable use", audiences: ["staff"] })
    ).json();
    const patch = await head.patch(`/api/v1/policies/${policy.id}`, {
      related: [{ title: "Guidance", url: "javascript:alert(1)" }],
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0].field).toBe("related.0.url");
  });

  it("keeps web and email addresses for related documents", async () => {
    const related = [
      {
        title: "Keeping children safe in education",
        url: "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2",
      },
      { title: "Ask the DPO", url: "mailto:dpo@oakfield.test" },
    ];
    const res = await head.post("/api/v1/policies", {
      title: "Online safety",
      audiences: ["staff"],
      related,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().related).toEqual(related);
  });
});
