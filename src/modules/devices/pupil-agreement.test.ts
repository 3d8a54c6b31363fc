import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";

/**
 * A 1:1 iPad for a pupil waits for its agreement: the pupil's pledge (class session) and a
 * parent's signature (emailed link), or goes out with a reason kept on the device's history.
 */
describe("a pupil's device and its agreement", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  const ids: Record<string, string> = {};

  const outbox = async () =>
    (await head.get("/api/v1/mail/outbox")).json().messages as {
      to: string;
      subject: string;
      body: string;
    }[];
  const importCsv = async (kind: string, csv: string) => {
    const res = await head.request("POST", `/api/v1/people/import?kind=${kind}&dryRun=false`, csv, {
      "content-type": "text/csv",
    });
    expect(res.json().errors).toEqual([]);
  };
  /** A published policy and an agreement on it addressed to `audience`. */
  const agreement = async (title: string, audience: "pupils" | "parents", statement: string) => {
    const policy = (
      await head.post("/api/v1/policies", { title, audiences: [audience.slice(0, -1)] })
    ).json();
    const versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: `# ${title}`,
      statements: [statement],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    const made = await head.post("/api/v1/agreements", {
      policyVersionId: versionId,
      title,
      audience,
      declaration: "I have read this and I agree to it.",
    });
    expect(made.statusCode, made.body).toBe(201);
    return made.json() as { id: string; textSha256: string };
  };
  const allocate = (body: Record<string, unknown>, device = ids.ipad) =>
    head.post(`/api/v1/devices/${device}/allocate`, body);

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    await importCsv(
      "pupils",
      "UPN,Legal Forename,Legal Surname,Year Group,Reg Group\nT200000000001,Alys,Bevan,6,6B\nT200000000002,Dewi,Owen,6,6B",
    );
    await importCsv(
      "contacts",
      "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN\nK1,Mererid,Bevan,mererid@cartref.test,Mother,1,Yes,T200000000001",
    );
    for (const p of (await head.get("/api/v1/people?status=all&limit=500")).json().people)
      ids[p.givenName] = p.id;
    const pledge = await agreement("iPad pledge", "pupils", "I will look after my iPad and keep it charged.");
    const home = await agreement(
      "iPad home agreement",
      "parents",
      "We will see the iPad comes to school each day.",
    );
    ids.pledge = pledge.id;
    ids.home = home.id;
    ids.pledgeHash = pledge.textSha256;
    ids.ipad = (await head.post("/api/v1/devices", { assetTag: "IPAD-1", type: "tablet" })).json().id;
    ids.ipad2 = (await head.post("/api/v1/devices", { assetTag: "IPAD-2", type: "tablet" })).json().id;
  });
  afterAll(() => t.close());

  it("lets a school hand devices to pupils freely until it names the device agreement", async () => {
    const free = await head.post("/api/v1/devices", { assetTag: "IPAD-0", type: "tablet" });
    expect((await allocate({ personId: ids.Dewi }, free.json().id)).statusCode).toBe(200);
  });

  it("names the agreements, checking each is addressed to the right people", async () => {
    const wrong = await head.put("/api/v1/devices/settings", {
      pupilAgreementId: ids.home,
      parentAgreementId: null,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: "pupilAgreementId" });
    const res = await head.put("/api/v1/devices/settings", {
      pupilAgreementId: ids.pledge,
      parentAgreementId: ids.home,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      pupilAgreement: { id: ids.pledge, title: "iPad pledge" },
      parentAgreement: { id: ids.home, title: "iPad home agreement" },
      choices: { pupils: [{ id: ids.pledge }], parents: [{ id: ids.home }] },
    });
    const teacher = await signedInPerson(t, head, schoolId, { givenName: "Tegan" });
    expect(
      (
        await teacher.browser.put("/api/v1/devices/settings", {
          pupilAgreementId: null,
          parentAgreementId: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("refuses to hand an iPad to a pupil before the agreement is signed, saying what is missing", async () => {
    const res = await allocate({ personId: ids.Alys });
    expect(res.statusCode).toBe(409);
    expect(res.json().missing).toEqual(["pupil_pledge", "parent_signature"]);
    expect(res.json().detail).toContain("Alys Bevan");
    expect((await head.get(`/api/v1/devices/${ids.ipad}`)).json().status).toBe("in_store");
    // A reason too short to mean anything is refused as well.
    const vague = await allocate({ personId: ids.Alys, override: "ok" });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().errors[0].field).toBe("override");
  });

  it("asks the family: the pledge goes to the pupil's class session and the parent gets a link for this child", async () => {
    const asked = await head.post(`/api/v1/devices/${ids.ipad}/ask-agreement`, { personId: ids.Alys });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toEqual({ linksSent: 1, pledgeAsked: true });
    const mail = (await outbox()).filter((m) => m.to === "mererid@cartref.test");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Please read and sign: iPad home agreement (Alys Bevan)");
    const waiting = (await head.get(`/api/v1/devices/${ids.ipad}`)).json();
    expect(waiting.agreement).toMatchObject({
      pupil: { id: ids.Alys, name: "Alys Bevan" },
      pupilPledge: { title: "iPad pledge", signedAt: null },
      parentSignature: { title: "iPad home agreement", signedBy: null },
      complete: false,
    });
    expect(waiting.history[0]).toMatchObject({ kind: "agreement_asked" });

    // The mother signs by her link; Alys signs her pledge in a class session.
    const token = /\/sign\/([\w-]+)/.exec(mail[0].body)![1];
    const link = (await new Browser(t.app).get(`/api/v1/sign/${token}`)).json();
    const signed = await new Browser(t.app).post(`/api/v1/sign/${token}`, {
      fullName: "Mererid Bevan",
      choices: {},
      textSha256: link.agreement?.textSha256 ?? link.textSha256,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const session = (
      await head.post("/api/v1/class-sessions", { agreementId: ids.pledge, regGroup: "6B" })
    ).json();
    const device = new Browser(t.app);
    const view = (await device.get(`/api/v1/class/${session.token}`)).json();
    const pledged = await device.post(`/api/v1/class/${session.token}/signatures`, {
      pupilId: ids.Alys,
      fullName: "Alys Bevan",
      choices: {},
      textSha256: view.agreement.textSha256,
    });
    expect(pledged.statusCode, pledged.body).toBe(201);

    const ready = (await head.get(`/api/v1/devices/${ids.ipad}`)).json();
    expect(ready.agreement).toMatchObject({
      pupilPledge: { signedAt: expect.any(String) },
      parentSignature: { signedBy: "Mererid Bevan" },
      complete: true,
    });
    expect((await allocate({ personId: ids.Alys })).statusCode).toBe(200);
    expect((await head.get(`/api/v1/devices/${ids.ipad}`)).json().agreement.complete).toBe(true);
  });

  it("goes ahead without the agreement only with a reason, kept on the device and in the audit log", async () => {
    const res = await allocate(
      { personId: ids.Dewi, override: "Needed for the Year 6 assessments this week." },
      ids.ipad2,
    );
    expect(res.statusCode).toBe(200);
    const detail = (await head.get(`/api/v1/devices/${ids.ipad2}`)).json();
    expect(detail.status).toBe("allocated");
    expect(detail.history.map((h: { kind: string }) => h.kind)).toContain("agreement_overridden");
    expect(detail.history.find((h: { kind: string }) => h.kind === "agreement_overridden").note).toContain(
      "Year 6 assessments",
    );
    const events = (await head.get("/api/v1/audit?action=device.agreement_overridden")).json().events;
    expect(events[0].summary).toMatchObject({ missing: "pupil_pledge, parent_signature" });
  });
});
