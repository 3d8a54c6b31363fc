import path from "node:path";
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
  SCREENSHOTS,
  signIn,
} from "./harness.js";

/*
 * Three journeys done with the keyboard alone (WCAG 2.1.1): no click, no fill, no focus() — only
 * Tab, Shift+Tab, Enter, Space, the arrow keys and typing. After every key that moves focus, the
 * focused element must show where it is (2.4.7: an outline or a shadow that it does not have
 * unfocused) and must not be hidden (2.4.11: inside the viewport — a control wholly, a tall text
 * field at least its first 40 px — and the element at the centre of what is seen is itself, not a
 * sticky header or a toast over it).
 */

const HEAD = {
  school: "Ysgol Bro Hafren",
  name: "Ada Okafor",
  email: "head@brohafren.test",
  password: "kettle-meadow-lantern-42",
};
const TEACHER = {
  givenName: "Owen",
  familyName: "Jenkins",
  email: "owen@brohafren.test",
  password: "copper-willow-basket-83",
};
const AGREEMENT = "Staff acceptable use agreement";
const PHOTO_QUESTION = "My photo may be used on the school website";
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T300000000001,Gwenllian,Morgan,3,3A",
  "T300000000002,Tomos,Price,3,3A",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T300000000001",
].join("\n");
const WHAT_HAPPENED = "Gwenllian showed me messages in her class group chat calling her names.";

type Outbox = { messages: { to: string; body: string }[] };
type Focused = {
  tag: string;
  name: string;
  ring: boolean;
  differsFromUnfocused: boolean | null;
  inViewport: boolean;
  box: string;
  covered: string | null;
};

/**
 * What the focused element looks like and whether it can be seen. The styles it has while focused
 * are kept on the element; when focus has moved on, the previous element's unfocused styles are
 * compared with them, so "visible" means "changes when focused", not only "has an outline".
 */
function describeFocus(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    type Kept = { el: Element; focused: string };
    const w = window as unknown as { __lastFocused?: Kept };
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [
        s.outlineStyle,
        s.outlineWidth,
        s.outlineColor,
        s.boxShadow,
        s.borderColor,
        s.backgroundColor,
      ].join("|");
    };
    const hasRing = (el: Element) => {
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 1;
      return outline || (s.boxShadow !== "none" && s.boxShadow !== "");
    };
    const el = document.activeElement ?? document.body;
    // The ring may be drawn on the box around a field (a password field's wrapper, by :focus-within).
    const carrier =
      [el, el.parentElement, el.parentElement?.parentElement].find((e) => e && hasRing(e)) ?? el;
    let differsFromUnfocused: boolean | null = null;
    const last = w.__lastFocused;
    if (last && last.el !== carrier && last.el.isConnected && !last.el.contains(el))
      differsFromUnfocused = look(last.el) !== last.focused;
    w.__lastFocused = { el: carrier, focused: look(carrier) };

    const box = el.getBoundingClientRect();
    // WCAG 2.4.11 (AA) asks that focus is not entirely hidden. A tall text field is shown from its
    // top, where the caret is, as Chromium scrolls the caret into view: at least 40 px of it (or
    // all of a smaller control) must be in view, and nothing may cover the middle of what is seen.
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const inViewport =
      box.width > 0 &&
      box.height > 0 &&
      box.left >= 0 &&
      box.right <= window.innerWidth &&
      bottom - top >= Math.min(box.height, 40);
    const hit = document.elementFromPoint(box.left + box.width / 2, (top + bottom) / 2);
    const ownLabel = hit instanceof HTMLLabelElement && hit.control === el;
    const covered =
      hit && (hit === el || el.contains(hit) || ownLabel)
        ? null
        : hit
          ? `${hit.tagName.toLowerCase()}.${String((hit as HTMLElement).className).slice(0, 60)}`
          : "nothing";
    const labelled =
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.getAttribute("aria-label") ??
      el.textContent ??
      "";
    return {
      tag: el.tagName.toLowerCase(),
      name: labelled.trim().replace(/\s+/g, " ").slice(0, 80),
      ring: hasRing(carrier),
      differsFromUnfocused,
      inViewport,
      box: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)} in ${window.innerWidth}×${window.innerHeight}`,
      covered,
    };
  });
}

/** Fails unless the focused element is seen: a ring, a change from unfocused, in view and on top. */
async function expectFocusSeen(page: Page) {
  const f = await describeFocus(page);
  const where = `focus on <${f.tag}> "${f.name}"`;
  expect(f.tag, `${where}: focus is lost to the page`).not.toBe("body");
  expect(f.ring, `${where}: no outline or shadow shows it is focused`).toBe(true);
  if (f.differsFromUnfocused !== null)
    expect(f.differsFromUnfocused, "the element before looked the same focused and unfocused").toBe(true);
  if (!f.inViewport || f.covered) await shot(page, "failed-focus");
  expect(f.inViewport, `${where}: not inside the viewport (${f.box})`).toBe(true);
  expect(f.covered, `${where}: covered by another element`).toBeNull();
  return f;
}

/** One key, then the check that focus can be seen. */
async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  // What a person sees is the next painted frame: let the page paint it.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return expectFocusSeen(page);
}

/** Tab (or Shift+Tab) until the focused element's name matches, checking focus at every stop. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    const f = await press(page, back ? "Shift+Tab" : "Tab");
    if (name.test(f.name)) return f;
  }
  throw new Error(`Tab never reached ${name}`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `keyboard-${name}.png`) });
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Sign in through the form by keyboard: the email field, the password, Enter. */
async function signInByKeyboard(page: Page, who: { email: string; password: string }) {
  // Waiting for the form to be drawn is not using the mouse.
  await expect.poll(() => page.getByRole("button", { name: "Sign in" }).count()).toBe(1);
  await tabTo(page, /^Email/);
  await page.keyboard.type(who.email);
  await tabTo(page, /^Password/, { max: 3 });
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  await expect.poll(() => new URL(page.url()).pathname).toBe("/");
}

describe("keyboard only: signing, reporting a concern and answering photo consent", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let consentLink = "";
  let made: Promise<void> | undefined;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  /** The school's data, made through the API as the head (expect.poll needs a test, not a hook). */
  async function setUp() {
    const head = await newPage(browser);
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await callApi(head, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
    await callApi(head, "POST", "/people/import?kind=contacts&dryRun=false", CONTACTS, "text/csv");

    // Owen, a teacher, invited by email; his password set through the link.
    const owen = await callApi<{ id: string }>(head, "POST", "/people", {
      givenName: TEACHER.givenName,
      familyName: TEACHER.familyName,
      kinds: ["staff"],
      email: TEACHER.email,
    });
    await callApi(head, "POST", `/people/${owen.id}/invite`);
    const invite = (await callApi<Outbox>(head, "GET", "/mail/outbox")).messages
      .find((m) => m.to === TEACHER.email)
      ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(invite).toBeTruthy();
    await callApi(head, "POST", `/invitations/${invite}/accept`, { password: TEACHER.password });

    // A published policy and its staff agreement, assigned to staff.
    await callApi(head, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
      title: "Online safety",
      audiences: ["staff"],
    });
    const version = policy.versions[0].id;
    await callApi(head, "PATCH", `/policies/${policy.id}/versions/${version}`, {
      content: "# Online safety\n\nHow everyone at Bro Hafren stays safe online.",
      statements: ["I will lock my screen when I leave my desk.", "I will report concerns to the DSL."],
    });
    await callApi(head, "POST", `/policies/${policy.id}/versions/${version}/publish`);
    const agreement = await callApi<{ id: string }>(head, "POST", "/agreements", {
      policyVersionId: version,
      title: AGREEMENT,
      audience: "staff",
      declaration: "I agree to follow this agreement.",
      choices: [{ key: "photo", label: PHOTO_QUESTION, options: ["I agree", "I do not agree"] }],
    });
    await callApi(head, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "2031-09-30",
    });

    // Photo consent asked of 3A's parents: Siân gets a link by email.
    await callApi(head, "PUT", "/consent/settings", {
      selfAnswerAge: null,
      askNewPupils: false,
      imageManagerIds: [],
    });
    await callApi(head, "POST", "/consent/requests?dryRun=false", { classes: ["3A"], dueDate: "2031-07-15" });
    consentLink = (await callApi<Outbox>(head, "GET", "/mail/outbox")).messages
      .find((m) => m.to === "sian@cartref.test" && /\/consent\/answer\//.test(m.body))
      ?.body.match(/\/consent\/answer\/[A-Za-z0-9_-]+/)?.[0] as string;
    expect(consentLink).toBeTruthy();
    await head.context().close();
  }

  it("a teacher signs in, skips the menu, and signs an agreement with a typed name, focus seen at every step", async () => {
    made ??= setUp();
    await made;
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signInByKeyboard(page, TEACHER);
    await expect.poll(() => page.getByRole("link", { name: "Read and sign" }).count()).toBe(1);

    // The first Tab reaches "Skip to main content", shown on top of the page.
    const skip = await press(page, "Tab");
    expect(skip.name).toBe("Skip to main content");
    await shot(page, "01-skip-link");
    await page.keyboard.press("Enter");
    await tabTo(page, /^Read and sign$/);
    await shot(page, "02-read-and-sign");
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agreements/sign");
    // The page's code loads on first use: on a busy machine that has taken many seconds.
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Agreements" }).count(), { timeout: 60_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: AGREEMENT }).count()).toBe(1);
    await tabTo(page, new RegExp(`^${AGREEMENT}`));
    await page.keyboard.press("Enter");
    await expect.poll(() => heading1(page)).toBe(AGREEMENT);
    await expect.poll(() => page.getByRole("button", { name: "Sign", exact: true }).count()).toBe(1);

    // Full name starts from the record; the job title is typed; the photo question answered with
    // the arrow keys; the drawing pad is passed by (it is optional), and Sign pressed with Enter.
    await tabTo(page, /^Full name/);
    expect(await page.getByRole("textbox", { name: "Full name" }).inputValue()).toBe("Owen Jenkins");
    await tabTo(page, /^Job title/, { max: 3 });
    await page.keyboard.type("Class teacher");
    await shot(page, "03-job-title");
    const first = await press(page, "Tab");
    expect(first.tag).toBe("input");
    await press(page, "ArrowDown");
    await expect.poll(() => page.getByRole("radio", { name: "I do not agree" }).isChecked()).toBe(true);
    await press(page, "ArrowUp");
    await expect.poll(() => page.getByRole("radio", { name: "I agree", exact: true }).isChecked()).toBe(true);
    await shot(page, "04-photo-question");
    // Back and forth: Shift+Tab returns to the job title, as a keyboard user checks what they typed.
    await tabTo(page, /^Job title/, { back: true, max: 3 });
    await tabTo(page, /^I agree$/, { max: 3 });
    const sign = await tabTo(page, /^Sign$/, { max: 6 });
    expect(sign.tag).toBe("button");
    await shot(page, "05-sign-button");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("heading", { name: "Thank you – you have signed" }).count())
      .toBe(1);
    await checkPage(page, "keyboard-signed");
    // The receipt link is reached by Tab too.
    await tabTo(page, /Download your receipt/);
    await shot(page, "06-receipt-link");
    await page.context().close();
  });

  it("a teacher reports an online-safety concern with the keyboard alone", async () => {
    made ??= setUp();
    await made;
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signInByKeyboard(page, TEACHER);
    await expect.poll(() => page.getByRole("link", { name: "Report a concern" }).count()).toBeGreaterThan(0);

    await tabTo(page, /^Report a concern$/);
    await page.keyboard.press("Enter");
    await expect.poll(() => heading1(page)).toBe("Report a concern");
    await checkPage(page, "keyboard-report");

    // The categories are a radio group: Tab into it, the arrow keys move, Space chooses.
    await tabTo(page, /^Cyberbullying|^Online bullying/);
    await press(page, "Space");
    await expect
      .poll(() => page.getByRole("radio", { name: /^Cyberbullying/ }).getAttribute("aria-checked"))
      .toBe("true");
    await shot(page, "10-category");

    // When it happened starts at now; the pupil is found by typing and chosen with the arrow keys.
    await tabTo(page, /^Pupils involved/);
    await page.keyboard.type("Gwen");
    await expect.poll(() => page.getByRole("option", { name: /Gwenllian Morgan/ }).count()).toBe(1);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("Gwenllian Morgan (3A)").count()).toBeGreaterThan(0);
    await expectFocusSeen(page);
    await shot(page, "11-pupil-chosen");

    await tabTo(page, /^What happened/);
    await page.keyboard.type(WHAT_HAPPENED);
    await shot(page, "12-what-happened");
    const send = await tabTo(page, /^Send report$/);
    expect(send.tag).toBe("button");
    await shot(page, "13-send-report");
    await page.keyboard.press("Enter");
    await expect.poll(() => heading1(page)).toBe("Concern reported");
    await checkPage(page, "keyboard-reported");
    await page.context().close();
  });

  it("a parent answers photo consent from the emailed link with the keyboard alone, on a phone", async () => {
    made ??= setUp();
    await made;
    const page = await newPage(browser, PHONE);
    await page.goto(`${accord.url}${consentLink}`);
    await expect
      .poll(() => page.getByRole("heading", { name: "Photos and videos of your child" }).count())
      .toBe(1);
    const purposes = await page.getByRole("radiogroup").count();
    expect(purposes).toBeGreaterThan(1);

    // Each purpose is a radio group: Tab reaches its first answer; Space says yes, ArrowDown no.
    for (let i = 0; i < purposes; i++) {
      const f = await tabTo(page, /^Yes/, { max: 8 });
      expect(f.tag).toBe("input");
      if (i % 2 === 0) await press(page, "Space");
      else await press(page, "ArrowDown");
      if (i === 0) await shot(page, "20-consent-first-answer");
    }
    const group = page.getByRole("radiogroup");
    for (let i = 0; i < purposes; i++)
      await expect
        .poll(() =>
          group
            .nth(i)
            .getByRole("radio", { name: i % 2 === 0 ? /^Yes/ : /^No/ })
            .isChecked(),
        )
        .toBe(true);

    const send = await tabTo(page, /^Send my answers$/);
    expect(send.tag).toBe("button");
    await shot(page, "21-consent-send");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("heading", { name: "Thank you — your answers are saved" }).count())
      .toBe(1);
    await checkPage(page, "keyboard-consent-answered-phone");
    await page.context().close();
  });
});
