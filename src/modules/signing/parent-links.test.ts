import { sql } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, endOfLondonDay, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson } from "../../testing/factories.js";
import { linkExpiry } from "./parent-links.js";

/**
 * A class of four as a school's MIS gives them: Gwen's mother holds parental responsibility and
 * has an email, her grandmother is a contact without it; Tomos's father holds it but has no
 * email; Nia's only contact is an aunt without it; Ifan has no contact on record at all.
 */
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T100000000001,Gwen,Morgan,3,3A",
  "T100000000002,Tomos,Price,3,3A",
  "T100000000003,Nia,Hughes,3,3B",
  "T100000000004,Ifan,Lloyd,3,3B",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T100000000001",
  "K2,Elen,Morgan,elen@cartref.test,Grandmother,2,No,T100000000001",
  "K3,Rhys,Price,,Father,1,Yes,T100000000002",
  "K4,Carys,Hughes,carys@cartref.test,Aunt,1,No,T100000000003",
].join("\n");

describe("parent links reach carers with parental responsibility; printed forms reach the rest", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let agreementId: string;
  let textSha256: string;
  const due = addDays(todayInLondon(), 40);
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
  const preview = async () =>
    (await head.post(`/api/v1/agreements/${agreementId}/parent-links?dryRun=true`)).json();
  const record = (body: Record<string, unknown>, who: Browser = head) =>
    who.post(`/api/v1/agreements/${agreementId}/paper-forms`, {
      choices: { photos: "Yes" },
      signedOn: todayInLondon(),
      textSha256,
      ...body,
    });
  const pdfText = async (query: string) => {
    const res = await head.get(`/api/v1/agreements/${agreementId}/paper-forms.pdf${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
    try {
      const result = await parser.getText();
      return { text: result.text.replace(/\s+/g, " "), pages: result.total };
    } finally {
      await parser.destroy();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Home and school", audiences: ["parent"] })
    ).json();
    const versionId = policy.versions[0].id;
    await head.patch(`/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: "# Home and school",
      statements: [
        "We will talk with our child about staying safe online.",
        "We will keep the school's devices in good order.",
      ],
    });
    await head.post(`/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    const agreement = (
      await head.post("/api/v1/agreements", {
        policyVersionId: versionId,
        title: "Home–school digital agreement",
        audience: "parents",
        declaration: "I have read this with my child.",
        choices: [
          { key: "photos", label: "Photos of my child may appear in the newsletter", options: ["Yes", "No"] },
        ],
      })
    ).json();
    agreementId = agreement.id;
    textSha256 = agreement.textSha256;
    await importCsv("pupils", PUPILS);
    await importCsv("contacts", CONTACTS);
    for (const p of (await head.get("/api/v1/people?status=all&limit=500")).json().people)
      ids[p.givenName === "Siân" ? "Sian" : p.givenName] = p.id;
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, { kinds: ["parent"], dueDate: due });
  });
  afterAll(() => t.close());

  it("lists, before sending, the carers without email and the children no link can reach, and counts honestly", async () => {
    const before = (await outbox()).length;
    const plan = await preview();
    expect(plan).toMatchObject({ sent: 1, withoutResponsibility: 2, delivery: "outbox" });
    expect(plan.carersWithoutEmail).toEqual([
      { id: ids.Rhys, name: "Rhys Price", children: [{ id: ids.Tomos, name: "Tomos Price" }] },
    ]);
    expect(
      plan.unreachableChildren.map((c: { name: string; reason: string; regGroup: string }) => [
        c.name,
        c.regGroup,
        c.reason,
      ]),
    ).toEqual([
      ["Tomos Price", "3A", "no_email"],
      ["Nia Hughes", "3B", "no_responsible_carer"],
      ["Ifan Lloyd", "3B", "no_responsible_carer"],
    ]);
    // The dry run sends nothing.
    expect((await outbox()).length).toBe(before);
  });

  it("emails a link only to a carer with parental responsibility: the grandmother and the aunt get nothing", async () => {
    const res = await head.post(`/api/v1/agreements/${agreementId}/parent-links`);
    expect(res.json()).toMatchObject({ sent: 1, delivery: "outbox" });
    const mails = await outbox();
    expect(
      mails.filter((m) => m.to === "sian@cartref.test" && m.subject.includes("(Gwen Morgan)")),
    ).toHaveLength(1);
    expect(mails.filter((m) => m.to === "elen@cartref.test" || m.to === "carys@cartref.test")).toEqual([]);
    const links = await queryRows<{ parent_id: string }>(
      t.database.db,
      sql`SELECT parent_id FROM signing_links WHERE subject_id = ${agreementId}`,
    );
    expect(links.map((l) => l.parent_id)).toEqual([ids.Sian]);
  });

  it("keeps a link open until the end of the due date, and never less than a fortnight", async () => {
    const [link] = await queryRows<{ expires_at: Date }>(
      t.database.db,
      sql`SELECT expires_at FROM signing_links WHERE parent_id = ${ids.Sian}`,
    );
    expect(new Date(link.expires_at).getTime()).toBeGreaterThanOrEqual(endOfLondonDay(due).getTime());
    const now = new Date("2026-06-01T09:00:00Z");
    // Due in three days: the fortnight stands.
    expect(linkExpiry("2026-06-04", now).getTime()).toBe(now.getTime() + 14 * 86_400_000);
    // Due in six weeks: until the last moment of the due day in London (BST: 23:59:59.999 is 22:59 UTC).
    expect(linkExpiry("2026-07-13", now).toISOString()).toBe("2026-07-13T22:59:59.999Z");
    expect(linkExpiry("2026-12-18", now).toISOString()).toBe("2026-12-18T23:59:59.999Z");
  });

  it("prints a form per child, a class batch, and by default every child no link reaches, with the text, choices and signature lines", async () => {
    const one = await pdfText(`?childId=${ids.Tomos}`);
    expect(one.pages).toBe(1);
    expect(one.text).toContain("Home–school digital agreement");
    expect(one.text).toContain("For: Tomos Price (3A)");
    expect(one.text).toContain("Rhys Price");
    expect(one.text).toContain("We will talk with our child about staying safe online.");
    expect(one.text).toContain("I have read this with my child.");
    expect(one.text).toContain("Photos of my child may appear in the newsletter");
    for (const line of ["Name of parent or carer", "Relationship to the child", "Signature", "Date"])
      expect(one.text).toContain(line);
    const batch = await pdfText("?regGroup=3B");
    expect(batch.pages).toBe(2);
    expect(batch.text).toContain("For: Nia Hughes (3B)");
    expect(batch.text).toContain("For: Ifan Lloyd (3B)");
    const unreachable = await pdfText("");
    expect(unreachable.pages).toBe(3);
    expect(unreachable.text).not.toContain("Gwen Morgan");
  });

  it("prints the form in the school's language for families: Welsh, or Welsh then English", async () => {
    const setLanguage = (language: string) =>
      t.database.db.execute(sql`UPDATE schools SET language = ${language} WHERE id = ${schoolId}`);
    const [{ language: before }] = await queryRows<{ language: string }>(
      t.database.db,
      sql`SELECT language FROM schools WHERE id = ${schoolId}`,
    );
    try {
      await setLanguage("cy");
      const welsh = (await pdfText(`?childId=${ids.Tomos}`)).text;
      expect(welsh).toContain("Ar gyfer: Tomos Price (3A)");
      expect(welsh).toContain("Y cytundeb");
      expect(welsh).toContain("Perthynas â'r plentyn");
      expect(welsh).toContain("Llofnod");
      expect(welsh).not.toContain("Name of parent or carer");
      expect(welsh).not.toContain("For: Tomos Price");
      // The agreement's own words are the school's: printed as written.
      expect(welsh).toContain("We will talk with our child about staying safe online.");
      await setLanguage("bilingual");
      const both = (await pdfText(`?childId=${ids.Tomos}`)).text;
      expect(both).toContain("Ar gyfer: Tomos Price (3A) / For: Tomos Price (3A)");
      expect(both).toContain("Enw'r rhiant neu'r gofalwr Name of parent or carer");
    } finally {
      await setLanguage(before);
    }
  });

  it("refuses a teacher without rights to record a printed form (403)", async () => {
    const { browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Dewi" });
    const res = await record({ childId: ids.Tomos, carerId: ids.Rhys, carerName: "Rhys Price" }, teacher);
    expect(res.statusCode).toBe(403);
    expect((await teacher.get(`/api/v1/agreements/${agreementId}/paper-forms.pdf`)).statusCode).toBe(403);
  });

  it("refuses a carer without parental responsibility for the child", async () => {
    const res = await record({ childId: ids.Gwen, carerId: ids.Elen, carerName: "Elen Morgan" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "carerId", message: expect.any(String) }]);
  });

  it("records a printed form once per child: counted as covering the child, audited, unchangeable, again only after a withdrawal", async () => {
    const res = await record({ childId: ids.Tomos, carerId: ids.Rhys, carerName: "Rhys Price" });
    expect(res.statusCode).toBe(201);
    const recorded = res.json();
    expect(recorded).toMatchObject({
      authMethod: "paper",
      kind: "signed",
      fullName: "Rhys Price",
      onBehalfOfId: ids.Tomos,
      choices: { photos: "Yes" },
      signedOn: todayInLondon(),
      recordedBy: "Ada Okafor",
    });
    // Tomos is covered: off the pre-send list, and his father's part is done in compliance.
    const plan = await preview();
    expect(plan.carersWithoutEmail).toEqual([]);
    expect(plan.unreachableChildren.map((c: { name: string }) => c.name)).toEqual([
      "Nia Hughes",
      "Ifan Lloyd",
    ]);
    const rhys = (await head.get("/api/v1/compliance/agreements"))
      .json()
      .people.find((p: { id: string }) => p.id === ids.Rhys);
    expect(rhys.cells[agreementId].status).toBe("signed");
    // Audited, by the member of staff who recorded it.
    const events = (await head.get("/api/v1/audit?limit=20")).json().events as {
      action: string;
      actorName: string;
    }[];
    expect(events.find((e) => e.action === "agreement.paper_form_recorded")?.actorName).toBe("Ada Okafor");
    // Evidence: neither the signature nor the record of the form can be changed.
    await expect(
      t.database.db.execute(
        sql`UPDATE paper_forms SET signed_on = '2020-01-01' WHERE signature_id = ${recorded.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`UPDATE signatures SET full_name = 'Someone' WHERE id = ${recorded.id}`),
    ).rejects.toThrow();
    // Once per child: a second form is refused until the first is withdrawn.
    const twice = await record({ childId: ids.Tomos, carerId: ids.Rhys, carerName: "Rhys Price" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/Rhys Price has already signed this for Tomos Price/);
    expect(
      (await head.post(`/api/v1/signatures/${recorded.id}/withdraw`, { reason: "Wrong answer ticked" }))
        .statusCode,
    ).toBe(201);
    const again = await record({
      childId: ids.Tomos,
      carerId: ids.Rhys,
      carerName: "Rhys Price",
      choices: { photos: "No" },
    });
    expect(again.statusCode).toBe(201);
  });

  it("records a form signed by a carer not on record, and refuses a form for text no longer in force", async () => {
    const before = (await head.get("/api/v1/compliance/agreements")).json().childrenNotCovered[agreementId];
    expect(before.map((c: { name: string }) => c.name)).toContain("Nia Hughes");
    const res = await record({ childId: ids.Nia, carerName: "Meinir Hughes" });
    expect(res.statusCode).toBe(201);
    expect(res.json().onBehalfOfId).toBe(ids.Nia);
    // The form covers Nia in the compliance view, though the carer who signed it is not on record.
    const after =
      (await head.get("/api/v1/compliance/agreements")).json().childrenNotCovered[agreementId] ?? [];
    expect(after.map((c: { name: string }) => c.name)).not.toContain("Nia Hughes");
    const stale = await record({ childId: ids.Ifan, carerName: "Huw Lloyd", textSha256: "0".repeat(64) });
    expect(stale.statusCode).toBe(409);
  });
});
