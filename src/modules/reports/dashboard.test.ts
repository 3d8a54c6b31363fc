import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { dashboardFigures } from "./figures.js";
import { previousTerm, termNamed, termOf, termsEndingWith } from "./terms.js";

describe("school terms for reports", () => {
  it("puts each day in its term, holidays included, and walks back a school year", () => {
    expect(termOf("2026-09-01").name).toBe("2026-autumn");
    expect(termOf("2026-12-31").name).toBe("2026-autumn");
    expect(termOf("2027-01-01").name).toBe("2027-spring");
    expect(termOf("2027-04-30").name).toBe("2027-spring");
    expect(termOf("2027-05-01").name).toBe("2027-summer");
    expect(termOf("2027-08-31").name).toBe("2027-summer");
    expect(termNamed("2027-spring")).toMatchObject({ from: "2027-01-01", to: "2027-04-30" });
    expect(previousTerm(termNamed("2027-spring")).name).toBe("2026-autumn");
    expect(termsEndingWith(termNamed("2027-summer"), 3).map((t) => t.name)).toEqual([
      "2026-autumn",
      "2027-spring",
      "2027-summer",
    ]);
  });
});

describe("the leaders' dashboard", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let teacher: Browser;
  let chair: Browser;
  const today = todayInLondon();
  const now = termOf(today);
  const before = previousTerm(now);

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    const { agreementId, textSha256 } = await staffAgreement(head);
    // The headteacher and two colleagues in Science are staff; the two colleagues sign, the head does not.
    const signers = [];
    for (const givenName of ["Gwenllian", "Idris"]) {
      const p = await signedInPerson(t, head, schoolId, { givenName });
      await head.patch(`/api/v1/people/${p.id}`, { department: "Science" });
      signers.push(p);
    }
    teacher = signers[0].browser;
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      kinds: ["staff"],
      dueDate: addDays(today, 10),
    });
    for (const [i, s] of signers.entries()) {
      const res = await s.browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
        fullName: `${["Gwenllian", "Idris"][i]} Staffroom`,
        jobTitle: "Teacher",
        choices: { photo: "agree" },
        textSha256,
      });
      expect(res.statusCode).toBe(201);
    }
    // Online safety training: Gwenllian's is in date, Idris's runs out in ten days, the head never did it.
    for (const [person, completedOn] of [
      [signers[0].id, addDays(today, -5)],
      [signers[1].id, addDays(addMonths(today, -12), 10)],
    ])
      expect(
        (
          await head.post("/api/v1/training/completions", {
            courseKey: "online_safety",
            completedOn,
            personIds: [person],
          })
        ).statusCode,
      ).toBeLessThan(300);

    // Class 4D: two pupils, each with one carer; Carwyn's father returns a paper form saying yes to
    // the school website.
    for (const [kind, csv] of [
      [
        "pupils",
        "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,Date of Birth\nT400000000001,Carwyn,Rowlands,4,4D,2018-01-15\nT400000000002,Lleucu,Jenkins,4,4D,2018-04-02",
      ],
      [
        "contacts",
        "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN\nD1,Geraint,Rowlands,geraint@tyddyn.test,Father,1,Yes,T400000000001\nD2,Menna,Jenkins,menna@tyddyn.test,Mother,1,Yes,T400000000002",
      ],
    ])
      await head.request("POST", `/api/v1/people/import?kind=${kind}&dryRun=false`, csv, {
        "content-type": "text/csv",
      });
    const everyone = (await head.get("/api/v1/people?status=all&limit=500")).json().people as {
      id: string;
      givenName: string;
    }[];
    const idOf = (name: string) => everyone.find((p) => p.givenName === name)!.id;
    expect(
      (
        await head.post(`/api/v1/consent/pupils/${idOf("Carwyn")}/answers`, {
          carerId: idOf("Geraint"),
          method: "paper",
          answers: [{ purposeKey: "school_website", answer: "yes" }],
        })
      ).statusCode,
    ).toBeLessThan(300);

    const c = await signedInPerson(t, head, schoolId, { givenName: "Morwenna", kinds: ["governor"] });
    await head.put(`/api/v1/people/${c.id}/roles`, { roles: ["chair_of_governors"] });
    chair = c.browser;

    // Incidents: two cyberbullying and one filtering breach this term, one cyberbullying last term.
    const report = (category: string, occurredAt: string) =>
      teacher.post("/api/v1/incidents", {
        category,
        occurredAt,
        summary: "A pupil showed me messages sent to them overnight.",
      });
    const justNow = new Date(Date.now() - 60_000).toISOString();
    for (const [category, at] of [
      ["cyberbullying", justNow],
      ["cyberbullying", justNow],
      ["filtering_breach", justNow],
      ["cyberbullying", `${addDays(before.from, 10)}T10:00:00Z`],
    ])
      expect((await report(category, at)).statusCode).toBe(201);

    // Policies: one overdue, two due within the month (one today: due, not yet overdue), one far
    // off, one with no review date.
    for (const [title, nextReviewDue] of [
      ["Data protection", addDays(today, -2)],
      ["Passwords", today],
      ["Mobile phones", addDays(today, 12)],
      ["Photography", addDays(today, 200)],
      ["Remote learning", undefined],
    ])
      expect(
        (await head.post("/api/v1/policies", { title, audiences: ["staff"], nextReviewDue })).statusCode,
      ).toBe(201);
  });
  afterAll(() => t.close());

  it("counts agreement compliance by agreement, kind and department: 3 staff asked, 2 signed is 66.7%", async () => {
    const view = await dashboardFigures(t.database.db, schoolId, termsEndingWith(now, 3), today);
    expect(view.agreements).toEqual([
      { agreement: "Staff acceptable use agreement", audience: "staff", required: 3, done: 2, percent: 66.7 },
    ]);
    expect(view.agreementsByKind).toEqual([{ kind: "staff", required: 3, done: 2, percent: 66.7 }]);
    expect(view.agreementsByDepartment).toEqual([
      { department: "Science", required: 2, done: 2, percent: 100 },
      { department: null, required: 3 - 2, done: 0, percent: 0 },
    ]);
    // Signed this term: by the end of each earlier term nobody had; this term, two of three.
    expect(view.agreementsByTerm.map((r) => [r.term, r.done, r.required])).toEqual([
      [termsEndingWith(now, 3)[0].name, 0, 3],
      [before.name, 0, 3],
      [now.name, 2, 3],
    ]);
  });

  it("counts incidents by category and the term they happened in", async () => {
    const view = await dashboardFigures(t.database.db, schoolId, termsEndingWith(now, 3), today);
    expect(view.incidents).toEqual([
      { category: "cyberbullying", term: before.name, count: 1 },
      { category: "cyberbullying", term: now.name, count: 2 },
      { category: "filtering_breach", term: now.name, count: 1 },
    ]);
    // Only the terms asked for: last term alone shows last term's one.
    const last = await dashboardFigures(t.database.db, schoolId, [before], today);
    expect(last.incidents).toEqual([{ category: "cyberbullying", term: before.name, count: 1 }]);
  });

  it("sorts policies by where their review stands and shows the filtering review never done", async () => {
    const view = await dashboardFigures(t.database.db, schoolId, [now], today);
    expect(view.policies).toEqual([
      { status: "overdue", count: 1 },
      { status: "due_soon", count: 2 },
      { status: "in_date", count: 1 },
      // The staff agreement's own policy has no review date either.
      { status: "no_date", count: 2 },
    ]);
    expect(view.filtering).toEqual([
      { lastReviewedOn: null, nextDueOn: null, overdue: true, openActions: 0, overdueActions: 0 },
    ]);
  });

  it("counts training in date by course, expiring still counting as in date", async () => {
    const view = await dashboardFigures(t.database.db, schoolId, [now], today);
    expect(view.training.find((r) => r.course === "Online safety")).toEqual({
      course: "Online safety",
      required: 3,
      inDate: 1,
      expiring: 1,
      expired: 0,
      never: 1,
      percent: 66.7,
    });
  });

  it("counts consent by class and purpose as the consent module decides it", async () => {
    const view = await dashboardFigures(t.database.db, schoolId, [now], today);
    const row = (purpose: string) => view.consent.find((r) => r.class === "4D" && r.purpose === purpose);
    // One yes of two pupils; nobody else's answer counts for a consent purpose.
    expect(row("School website")).toEqual({
      class: "4D",
      purpose: "School website",
      pupils: 2,
      given: 1,
      percent: 50,
    });
    expect(row("Local press")).toMatchObject({ pupils: 2, given: 0, percent: 0 });
  });

  it("serves the figures to leaders and the chair of governors, with no one's name in them; a teacher is refused", async () => {
    expect((await teacher.get("/api/v1/reports/dashboard")).statusCode).toBe(403);
    expect((await teacher.get("/api/v1/reports/dashboard/incidents.csv")).statusCode).toBe(403);
    const res = await chair.get(`/api/v1/reports/dashboard?term=${now.name}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    for (const name of ["Gwenllian", "Idris", "Morwenna", "Staffroom", "Carwyn", "Lleucu", "Geraint"])
      expect(body).not.toContain(name);
    expect(res.json().agreements[0].percent).toBe(66.7);
    expect(res.json().terms.map((x: { name: string }) => x.name)).toEqual(
      termsEndingWith(now, 3).map((x) => x.name),
    );
  });

  it("refuses a term that is not one, changing nothing", async () => {
    const res = await head.get("/api/v1/reports/dashboard?term=2026-winter");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("2026-autumn");
    expect((await head.get("/api/v1/reports/dashboard/nonsense.csv")).statusCode).toBe(400);
  });

  it("gives each chart's CSV the same rows as the JSON", async () => {
    const json = (await head.get(`/api/v1/reports/dashboard?term=${now.name}`)).json();
    for (const chart of ["agreements", "agreementsByDepartment", "incidents", "policies", "filtering"]) {
      const res = await head.get(`/api/v1/reports/dashboard/${chart}.csv?term=${now.name}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/csv");
      const [header, ...lines] = res.body.trimEnd().split("\r\n");
      const rows = json[chart] as Record<string, unknown>[];
      expect(header.split(",")).toEqual(Object.keys(rows[0]));
      expect(lines).toEqual(
        rows.map((r) =>
          Object.values(r)
            .map((v) => (v === null ? "" : String(v)))
            .join(","),
        ),
      );
    }
  });
});
