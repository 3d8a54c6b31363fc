import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";

describe("the headteacher's home: the school at a glance", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let teacher: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
  });
  afterAll(() => t.close());

  it("counts each agreement's signatures against its group, lists approvals waiting and reviews due, each with its page", async () => {
    const { agreementId, textSha256 } = await staffAgreement(head);
    // The headteacher and three colleagues are staff; one colleague signs.
    const staff = [];
    for (const givenName of ["Tegan", "Huw", "Mali"])
      staff.push(await signedInPerson(t, head, schoolId, { givenName }));
    teacher = staff[0].browser;
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(todayInLondon(), 10),
    });
    const signed = await teacher.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Tegan Staffroom",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    });
    expect(signed.statusCode).toBe(201);

    // A version waiting for the chair; one review overdue, one due in a fortnight, one far off.
    await head.put("/api/v1/policies/settings/approvers", { roles: ["headteacher", "chair_of_governors"] });
    const chair = await signedInPerson(t, head, schoolId, { givenName: "Rhian", kinds: ["governor"] });
    await head.put(`/api/v1/people/${chair.id}/roles`, { roles: ["chair_of_governors"] });
    const policy = (
      await head.post("/api/v1/policies", { title: "Online safety", audiences: ["staff"] })
    ).json();
    const v = `/api/v1/policies/${policy.id}/versions/${policy.versions[0].id}`;
    await head.patch(v, { content: "# Online safety\n\nStay safe." });
    await head.post(`${v}/submit`);
    await head.post(`${v}/approve`);
    const review = async (title: string, nextReviewDue: string) =>
      (await head.post("/api/v1/policies", { title, audiences: ["staff"], nextReviewDue })).json()
        .id as string;
    const overdue = await review("Data protection", addDays(todayInLondon(), -3));
    const soon = await review("Mobile phones", addDays(todayInLondon(), 14));
    await review("Photography", addMonths(todayInLondon(), 3));

    const { glance } = (await head.get("/api/v1/home")).json();
    expect(glance.agreements).toEqual([
      {
        id: agreementId,
        title: "Staff acceptable use agreement",
        audience: "staff",
        counts: "people",
        signed: 1,
        required: 4,
        outstanding: 3,
        visitorsThisTerm: null,
        href: `/compliance?agreement=${agreementId}`,
      },
    ]);
    expect(glance.approvals).toEqual([
      {
        policyId: policy.id,
        versionId: policy.versions[0].id,
        title: "Online safety",
        number: "1.0",
        stillNeeded: ["chair_of_governors"],
        href: `/policies/${policy.id}/versions/${policy.versions[0].id}`,
      },
    ]);
    expect(
      glance.reviews.map((r: { title: string; overdue: boolean; href: string }) => [
        r.title,
        r.overdue,
        r.href,
      ]),
    ).toEqual([
      ["Data protection", true, `/policies/${overdue}`],
      ["Mobile phones", false, `/policies/${soon}`],
    ]);
  });

  it("keeps a member of staff's home to what needs them", async () => {
    const home = (await teacher.get("/api/v1/home")).json();
    expect(home.glance).toBeNull();
    // Their own training never done is theirs; nothing of the school's is.
    expect(home.attention.map((i: { key: string }) => i.key)).toEqual(["trainingNeverDone"]);
  });
});

describe("home: photo consent forms still unanswered", () => {
  let t: TestApp;
  let head: Browser;
  let teacher: Browser;
  const ids: Record<string, string> = {};
  // A small class as the MIS gives it: Efa's mother is emailed; Osian's father is emailed too.
  const pupils = [
    "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,Date of Birth",
    "T300000000001,Efa,Bowen,2,2C,2019-02-11",
    "T300000000002,Osian,Pugh,2,2C,2019-06-23",
  ].join("\n");
  const contacts = [
    "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
    "C1,Heledd,Bowen,heledd@aelwyd.test,Mother,1,Yes,T300000000001",
    "C2,Emyr,Pugh,emyr@aelwyd.test,Father,1,Yes,T300000000002",
  ].join("\n");
  const keys = async (who: Browser) =>
    (await who.get("/api/v1/home"))
      .json()
      .attention.filter((i: { key: string }) => i.key === "consentUnanswered");

  beforeAll(async () => {
    t = await startTestApp();
    let schoolId: string;
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    for (const [kind, csv] of [
      ["pupils", pupils],
      ["contacts", contacts],
    ])
      await head.request("POST", `/api/v1/people/import?kind=${kind}&dryRun=false`, csv, {
        "content-type": "text/csv",
      });
    for (const p of (await head.get("/api/v1/people?status=all&limit=500")).json().people)
      ids[p.givenName] = p.id;
    ({ browser: teacher } = await signedInPerson(t, head, schoolId, { givenName: "Alaw" }));
  });
  afterAll(() => t.close());

  it("tells those who ask parents how many children are waiting on an answer, one tap from consent; not a teacher", async () => {
    expect(await keys(head)).toEqual([]);
    const asked = await head.post("/api/v1/consent/requests", {
      classes: ["2C"],
      dueDate: addDays(todayInLondon(), 14),
    });
    expect(asked.statusCode).toBeLessThan(300);
    expect(await keys(head)).toEqual([
      { key: "consentUnanswered", params: { count: 2 }, href: "/consent", severity: "info" },
    ]);
    expect(await keys(teacher)).toEqual([]);

    // Heledd returns a paper form for Efa: one child left.
    const paper = await head.post(`/api/v1/consent/pupils/${ids.Efa}/answers`, {
      carerId: ids.Heledd,
      method: "paper",
      answers: [{ purposeKey: "school_website", answer: "yes" }],
    });
    expect(paper.statusCode).toBeLessThan(300);
    expect((await keys(head))[0].params).toEqual({ count: 1 });
  });
});
