import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  checkPage,
  closeSchool,
  expectNoHorizontalOverflow,
  newPage,
  openSchool,
  PHONE,
  type RunningAccord,
  signIn,
} from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

/** A published policy with a staff agreement the head signs, and a colleague added and edited. */
async function somethingToAudit(page: Page) {
  const me = await callApi<{ id: string }>(page, "GET", "/me");
  await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
  const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
    title: "Online Safety Policy",
    audiences: ["staff"],
  });
  const versionId = policy.versions[0].id;
  await callApi(page, "PATCH", `/policies/${policy.id}/versions/${versionId}`, {
    content: "# Online safety\n\nHow we keep everyone safe online.",
    statements: ["I will report anything that worries me to the safeguarding lead."],
  });
  await callApi(page, "POST", `/policies/${policy.id}/versions/${versionId}/publish`);
  const agreement = await callApi<{ id: string; textSha256: string }>(page, "POST", "/agreements", {
    policyVersionId: versionId,
    title: "Staff Online Safety Agreement",
    audience: "staff",
    declaration: "I have read the policy and will follow it.",
    choices: [
      { key: "photo", label: "My photo may be used on the school website", options: ["agree", "disagree"] },
    ],
  });
  await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
    personIds: [me.id],
    dueDate: "2099-07-01",
  });
  await callApi(page, "POST", `/agreements/${agreement.id}/signatures`, {
    fullName: HEAD.name,
    jobTitle: "Headteacher",
    choices: { photo: "agree" },
    textSha256: agreement.textSha256,
  });
  const nell = await callApi<{ id: string }>(page, "POST", "/people", {
    givenName: "Nell",
    familyName: "Ashby",
    kinds: ["staff"],
  });
  await callApi(page, "PATCH", `/people/${nell.id}`, { jobTitle: "Class Teacher" });
}

describe("the audit log", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("reads as sentences with names, filters by kind and person, and fits a phone", async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await somethingToAudit(page);
    await page.goto(`${accord.url}/audit`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Audit log");
    const log = page.getByRole("list", { name: "Audit log entries" });
    await expect
      .poll(() => log.getByText("Ada Okafor signed Staff Online Safety Agreement v1.0").count())
      .toBe(1);
    await expect.poll(() => log.getByText("Ada Okafor published Online Safety Policy v1.0").count()).toBe(1);
    // Details in words; the raw record only behind "Technical details".
    await expect.poll(() => log.getByText("Class Teacher", { exact: false }).first().isVisible()).toBe(true);
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "60-audit-phone");

    // Only signatures.
    await page.getByRole("combobox", { name: "What happened" }).click();
    await page.getByRole("option", { name: "Signed an agreement" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /events?$/ })
          .textContent(),
      )
      .toBe("1 event");
    await expect.poll(() => log.getByRole("listitem").count()).toBe(1);
    const entry = log.getByRole("listitem").first();
    // The answer in the words the signer chose, as on the receipt; the code only in the raw record.
    await expect.poll(() => entry.getByText("Photo: I agree", { exact: true }).count()).toBe(1);
    await entry.getByText("Technical details").click();
    await expect.poll(() => entry.getByText("agreement.signed", { exact: true }).isVisible()).toBe(true);
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "61-audit-phone-signatures");

    // Everything about one person: added, then their job title changed.
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByRole("combobox", { name: "Person" }).fill("Ashby");
    await page.getByRole("option", { name: "Nell Ashby" }).click();
    await expect.poll(() => log.getByRole("listitem").count()).toBe(2);
    await expect.poll(() => log.getByText("Ada Okafor changed Nell Ashby's details").count()).toBe(1);
    await expect.poll(() => log.getByText("Ada Okafor added Nell Ashby").count()).toBe(1);
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "62-audit-phone-person");
    await page.close();
  });

  it("shows the same log on a desktop screen", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/audit`);
    await expect
      .poll(() => page.getByText("Ada Okafor signed Staff Online Safety Agreement v1.0").count())
      .toBe(1);
    await checkPage(page, "63-audit-desktop");
    await page.close();
  });
});
