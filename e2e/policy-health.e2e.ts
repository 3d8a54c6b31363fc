import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, closeSchool, newPage, openSchool, PHONE, type RunningAccord, signIn } from "./harness.js";

const HEAD = {
  school: "Hollybank Primary School",
  name: "Ifan Pritchard",
  email: "head@hollybank.test",
  password: "copper-harbour-willow-93",
};

const TITLE = "Trip Photographs Policy";
const OLD_LAW = "Photographs are stored in line with the Data Protection Act 1998.";
const SILENCE = "If the consent slip is not returned before the trip, permission will be assumed.";

/** A policy of our own with two things the health check finds, and a version table so no third. */
function writePolicy(): string {
  const text = `# ${TITLE}

## Version history

| Version | Date | Summary |
| --- | --- | --- |
| 1.0 | 01/09/2025 | First issue |

## Storing photographs

Staff take photographs on school cameras only. ${OLD_LAW}

## Asking parents

${SILENCE}
`;
  const file = path.join(os.tmpdir(), `accord-trip-photos-${process.pid}.md`);
  writeFileSync(file, text);
  return file;
}

const health = (page: Page) => page.getByRole("region", { name: "Health check" });

describe("the policy health check", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("imports a policy with two findings, dismisses one with a reason, and the other stays on the policy page", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    await page.getByRole("link", { name: "Policies", exact: true }).click();
    await page.getByRole("link", { name: "Import a document" }).click();
    await page.locator('input[type="file"]').setInputFiles(writePolicy());
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/versions\/[0-9a-f-]{36}\/review$/);
    await page.getByRole("link", { name: "Go to the policy" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    const policyUrl = page.url();

    // Both findings cite the sentence and say why; each offers wording.
    await expect.poll(() => health(page).getByText("2 findings to look at").count()).toBe(1);
    await expect.poll(() => health(page).getByText(OLD_LAW).count()).toBe(1);
    await expect.poll(() => health(page).getByText(SILENCE).count()).toBe(1);
    expect(
      await health(page)
        .getByText(/silence, a form not returned or a box left unticked is never consent/)
        .count(),
    ).toBe(1);
    await checkPage(page, "policy-health-two-findings");

    // Dismiss the first with a reason: a reason is required.
    await health(page)
      .getByRole("button", { name: "Dismiss: Superseded law: the Data Protection Act 1998" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Dismiss this finding" });
    await dialog.getByRole("button", { name: "Dismiss", exact: true }).click();
    await expect
      .poll(() => dialog.getByText(/Say why this finding does not apply/).count())
      .toBeGreaterThan(0);
    await dialog.getByLabel("Reason").fill("This paragraph is being rewritten by our DPO next term.");
    await checkPage(page, "policy-health-dismiss-dialog");
    await dialog.getByRole("button", { name: "Dismiss", exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // The other stays open; the dismissed one is listed apart, with who and why.
    await expect.poll(() => health(page).getByText("1 finding to look at").count()).toBe(1);
    const open = health(page).getByRole("list", { name: "Findings to look at" });
    expect(await open.getByText(SILENCE).count()).toBe(1);
    expect(await open.getByText(OLD_LAW).count()).toBe(0);
    const dismissed = health(page).getByRole("list", { name: "Dismissed findings" });
    await expect.poll(() => dismissed.getByText(/Dismissed by Ifan Pritchard/).count()).toBe(1);
    expect(await dismissed.getByText(/rewritten by our DPO next term/).count()).toBe(1);
    await checkPage(page, "policy-health-one-dismissed");

    // The home page says which policy needs attention, and opens it.
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await expect.poll(() => page.getByText(`1 health finding to look at: ${TITLE}`).count()).toBe(1);
    await checkPage(page, "policy-health-home");
    await page.getByRole("link", { name: "See the findings" }).click();
    await expect.poll(() => page.url()).toBe(`${policyUrl}#policy-health`);

    // A school in Wales says so in its settings; a Welsh reader reads the findings in Welsh.
    await page.goto(`${accord.url}/settings/school`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("School and country");
    await page.getByRole("radio", { name: "Wales" }).check();
    // The school settings page has other forms too (sign-in with Google or Microsoft): this one's button.
    await page
      .locator("form")
      .filter({ hasText: "Which country's guidance does" })
      .getByRole("button", { name: "Save changes" })
      .click();
    await expect.poll(() => page.getByText("Saved.").count()).toBeGreaterThan(0);
    await checkPage(page, "policy-health-country");
    await page.goto(policyUrl);
    await page.getByRole("button", { name: "Cymraeg" }).click();
    const gwiriad = page.getByRole("region", { name: "Gwiriad iechyd" });
    await expect.poll(() => gwiriad.getByText("Tybio caniatâd o dawelwch", { exact: true }).count()).toBe(1);
    expect(await gwiriad.getByText(/byth yn ganiatâd/).count()).toBe(1);
    expect(await gwiriad.getByText(/canllawiau ar gyfer Cymru/).count()).toBe(1);
    await checkPage(page, "policy-health-welsh");
    await page.getByRole("button", { name: "English" }).click();
    await page.close();

    // The same on a phone.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(policyUrl);
    await expect.poll(() => health(phone).getByText(SILENCE).count()).toBe(1);
    await health(phone).scrollIntoViewIfNeeded();
    await checkPage(phone, "policy-health-phone");
    await phone.goto(`${accord.url}/settings/school`);
    await expect.poll(() => phone.getByRole("radio", { name: "Wales" }).isChecked()).toBe(true);
    await checkPage(phone, "policy-health-country-phone");
    await phone.close();
  }, 240_000);
});
