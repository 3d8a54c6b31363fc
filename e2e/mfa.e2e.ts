import { Secret, TOTP } from "otpauth";
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
} from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

async function enterPassword(page: Page) {
  await page.getByLabel("Email").fill(HEAD.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(HEAD.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("two-step sign-in", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("shows the set-up page after the password, with 'Not now' during the grace (phone and desktop)", async () => {
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await enterPassword(phone);
    await expect.poll(() => new URL(phone.url()).pathname).toBe("/security");
    await expect.poll(() => phone.getByRole("button", { name: /Not now \(14 days left\)/ }).count()).toBe(1);
    await phone.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect.poll(() => phone.getByTestId("totp-secret").count()).toBe(1);
    await checkPage(phone, "mfa-01-enrol-phone");
    await phone.context().close();
  });

  it("enrols an app, signs out, and signs in with password and code; then a passkey", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await enterPassword(page);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/security");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect.poll(() => page.getByTestId("totp-secret").count()).toBe(1);
    await checkPage(page, "mfa-02-enrol-desktop");
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    await page.getByLabel("The 6-digit code your app shows").fill(totp.generate());
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => page.getByTestId("recovery-codes").locator("code").count()).toBe(10);
    await checkPage(page, "mfa-03-recovery-codes");

    // A passkey too, with Chromium's virtual authenticator (a real WebAuthn ceremony).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: "Passkey" }).count()).toBe(1);

    await callApi(page, "POST", "/auth/logout");
    await page.goto(`${accord.url}/sign-in`);
    await enterPassword(page);
    await expect.poll(() => page.getByLabel("Code", { exact: true }).count()).toBe(1);
    await checkPage(page, "mfa-04-code-step");
    // The code of the step used to confirm has been spent: the app's next one signs in.
    await page.getByLabel("Code", { exact: true }).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");

    await callApi(page, "POST", "/auth/logout");
    await page.goto(`${accord.url}/sign-in`);
    await enterPassword(page);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
    const me = await callApi<{ mfa: { enrolled: boolean } }>(page, "GET", "/me");
    expect(me.mfa.enrolled).toBe(true);
  }, 120_000);
});
