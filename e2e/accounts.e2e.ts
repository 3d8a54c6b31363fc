import type { Browser } from "playwright-core";
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
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

describe("a forgotten password, and one's own sign-ins", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("forgot password → the emailed link → a new password → sign in → Sign-in and security", async () => {
    // The office computer, signed in: it reads the outbox (no mail server is set up here).
    const office = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await office.goto(`${accord.url}/sign-in`);
    await signIn(office, HEAD);

    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/forgot-password");
    await checkPage(page, "accounts-01-forgot");
    await page.getByLabel("Email").fill(HEAD.email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect.poll(() => page.getByText("Check your email").count()).toBeGreaterThan(0);
    await checkPage(page, "accounts-02-sent");

    const outbox = await callApi<{ messages: { subject: string; body: string }[] }>(
      office,
      "GET",
      "/mail/outbox",
    );
    const mail = outbox.messages.find((m) => m.subject === "Reset your Accord password")!;
    const link = /(http\S+\/reset-password\/[\w-]+)/.exec(mail.body)![1];

    await page.goto(link);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toMatch(/Choose a new password/);
    await checkPage(page, "accounts-03-reset");
    await page.getByRole("textbox", { name: "New password" }).fill("harbour-violet-kettle-62");
    await page.getByRole("textbox", { name: "Confirm password" }).fill("harbour-violet-kettle-62");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await expect.poll(() => page.getByText(/Password reset/).count()).toBeGreaterThan(0);
    await signIn(page, { email: HEAD.email, password: "harbour-violet-kettle-62" });

    await page.goto(`${accord.url}/account`);
    await expect.poll(() => page.getByRole("heading", { name: "Sign-in and security" }).count()).toBe(1);
    await expect.poll(() => page.getByText("This device").count()).toBe(1);
    await expect.poll(() => page.getByText("Password reset", { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(page, "accounts-04-security");
  }, 240_000);
});
