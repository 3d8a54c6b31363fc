import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, closeSchool, newPage, openSchool, type RunningAccord, signIn } from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

describe("an admin gives the MIS sync a token that may only import, and the log says it acted", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("makes a token with scopes and an expiry, uses it, and reads who acted through it", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(accord.url);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/settings/tokens`);
    await page.getByLabel("Token name").fill("MIS sync");
    await page.getByRole("checkbox", { name: /^Full/ }).uncheck();
    await page.getByRole("checkbox", { name: /^Read only/ }).check();
    await page.getByRole("checkbox", { name: /^Imports/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-api-token").textContent())!.trim();
    expect(token).toMatch(/^acc_/);
    const row = page.getByRole("row", { name: /MIS sync/ });
    await expect.poll(() => row.textContent()).toMatch(/Read only.*Imports/);
    await checkPage(page, "tokens-01-created");

    const csv =
      "Staff Code,Legal Forename,Legal Surname,Work Email,Job Title\r\nABR,Anwen,Brackwell,a.brackwell@oakfield.test,Class Teacher\r\n";
    const imported = await fetch(`${accord.url}/api/v1/people/import?kind=staff&dryRun=false`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const mint = await fetch(`${accord.url}/api/v1/api-tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Another" }),
    });
    expect(mint.status).toBe(403);

    await page.goto(`${accord.url}/audit`);
    await expect
      .poll(() => page.getByTestId("audit-via").first().textContent())
      .toBe("By Ada Okafor via API token “MIS sync”");
    await checkPage(page, "tokens-02-audit");
  }, 120_000);
});
