import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** A phone: the narrowest screen Accord is checked at (no sideways scrolling, touch). */
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

export const SCREENSHOTS = path.resolve("screenshots");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type RunningAccord = { url: string; dataDir: string; stop(): Promise<void> };

/**
 * Start Accord as a user would (`npm start`'s server, the built web app), on a fresh embedded
 * database in a temporary directory, and wait for /healthz.
 */
export async function startAccord(env: Record<string, string> = {}): Promise<RunningAccord> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "accord-e2e-"));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      ACCORD_DATA_DIR: dataDir,
      ACCORD_PUBLIC_URL: url,
      ACCORD_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // Generous: on a shared, loaded machine migrating a fresh database has taken over a minute.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Accord exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("Accord did not start within 150 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Save a full-page screenshot for a person to look at, and fail on serious accessibility issues. */
export async function checkPage(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForLoadState("networkidle");
  // Let fades finish: axe measures colours as painted, and a half-faded toast is not what people read.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, {
      timeout: 3000,
    })
    .catch(() => {});
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  expect(serious, `accessibility on ${name}`).toEqual([]);
  await expectFitsPhone(page, name);
}

/** The phone width every checked page must fit: nothing to scroll sideways at 390 px (WCAG 1.4.10). */
export const PHONE_WIDTH = 390;

const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Show the page at 390 px wide (a page checked at desktop width is narrowed for the check, with a
 * "-390" screenshot, then put back) and fail if it scrolls sideways, naming what sticks out.
 */
async function expectFitsPhone(page: Page, name: string) {
  const size = page.viewportSize();
  const narrowed = !!size && size.width > PHONE_WIDTH;
  if (narrowed) await page.setViewportSize({ width: PHONE_WIDTH, height: size.height });
  try {
    // Layouts chosen by media query (tables become cards) redraw after the resize.
    await expect
      .poll(() => sidewaysOverflow(page), { timeout: 3000 })
      .toBeLessThanOrEqual(0)
      .catch(() => {});
    if (narrowed) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) {
      const widest = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1)
          .slice(0, 5)
          .map(
            (el) =>
              `<${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? "").slice(0, 60)}`,
          );
      });
      expect.fail(`${name} scrolls sideways by ${overflow}px at ${PHONE_WIDTH}px: ${widest.join(" | ")}`);
    }
  } finally {
    if (narrowed) await page.setViewportSize(size);
  }
}

/**
 * A page in its own context (axe needs one; contexts also keep cookies apart). The browser asks for
 * reduced motion, which the theme honours: a toast fading out while axe measures it once failed a
 * colour-contrast check that the settled toast passes.
 */
export async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({
    locale: "en-GB",
    timezoneId: "Europe/London",
    reducedMotion: "reduce",
    ...options,
  });
  return context.newPage();
}

/** Sign in through the form and wait for the home page. */
export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel("Email").fill(who.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A privileged role (head, DSL, admin…) without two-step sign-in is first shown the security
  // page to set it up (decision 032); within its 14-day grace they may carry on to the home page.
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/(security)?$/);
  if (new URL(page.url()).pathname === "/security") {
    await page.getByRole("button", { name: /^Not now/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/");
  }
}

/** Call the API from inside the signed-in page, so the session cookie and Origin are the app's own. */
export async function callApi<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body, contentType }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": contentType },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, body, contentType },
  );
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

/** A page that fits its width: nothing to scroll sideways (WCAG 1.4.10 reflow). */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** First-run setup through the API, as a script would do it, so a journey can start signed out. */
export async function setUpSchool(
  accord: RunningAccord,
  head: { school: string; name: string; email: string; password: string },
) {
  const res = await fetch(`${accord.url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      school: { name: head.school },
      admin: { name: head.name, email: head.email, password: head.password },
    }),
  });
  expect(res.status).toBe(201);
}

/**
 * What each journey starts from: a fresh Accord (env as for startAccord), Chromium, and, when
 * `head` is given, a school set up with that head. `closeSchool` stops both.
 */
export async function openSchool(
  head?: Parameters<typeof setUpSchool>[1],
  env: Record<string, string> = {},
): Promise<{ accord: RunningAccord; browser: Browser }> {
  const accord = await startAccord(env);
  const browser = await launchChromium();
  if (head) await setUpSchool(accord, head);
  return { accord, browser };
}

export async function closeSchool(running: { accord?: RunningAccord; browser?: Browser }) {
  await running.browser?.close();
  await running.accord?.stop();
}
