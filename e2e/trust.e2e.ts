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
  name: "Gwenllian Rees",
  email: "ceo@ymddiriedolaeth.test",
  password: "lighthouse-bramble-copper-58",
};

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Issue 20 part 5: a trust set up in the browser, a second school added, both side by side. */
describe("a trust of schools", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool());
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("sets up a trust with its first school, adds a second, and shows both side by side", async () => {
    const page = await newPage(browser);
    await page.goto(accord.url);
    await page.getByLabel("School name").fill("Ysgol Gynradd Tŷ Coch");
    await page.getByLabel("My school is part of a trust or local authority that will use Accord").check();
    await page.getByLabel("Name of the trust").fill("Ymddiriedolaeth Dysgu'r Fro");
    await page.getByLabel("Your name").fill(HEAD.name);
    await page.getByLabel("Email").fill(HEAD.email);
    await page.getByLabel("Password").fill(HEAD.password);
    await page.getByRole("button", { name: "Create school" }).click();
    await page.waitForURL(`${accord.url}/`);

    // An incident in the first school, so its row shows a count.
    await callApi(page, "POST", "/incidents", {
      category: "cyberbullying",
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: "A pupil reported upsetting messages in a class group chat.",
    });

    await page.getByRole("navigation").getByRole("link", { name: "Trust" }).click();
    await expect.poll(() => heading1(page)).toBe("Ymddiriedolaeth Dysgu'r Fro");
    await page.getByLabel("School name").fill("Oakfield Primary");
    await page.getByLabel("Headteacher's name").fill("Ben Jones");
    await page.getByLabel("Headteacher's email").fill("ben.jones@oakfield.test");
    await page.getByRole("button", { name: "Add the school" }).click();
    await expect
      .poll(() => page.getByText("Oakfield Primary was added, and its headteacher has been invited.").count())
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "Oakfield Primary" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "Ysgol Gynradd Tŷ Coch" }).count()).toBe(1);
    await checkPage(page, "trust-desktop");

    // Drill into the first school: its dashboard, with no CSV links (those are the school's own).
    await page.getByRole("link", { name: "Ysgol Gynradd Tŷ Coch" }).click();
    await expect.poll(() => heading1(page)).toBe("Ysgol Gynradd Tŷ Coch");
    await expect
      .poll(() => page.getByRole("heading", { name: "Agreements signed", exact: true }).count())
      .toBe(1);
    await expect.poll(() => page.getByText("(CSV)").count()).toBe(0);
    await checkPage(page, "trust-school-desktop");

    const phone = await newPage(browser, PHONE);
    await phone.goto(accord.url);
    await phone.getByLabel("Email").fill(HEAD.email);
    await phone.getByRole("textbox", { name: "Password", exact: true }).fill(HEAD.password);
    await phone.getByRole("button", { name: "Sign in" }).click();
    // A trust role must set up two-step sign-in: within its grace, the first stop is the security page.
    await expect.poll(() => new URL(phone.url()).pathname).toBe("/security");
    await phone.goto(`${accord.url}/trust`);
    await expect.poll(() => heading1(phone)).toBe("Ymddiriedolaeth Dysgu'r Fro");
    await checkPage(phone, "trust-phone");
  }, 120_000);
});
