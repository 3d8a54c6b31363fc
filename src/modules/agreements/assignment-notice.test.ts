import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, ORIGIN, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";
import { chaseAgreements } from "./chasing.js";
import { assignNewStarters } from "./service.js";

describe("assigning an agreement says 'please sign' once", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let agreementId: string;
  const due = addDays(todayInLondon(), 30);
  const messagesTo = async (to: string) =>
    (
      (await head.get("/api/v1/mail/outbox")).json().messages as {
        to: string;
        subject: string;
        body: string;
      }[]
    ).filter((m) => m.to === to);

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ agreementId } = await staffAgreement(head));
  });
  afterAll(() => t.close());

  it("tells each person assigned, once, even if assigned again or chased the same day", async () => {
    const { id } = await signedInPerson(t, head, schoolId, { givenName: "Lowri" });
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, { personIds: [id], dueDate: due });
    const [notice] = await messagesTo("lowri@staffroom.test");
    expect(notice.subject).toBe("Please sign: Staff acceptable use agreement");
    expect(notice.body).toContain(`by ${due}`);
    expect(notice.body).toContain(`${ORIGIN}/`);
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, { personIds: [id], dueDate: due });
    await chaseAgreements(t.database.db, ORIGIN);
    expect(await messagesTo("lowri@staffroom.test")).toHaveLength(1);
    // The chase carries on from there: a reminder a week before the due date.
    await chaseAgreements(t.database.db, ORIGIN, addDays(due, -7));
    const mails = await messagesTo("lowri@staffroom.test");
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toContain("Reminder: please sign Staff acceptable use agreement");
  });

  it("writes the notice in Welsh to a person who reads Welsh", async () => {
    const { id } = await signedInPerson(t, head, schoolId, { givenName: "Gwenllian" });
    await t.database.db.execute(sql`UPDATE people SET language = 'cy' WHERE id = ${id}`);
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, { personIds: [id], dueDate: due });
    const [notice] = await messagesTo("gwenllian@staffroom.test");
    expect(notice.subject).toBe("Llofnodwch: Staff acceptable use agreement");
    expect(notice.body).toContain("Annwyl Gwenllian,");
    expect(notice.body).toContain(`erbyn ${due}`);
    expect(notice.body).not.toContain("Dear");
  });

  it("tells a new starter assigned automatically, once", async () => {
    await head.post(`/api/v1/agreements/${agreementId}/assignments`, { kinds: ["staff"], dueDate: due });
    // The head runs the import and is never made a leaver by it: the file lists only the joiner.
    const csv =
      "Staff Code,Forename,Surname,Work Email,Job Title\nNS1,Mabon,Newydd,mabon@staffroom.test,Teaching Assistant\n";
    const res = await head.request("POST", "/api/v1/people/import?kind=staff&dryRun=false", csv, {
      "content-type": "text/csv",
    });
    expect(res.json()).toMatchObject({ created: 1 });
    expect((await assignNewStarters(t.database.db, ORIGIN)).assigned).toBe(1);
    await assignNewStarters(t.database.db, ORIGIN);
    await chaseAgreements(t.database.db, ORIGIN);
    const mails = await messagesTo("mabon@staffroom.test");
    expect(mails.map((m) => m.subject)).toEqual(["Please sign: Staff acceptable use agreement"]);
  });
});
