import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  checkPage,
  closeSchool,
  newPage,
  openSchool,
  PHONE,
  type RunningAccord,
  signIn,
} from "./harness.js";

const HEAD = {
  school: "Ysgol Bryn Derw",
  name: "Olwen Pritchard",
  email: "head@brynderw.test",
  password: "harbour-thistle-copper-17",
};

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("the leaders' dashboard", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("the head opens the dashboard: charts with their tables and CSVs, at desktop and phone widths", async () => {
    const head = await newPage(browser);
    await head.goto(accord.url);
    await signIn(head, HEAD);

    // A published staff agreement asked of the head and two teachers in two departments.
    await callApi(head, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
      title: "Staff acceptable use",
      audiences: ["staff"],
      nextReviewDue: inDays(-5),
    });
    const v = `/policies/${policy.id}/versions/${policy.versions[0].id}`;
    await callApi(head, "PATCH", v, {
      content: "# Staff acceptable use",
      statements: ["I will keep pupils' records on school systems only."],
    });
    await callApi(head, "POST", `${v}/publish`);
    const agreement = await callApi<{ id: string }>(head, "POST", "/agreements", {
      policyVersionId: policy.versions[0].id,
      title: "Staff acceptable use agreement",
      audience: "staff",
      declaration: "I agree to follow this agreement.",
      choices: [],
    });
    for (const [givenName, department] of [
      ["Bethan", "Mathematics"],
      ["Dafydd", "Humanities"],
    ])
      await callApi(head, "POST", "/people", {
        givenName,
        familyName: "Morgan",
        kinds: ["staff"],
        jobTitle: "Teacher",
        department,
        email: `${givenName.toLowerCase()}@brynderw.test`,
      });
    await callApi(head, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: inDays(14),
    });
    for (const [title, due] of [
      ["Mobile phones", inDays(10)],
      ["Photography", inDays(300)],
    ])
      await callApi(head, "POST", "/policies", { title, audiences: ["staff"], nextReviewDue: due });
    for (const category of ["cyberbullying", "cyberbullying", "inappropriate_content"])
      await callApi(head, "POST", "/incidents", {
        category,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary: "A pupil reported upsetting messages in a class group chat.",
      });

    await head.goto(accord.url);
    await head.getByRole("navigation").getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => heading1(head)).toBe("Dashboard");
    await expect
      .poll(() => head.getByRole("heading", { name: "Agreements signed", exact: true }).count())
      .toBe(1);
    // Nobody has signed yet: three staff asked, none done, and the table says so beside the chart.
    await expect
      .poll(() => head.getByText("the lowest is Staff acceptable use agreement at 0%").count())
      .toBe(1);
    await expect
      .poll(() => head.getByText("Incidents over these terms: 3, in 2 categories.").count())
      .toBe(1);
    await expect.poll(() => head.getByText("Overdue for review: 1. Due within 30 days: 1.").count()).toBe(1);
    // Each chart's CSV is a link to the same figures.
    const csv = await head
      .getByRole("link", { name: "Download Incidents by category and term (CSV)" })
      .getAttribute("href");
    const body = await head.evaluate(async (href) => (await fetch(href as string)).text(), csv);
    expect(body.split("\r\n")[0]).toBe("category,term,count");
    expect(body).toContain("cyberbullying");
    // Charts are drawn (recharts' SVG), not only their tables.
    await expect.poll(() => head.locator(".recharts-surface").count()).toBeGreaterThan(4);
    await checkPage(head, "dashboard-desktop");

    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}`);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/dashboard`);
    await expect.poll(() => heading1(phone)).toBe("Dashboard");
    await expect.poll(() => phone.locator(".recharts-surface").count()).toBeGreaterThan(4);
    await checkPage(phone, "dashboard-phone");
  }, 120_000);
});
