import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  checkPage,
  closeSchool,
  newPage,
  openSchool,
  type RunningAccord,
  signIn,
} from "./harness.js";

const HEAD = {
  school: "Ysgol Glan Hafren",
  name: "Ada Okafor",
  email: "head@glanhafren.test",
  password: "kettle-meadow-lantern-42",
};

const FINDINGS = "The guest wi-fi in the sports hall was not behind the filter.";
const ACTION_ONE = "Put the sports hall guest wi-fi behind the filter";
const ACTION_TWO = "Show governors how monitoring alerts reach the DSL";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Choose one person in a "type part of a name" picker. */
async function pick(page: Page, label: string, name: string) {
  const box = page.getByRole("textbox", { name: label }).or(page.getByRole("combobox", { name: label }));
  await box.click();
  await box.fill(name.split(" ")[0]);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
}

describe("filtering and monitoring review", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("the head names the leader and governor, records a review with two actions, and prints it for governors", async () => {
    const head = await newPage(browser);
    await head.goto(accord.url);
    await signIn(head, HEAD);
    for (const [givenName, kinds, roles, jobTitle] of [
      ["Lowri", ["staff"], ["slt"], "Deputy headteacher"],
      ["Gareth", ["governor"], [], "Governor"],
      ["Nia", ["staff"], ["network_manager"], "Network manager"],
    ] as [string, string[], string[], string][]) {
      const person = await callApi<{ id: string }>(head, "POST", "/people", {
        givenName,
        familyName: "Rhys",
        kinds,
        jobTitle,
        email: `${givenName.toLowerCase()}@glanhafren.test`,
      });
      if (roles.length) await callApi(head, "PUT", `/people/${person.id}/roles`, { roles });
    }

    // The home page says the review has never been done.
    await expect.poll(() => head.getByText("No filtering and monitoring review recorded").count()).toBe(1);
    await head.getByRole("navigation").getByRole("link", { name: "Filtering and monitoring" }).click();
    await expect.poll(() => heading1(head)).toBe("Filtering and monitoring");
    await expect.poll(() => head.getByText("The filtering and monitoring review is overdue").count()).toBe(1);
    await checkPage(head, "filtering-status-never");

    // Name the senior leader and the governor.
    await head.getByRole("button", { name: "Change who is responsible" }).click();
    await pick(head, "Senior leader responsible", "Lowri Rhys");
    await pick(head, "Governor responsible", "Gareth Rhys");
    await checkPage(head, "filtering-responsibles-form");
    await head.getByRole("button", { name: "Save changes" }).click();
    // The dialog closes and the page names both (polled: the page redraws after the save).
    await expect.poll(() => head.getByRole("dialog").count()).toBe(0);
    await expect.poll(() => head.getByText("Lowri Rhys").count()).toBeGreaterThan(0);
    await expect.poll(() => head.getByText("Gareth Rhys").count()).toBeGreaterThan(0);

    // Record the review.
    await head.getByRole("link", { name: "Record a review" }).click();
    await expect.poll(() => heading1(head)).toBe("Record a filtering and monitoring review");
    // The named leader and governor start on the list of who took part.
    await expect.poll(() => head.getByText("Lowri Rhys").count()).toBeGreaterThan(0);
    await head
      .getByRole("textbox", { name: "Others who took part, from outside the school" })
      .fill("Hafren Web Filter Ltd");
    await head
      .getByRole("textbox", { name: "Filtering and monitoring in use" })
      .fill("Hafren WebGuard\nSafeWatch monitoring");
    await head.getByRole("checkbox", { name: "The categories of content blocked" }).check();
    await head
      .getByRole("textbox", { name: "Note: The categories of content blocked" })
      .fill("Adult, gambling and self-harm blocked.");
    await head.getByRole("checkbox", { name: "Generative AI tools" }).check();
    await head.getByRole("textbox", { name: "What was found" }).fill(FINDINGS);
    for (const [i, [text, owner, due]] of [
      [ACTION_ONE, "Nia Rhys", inDays(14)],
      [ACTION_TWO, "Lowri Rhys", inDays(30)],
    ].entries()) {
      await head.getByRole("button", { name: "Add an action" }).click();
      const action = head.getByRole("group", { name: `Action ${i + 1}` });
      await action.getByRole("textbox", { name: "What is to be done" }).fill(text);
      const box = action
        .getByRole("textbox", { name: "Who will do it" })
        .or(action.getByRole("combobox", { name: "Who will do it" }));
      await box.click();
      await box.fill(owner.split(" ")[0]);
      await head.getByRole("option", { name: new RegExp(`^${owner}`) }).click();
      await action.getByLabel("Due by").fill(due);
    }
    await checkPage(head, "filtering-new-review");
    await head.getByRole("button", { name: "Save the review" }).click();
    await expect.poll(() => heading1(head)).toMatch(/^Review of /);

    // The review as recorded, with both actions and their owners.
    await expect.poll(() => head.getByText(FINDINGS).count()).toBe(1);
    await expect.poll(() => head.getByText(ACTION_ONE).count()).toBe(1);
    await expect.poll(() => head.getByText("Owner: Nia Rhys").count()).toBe(1);
    await expect.poll(() => head.getByText("Owner: Lowri Rhys").count()).toBe(1);
    await checkPage(head, "filtering-review");

    // The PDF for governors reads back with the findings and both actions.
    const href = await head
      .getByRole("link", { name: "Download the PDF for governors" })
      .getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/filtering-reviews\/[0-9a-f-]+\/review\.pdf$/);
    const pdf = await head.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        type: res.headers.get("content-type"),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href as string);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toMatch(/^application\/pdf/);
    const parser = new PDFParse({ data: new Uint8Array(pdf.bytes) });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    expect(text).toContain(FINDINGS);
    expect(text).toContain(ACTION_ONE);
    expect(text).toContain(ACTION_TWO);
    expect(text).toContain("Owner: Nia Rhys");

    // The head (an admin) marks the first action done.
    await head.getByRole("button", { name: `Mark done: ${ACTION_ONE}` }).click();
    await expect.poll(() => head.getByText(/^Done on /).count()).toBe(1);

    // Back on the status page: reviewed today, one action open, no longer overdue.
    await head.getByRole("link", { name: "Back to filtering and monitoring" }).click();
    await expect.poll(() => head.getByText("1 of 2 open").count()).toBe(1);
    await expect.poll(() => head.getByText("The filtering and monitoring review is overdue").count()).toBe(0);
    await checkPage(head, "filtering-status-reviewed");

    // A filtering breach offers to start a review linked to it (the head also leads online safety here).
    const me = await callApi<{ id: string }>(head, "GET", "/me");
    await callApi(head, "PUT", `/people/${me.id}/roles`, {
      roles: ["headteacher", "school_admin", "online_safety_lead"],
    });
    const incident = await callApi<{ id: string; reference: string }>(head, "POST", "/incidents", {
      category: "filtering_breach",
      occurredAt: new Date().toISOString(),
      summary: "A pupil reached a proxy site from the library computers.",
    });
    await head.goto(`${accord.url}/incidents/${incident.id}`);
    await head.getByRole("link", { name: "Start a filtering review" }).click();
    await expect.poll(() => heading1(head)).toBe("Record a filtering and monitoring review");
    await expect
      .poll(() => head.getByText("Linked to the filtering incident you came from.").count())
      .toBe(1);
    await expect.poll(() => head.getByText("Lowri Rhys").count()).toBeGreaterThan(0);
    await head.getByRole("textbox", { name: "What was found" }).fill("The proxy site is now blocked.");
    await head.getByRole("button", { name: "Save the review" }).click();
    await expect.poll(() => heading1(head)).toMatch(/^Review of /);
    await expect.poll(() => head.getByRole("link", { name: incident.reference }).count()).toBe(1);
    await expect.poll(() => head.getByText("An incident").count()).toBe(1);
  }, 180_000);
});
