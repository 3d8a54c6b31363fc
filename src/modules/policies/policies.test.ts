import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { newSecret } from "../../kernel/secrets.js";
import { Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { nextNumber } from "./numbering.js";
import { sendReviewReminders } from "./reminders.js";
import { renderPolicyMarkdown } from "./render.js";

const TEXT_1 =
  "# Using school devices\n\nStaff look after school devices.\n\n- Keep the PIN private\n- Report a loss at once\n";
const TEXT_2 =
  "# Using school devices\n\nStaff look after every school device.\n\n- Keep the PIN private\n- Report a loss the same day\n";

describe("the policy library", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  /** A browser signed in as a new person of the given kinds and roles (sessions made directly). */
  const personWith = async (name: string, kinds: string[], roles: string[] = []) => {
    const res = await head.post("/api/v1/people", {
      givenName: name,
      familyName: "Tester",
      kinds,
      roles,
      email: `${name.toLowerCase()}@oakfield.test`,
    });
    const id = res.json().id as string;
    const { secret, hash } = newSecret();
    await t.database.db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${schoolId}, ${id})`,
    );
    const b = new Browser(t.app);
    b.cookie = `accord_session=${secret}`;
    return { browser: b, id };
  };
  const newPolicy = async (body: Record<string, unknown> = {}) => {
    const res = await head.post("/api/v1/policies", {
      title: "Device policy",
      audiences: ["staff"],
      reviewFrequency: "annual",
      ...body,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    return { id: p.id as string, versionId: p.versions[0].id as string };
  };

  let chair: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ browser: chair } = await personWith("Chair", ["governor"], ["chair_of_governors"]));
  });
  afterAll(() => t.close());

  it("runs draft → submitted → approved by each required role → published, and sets the next review", async () => {
    const { id, versionId } = await newPolicy();
    const v = `/api/v1/policies/${id}/versions/${versionId}`;
    expect(
      (
        await head.patch(v, {
          content: TEXT_1,
          statements: ["I will keep my PIN private."],
          summary: "First issue",
        })
      ).statusCode,
    ).toBe(200);
    expect((await head.post(`${v}/approve`)).statusCode).toBe(409); // not submitted yet
    expect((await head.post(`${v}/submit`)).json().status).toBe("submitted");
    const afterHead = (await head.post(`${v}/approve`)).json();
    expect(afterHead.status).toBe("submitted");
    expect(afterHead.approvals).toEqual([
      expect.objectContaining({ role: "headteacher", personName: "Ada Okafor" }),
    ]);
    const early = await head.post(`${v}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      detail: expect.stringContaining("chair_of_governors"),
      missingApprovals: ["chair_of_governors"],
    });
    expect((await chair.post(`${v}/approve`)).json().status).toBe("approved");
    const published = await head.post(`${v}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", number: "1.0" });
    const issue = published.json().issueDate as string;
    const policy = (await head.get(`/api/v1/policies/${id}`)).json();
    expect(policy.nextReviewDue).toBe(`${Number(issue.slice(0, 4)) + 1}${issue.slice(4)}`);
    const actions = (await head.get("/api/v1/audit?limit=20"))
      .json()
      .events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "policy.created",
        "policy.version_edited",
        "policy.version_submitted",
        "policy.version_approved",
        "policy.version_published",
      ]),
    );
  });

  describe("versions", () => {
    let id: string;
    let v1: string;
    beforeAll(async () => {
      await head.put("/api/v1/policies/settings/approvers", { roles: [] });
    });
    // Each case has its own policy, published at 1.0, to take through its versions.
    beforeEach(async () => {
      ({ id, versionId: v1 } = await newPolicy({ title: "Mobile phones" }));
      await head.patch(`/api/v1/policies/${id}/versions/${v1}`, {
        content: TEXT_1,
        statements: ["I will keep my PIN private."],
      });
      expect((await head.post(`/api/v1/policies/${id}/versions/${v1}/publish`)).statusCode).toBe(200);
    });
    /** Version 1.1, with TEXT_2 and a second statement, published over 1.0. */
    const publishRevision = async () => {
      const draft = (await head.post(`/api/v1/policies/${id}/versions`, { bump: "minor" })).json();
      await head.patch(`/api/v1/policies/${id}/versions/${draft.id}`, {
        content: TEXT_2,
        statements: ["I will keep my PIN private.", "I will report a loss the same day."],
        summary: "Loss reporting tightened",
      });
      expect((await head.post(`/api/v1/policies/${id}/versions/${draft.id}/publish`)).statusCode).toBe(200);
    };
    afterAll(async () => {
      await head.put("/api/v1/policies/settings/approvers", { roles: ["headteacher", "chair_of_governors"] });
    });

    it("publishes directly when the school requires no approvals", async () => {
      expect((await head.get(`/api/v1/policies/${id}/versions/${v1}`)).json().status).toBe("published");
    });

    it("never changes a published version: editing makes a new draft", async () => {
      const edit = await head.patch(`/api/v1/policies/${id}/versions/${v1}`, { content: "changed" });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().detail).toMatch(/published and cannot be changed/);
      const direct: unknown = await t.database.db
        .execute(sql`UPDATE policy_versions SET content = 'x' WHERE id = ${v1}`)
        .catch((e) => e);
      expect(String((direct as { cause?: Error }).cause?.message)).toMatch(/cannot be changed/);
      expect((await head.get(`/api/v1/policies/${id}/versions/${v1}`)).json().content).toBe(TEXT_1);
    });

    it("keeps one published version: publishing 1.1 supersedes 1.0", async () => {
      const draft = (await head.post(`/api/v1/policies/${id}/versions`, { bump: "minor" })).json();
      expect(draft).toMatchObject({ number: "1.1", status: "draft", content: TEXT_1 });
      expect((await head.post(`/api/v1/policies/${id}/versions`, { bump: "major" })).statusCode).toBe(409);
      await head.patch(`/api/v1/policies/${id}/versions/${draft.id}`, {
        content: TEXT_2,
        statements: ["I will keep my PIN private.", "I will report a loss the same day."],
        summary: "Loss reporting tightened",
      });
      await head.post(`/api/v1/policies/${id}/versions/${draft.id}/publish`);
      const versions = (await head.get(`/api/v1/policies/${id}`)).json().versions;
      expect(versions.map((x: { number: string; status: string }) => `${x.number} ${x.status}`)).toEqual([
        "1.1 published",
        "1.0 superseded",
      ]);
      const published = await queryRows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM policy_versions WHERE policy_id = ${id} AND status = 'published'`,
      );
      expect(published[0].n).toBe(1);
    });

    it("shows a word-level diff between any two versions, with statements added and removed", async () => {
      await publishRevision();
      const [v11, v10] = (await head.get(`/api/v1/policies/${id}`)).json().versions;
      const diff = (await head.get(`/api/v1/policies/${id}/versions/${v10.id}/diff/${v11.id}`)).json();
      expect(diff).toMatchObject({ from: { number: "1.0" }, to: { number: "1.1" }, identical: false });
      expect(
        diff.parts.filter((p: { added: boolean }) => p.added).map((p: { value: string }) => p.value.trim()),
      ).toEqual(expect.arrayContaining(["every", "the same day"]));
      expect(
        diff.parts
          .filter((p: { removed: boolean }) => p.removed)
          .map((p: { value: string }) => p.value.trim()),
      ).toEqual(expect.arrayContaining(["at once"]));
      expect(diff.statements).toEqual({ added: ["I will report a loss the same day."], removed: [] });
      // The parts rebuild both texts: the old without additions, the new without removals.
      type Part = { value: string; added: boolean; removed: boolean };
      expect(
        diff.parts
          .filter((p: Part) => !p.added)
          .map((p: Part) => p.value)
          .join(""),
      ).toBe(TEXT_1);
      expect(
        diff.parts
          .filter((p: Part) => !p.removed)
          .map((p: Part) => p.value)
          .join(""),
      ).toBe(TEXT_2);
    });

    it("records 'reviewed – no changes' as a new minor version with the same text that nobody need re-sign", async () => {
      await publishRevision();
      const review = (await head.post(`/api/v1/policies/${id}/versions`, { noChanges: true })).json();
      expect(review).toMatchObject({
        number: "1.2",
        noChanges: true,
        summary: "Reviewed – no changes",
        content: TEXT_2,
      });
      await head.post(`/api/v1/policies/${id}/versions/${review.id}/publish`);
      const [v12, v11] = (await head.get(`/api/v1/policies/${id}`)).json().versions;
      expect(
        (await head.get(`/api/v1/policies/${id}/versions/${v11.id}/diff/${v12.id}`)).json().identical,
      ).toBe(true);
      // Changing the text of such a draft makes it an ordinary revision again.
      const next = (await head.post(`/api/v1/policies/${id}/versions`, { noChanges: true })).json();
      const edited = (
        await head.patch(`/api/v1/policies/${id}/versions/${next.id}`, {
          content: `${TEXT_2}\nOne more line.`,
        })
      ).json();
      expect(edited.noChanges).toBe(false);
    });

    it("numbers versions 1.0 … 2.9 → 3.0", () => {
      expect(nextNumber(null, "minor")).toEqual({ major: 1, minor: 0 });
      expect(nextNumber({ major: 2, minor: 8 }, "minor")).toEqual({ major: 2, minor: 9 });
      expect(nextNumber({ major: 2, minor: 9 }, "minor")).toEqual({ major: 3, minor: 0 });
      expect(nextNumber({ major: 2, minor: 3 }, "major")).toEqual({ major: 3, minor: 0 });
    });
  });

  describe("who may do what", () => {
    it("lets only holders of a required role approve", async () => {
      const { id, versionId } = await newPolicy({ title: "Social media" });
      await head.patch(`/api/v1/policies/${id}/versions/${versionId}`, { content: TEXT_1 });
      await head.post(`/api/v1/policies/${id}/versions/${versionId}/submit`);
      const { browser: dsl } = await personWith("Dsl", ["staff"], ["dsl"]);
      // A policy never published is not there for someone who may not approve it (decision 027):
      // 404, as for any record they may not see, rather than 403 naming the roles that may.
      const res = await dsl.post(`/api/v1/policies/${id}/versions/${versionId}/approve`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Social media");
      expect((await dsl.get(`/api/v1/policies/${id}/versions/${versionId}`)).statusCode).toBe(404); // nor see the draft
      expect((await chair.post(`/api/v1/policies/${id}/versions/${versionId}/approve`)).statusCode).toBe(200);
    });

    it("lets the owner edit their policy and nobody else on the staff", async () => {
      const { browser: owner, id: ownerId } = await personWith("Owner", ["staff"]);
      const { browser: other } = await personWith("Other", ["staff"]);
      const { id, versionId } = await newPolicy({ title: "Email", ownerPersonId: ownerId });
      expect(
        (await owner.patch(`/api/v1/policies/${id}/versions/${versionId}`, { content: TEXT_1 })).statusCode,
      ).toBe(200);
      // Never published, the policy is not there for a colleague who may not edit it (decision 027).
      const refused = await other.patch(`/api/v1/policies/${id}/versions/${versionId}`, { content: "x" });
      expect(refused.statusCode).toBe(404);
      expect((await head.get(`/api/v1/policies/${id}/versions/${versionId}`)).json().content).toBe(TEXT_1);
      expect((await other.post("/api/v1/policies", { title: "Mine", audiences: ["staff"] })).statusCode).toBe(
        403,
      );
    });

    it("shows staff only the published version of policies addressed to staff", async () => {
      await head.put("/api/v1/policies/settings/approvers", { roles: [] });
      const staffPolicy = await newPolicy({ title: "Staff code of conduct", audiences: ["staff"] });
      await head.patch(`/api/v1/policies/${staffPolicy.id}/versions/${staffPolicy.versionId}`, {
        content: TEXT_1,
      });
      await head.post(`/api/v1/policies/${staffPolicy.id}/versions/${staffPolicy.versionId}/publish`);
      const draft = (
        await head.post(`/api/v1/policies/${staffPolicy.id}/versions`, { bump: "minor" })
      ).json();
      const pupilPolicy = await newPolicy({ title: "Pupil pledge", audiences: ["pupil"] });
      await head.patch(`/api/v1/policies/${pupilPolicy.id}/versions/${pupilPolicy.versionId}`, {
        content: TEXT_1,
      });
      await head.post(`/api/v1/policies/${pupilPolicy.id}/versions/${pupilPolicy.versionId}/publish`);
      await head.put("/api/v1/policies/settings/approvers", { roles: ["headteacher", "chair_of_governors"] });

      const { browser: teacher } = await personWith("Teacher", ["staff"]);
      const titles = (await teacher.get("/api/v1/policies"))
        .json()
        .policies.map((p: { title: string }) => p.title);
      expect(titles).toContain("Staff code of conduct");
      expect(titles).not.toContain("Pupil pledge");
      const seen = (await teacher.get(`/api/v1/policies/${staffPolicy.id}`)).json();
      expect(seen.versions.map((v: { status: string }) => v.status)).toEqual(["published"]);
      expect((await teacher.get(`/api/v1/policies/${staffPolicy.id}/versions/${draft.id}`)).statusCode).toBe(
        404,
      );
      expect((await teacher.get(`/api/v1/policies/${pupilPolicy.id}`)).statusCode).toBe(404);
    });
  });

  describe("review cycle", () => {
    // Reminders are swept across the whole installation, so each case has a school of its own:
    // another case's overdue policy would otherwise be reminded about in this one's sweep.
    let shared: { t: TestApp; head: Browser; schoolId: string };
    beforeEach(async () => {
      shared = { t, head, schoolId };
      t = await startTestApp();
      ({ admin: head, schoolId } = await setUpSchool(t.app));
    });
    afterEach(async () => {
      await t.close();
      ({ t, head, schoolId } = shared);
    });

    it("sends a month, a week and a due-date reminder, each once, to the owner", async () => {
      const { id: ownerId } = await personWith("Reviewer", ["staff"]);
      const { id } = await newPolicy({
        title: "Filtering",
        ownerPersonId: ownerId,
        nextReviewDue: "2027-03-31",
      });
      const outboxFor = async () =>
        (await head.get("/api/v1/mail/outbox"))
          .json()
          .messages.filter(
            (m: { to: string; subject: string }) =>
              m.to === "reviewer@oakfield.test" && m.subject.includes("Filtering"),
          );
      expect((await sendReviewReminders(t.database.db, "http://x", "2027-02-27")).sent).toBe(0);
      await sendReviewReminders(t.database.db, "http://x", "2027-02-28");
      await sendReviewReminders(t.database.db, "http://x", "2027-03-01");
      expect(await outboxFor()).toHaveLength(1);
      expect((await outboxFor())[0].body).toMatch(/due in a month, on 2027-03-31/);
      await sendReviewReminders(t.database.db, "http://x", "2027-03-24");
      await sendReviewReminders(t.database.db, "http://x", "2027-03-25");
      expect(await outboxFor()).toHaveLength(2);
      await sendReviewReminders(t.database.db, "http://x", "2027-03-31");
      await sendReviewReminders(t.database.db, "http://x", "2027-04-05");
      const all = await outboxFor();
      expect(all).toHaveLength(3);
      expect(all[0].subject).toBe("Policy review due today: Filtering");
      expect(all[0].body).toContain(`/policies/${id}`);
    });

    it("sends only the most urgent reminder for a policy added close to its due date", async () => {
      await newPolicy({ title: "Late one", nextReviewDue: "2027-06-10" });
      await sendReviewReminders(t.database.db, "http://x", "2027-06-07");
      const mails = (await head.get("/api/v1/mail/outbox"))
        .json()
        .messages.filter((m: { subject: string }) => m.subject.includes("Late one"));
      expect(mails).toHaveLength(1); // to the headteacher, as nobody owns it
      expect(mails[0]).toMatchObject({
        to: "head@oakfield.test",
        body: expect.stringContaining("due in a week"),
      });
    });

    it("flags an overdue review on the owner's and the headteacher's home page", async () => {
      const { browser: owner, id: ownerId } = await personWith("Late", ["staff"]);
      await newPolicy({ title: "Overdue policy", ownerPersonId: ownerId, nextReviewDue: "2020-01-01" });
      const { attention } = (await owner.get("/api/v1/home")).json();
      expect(attention).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: "policyReviewOverdue",
            params: { title: "Overdue policy", due: "2020-01-01" },
          }),
        ]),
      );
      // The headteacher sees it among the reviews in the school at a glance, marked overdue.
      const { glance } = (await head.get("/api/v1/home")).json();
      expect(glance.reviews).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ title: "Overdue policy", due: "2020-01-01", overdue: true }),
        ]),
      );
      const { browser: someone } = await personWith("Someone", ["staff"]);
      // Nothing about policies (their own training to do is the only thing there).
      const keys = (await someone.get("/api/v1/home")).json().attention.map((i: { key: string }) => i.key);
      expect(keys.filter((k: string) => !k.startsWith("training"))).toEqual([]);
    });
  });
});

describe("rendering policy text", () => {
  const PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div onclick="alert(1)">x</div>',
    '<object data="x.swf"></object>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><input name=x></form>',
    "<<script>script>alert(1)<</script>/script>",
    '<a href="&#106;avascript:alert(1)">x</a>',
  ];

  it.each(PAYLOADS)("neutralises %s", (payload) => {
    const html = renderPolicyMarkdown(`Before\n\n${payload}\n\nAfter`).toLowerCase();
    expect(html).not.toMatch(/<script|<iframe|<object|<svg|<form|<input|<style|<img/);
    expect(html).not.toMatch(/\son\w+\s*=/);
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).not.toMatch(/style=/);
  });

  it("keeps headings, lists, tables and safe links", () => {
    const html = renderPolicyMarkdown(
      "# Title\n\n- one\n- two\n\n| Version | Date |\n|---|---|\n| 1.0 | 2026 |\n\n[DfE guidance](https://www.gov.uk/)",
    );
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<td>1.0</td>");
    expect(html).toContain('href="https://www.gov.uk/"');
  });
});

describe("review dates", () => {
  it("count calendar months, clamped to the end of a short month", async () => {
    const { addMonths } = await import("../../kernel/dates.js");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-09-01", 24)).toBe("2028-09-01");
  });
});
