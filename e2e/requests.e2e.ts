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
  school: "Ysgol Pen y Bont",
  name: "Ada Okafor",
  email: "head@penybont.test",
  password: "kettle-meadow-lantern-42",
};
const TEACHER = {
  givenName: "Owen",
  familyName: "Jenkins",
  email: "owen@penybont.test",
  password: "copper-willow-basket-83",
};
const MANAGER = {
  givenName: "Llio",
  familyName: "Evans",
  email: "llio@penybont.test",
  password: "thistle-rocket-morning-29",
};

const PHONE_USE = "Personal phone use during contact time";
const EVENT_PHOTOS = "Posting pictures of a school event";
const SOCIAL = "A school social media account";
const CONDITIONS = "Only for calls to the school office and the trip leader.";

type Outbox = { messages: { to: string; subject: string; body: string }[] };

/** A member of staff with an account: added by the head, invited, their password set through the link. */
async function addMember(head: Page, browser: Browser, url: string, who: typeof TEACHER, role?: string) {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: who.givenName,
    familyName: who.familyName,
    kinds: ["staff"],
    email: who.email,
  });
  if (role) await callApi(head, "PUT", `/people/${person.id}/roles`, { roles: [role] });
  await callApi(head, "POST", `/people/${person.id}/invite`);
  const outbox = await callApi<Outbox>(head, "GET", "/mail/outbox");
  const invite = outbox.messages
    .find((m) => m.to === who.email)
    ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  expect(invite).toBeTruthy();
  const anon = await newPage(browser);
  await anon.goto(`${url}/sign-in`);
  await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: who.password });
  await anon.context().close();
  return person.id;
}

async function signedIn(
  browser: Browser,
  url: string,
  who: { email: string; password: string },
  phone = true,
) {
  const page = await newPage(browser, phone ? PHONE : { viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/sign-in`);
  await signIn(page, who);
  return page;
}

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** A day `days` from today in London, as a date input takes it. */
function isoDayFromNow(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(d);
}
/** How the app shows that day: "1 September 2026". */
function longDate(iso: string) {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T12:00:00Z`));
}

/**
 * Open the menu (folded on a phone) and follow one of the permission requests links. The group
 * opens with an animation, and a click while it moves can miss: try again, as a person would.
 */
async function menu(page: Page, name: string) {
  const phone = (page.viewportSize()?.width ?? 1280) < 768;
  const nav = page.getByRole("navigation");
  const group = nav.getByRole("button", { name: "Permission requests" });
  const link = nav.getByRole("link", { name, exact: true });
  let to: string | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (phone) {
      const burger = page.locator("[aria-controls=app-navbar]");
      await burger.waitFor();
      if ((await burger.getAttribute("aria-expanded")) !== "true") await burger.click();
    }
    await group.waitFor();
    if (!(await link.isVisible())) await group.click();
    to ??= await link.getAttribute("href");
    await link.click({ timeout: 5000 }).catch(() => {});
    const arrived = await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 5000 })
      .toBe(to)
      .then(() => true)
      .catch(() => false);
    if (arrived) return;
  }
  expect(new URL(page.url()).pathname).toBe(to);
}

/** A member of staff asks on their phone: picks the type and answers its questions. */
async function ask(page: Page, type: string, answers: Record<string, string>, yes: string[] = []) {
  await menu(page, "Ask permission");
  await expect.poll(() => heading1(page)).toBe("Ask permission");
  await page.getByRole("radio", { name: new RegExp(`^${type}`) }).check();
  for (const [label, value] of Object.entries(answers)) await page.getByLabel(label).fill(value);
  for (const label of yes)
    await page.getByRole("radiogroup", { name: label }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect.poll(() => heading1(page)).toBe(type);
  return new URL(page.url()).pathname;
}

describe("permission requests: asked on a phone, decided by the head, kept in the registers", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let head: Page;
  let teacher: Page;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("a teacher asks to use their phone on a trip; the head approves it with conditions and an end date", async () => {
    head = await signedIn(browser, accord.url, HEAD, false);
    await addMember(head, browser, accord.url, TEACHER);
    await addMember(head, browser, accord.url, MANAGER, "line_manager");
    teacher = await signedIn(browser, accord.url, TEACHER);

    // The teacher's first look: nothing asked yet.
    await menu(teacher, "My requests");
    await expect.poll(() => heading1(teacher)).toBe("My requests");
    await expect.poll(() => teacher.getByText("You have not asked for permission yet.").count()).toBe(1);
    await checkPage(teacher, "requests-mine-empty-phone");

    await menu(teacher, "Ask permission");
    await expect.poll(() => heading1(teacher)).toBe("Ask permission");
    await teacher.getByRole("radio", { name: new RegExp(`^${PHONE_USE}`) }).check();
    await teacher
      .getByLabel("Why do you need this?")
      .fill("To keep in touch with the office and parents if the coach is late.");
    // A required answer left out: its error shows beside the question, nothing is sent.
    await teacher.getByRole("button", { name: "Send the request" }).click();
    await expect.poll(() => teacher.getByText(/Answer “When and where/).count(), { timeout: 10_000 }).toBe(1);
    expect(new URL(teacher.url()).pathname).toBe("/requests/new");
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "requests-ask-missing-answer-phone");

    await teacher
      .getByLabel(/^When and where/)
      .fill("The Year 5 trip to the National Museum, Cardiff, all day.");
    await teacher.getByLabel("From").fill(isoDayFromNow(7));
    await teacher.getByRole("button", { name: "Send the request" }).click();
    await expect.poll(() => heading1(teacher)).toBe(PHONE_USE);
    const requestPath = new URL(teacher.url()).pathname;
    expect(await teacher.getByText("Waiting for a decision").count()).toBe(1);
    await checkPage(teacher, "requests-asked-phone");

    await menu(teacher, "My requests");
    const mine = teacher.getByRole("main");
    await expect.poll(() => mine.getByText(PHONE_USE).count()).toBeGreaterThan(0);
    await expect.poll(() => mine.getByText("Waiting for a decision").count()).toBeGreaterThan(0);
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "requests-mine-pending-phone");

    // The line manager sees it to decide too (any holder of an approver role may).
    const manager = await signedIn(browser, accord.url, MANAGER);
    await menu(manager, "Requests to decide");
    await expect.poll(() => manager.getByRole("main").getByText("Owen Jenkins").count()).toBeGreaterThan(0);
    await checkPage(manager, "requests-to-decide-manager-phone");
    await manager.context().close();

    // The head decides at their desk: approved, with conditions, ending in three weeks.
    const ends = isoDayFromNow(21);
    await head.goto(`${accord.url}/`);
    await menu(head, "Requests to decide");
    await expect.poll(() => heading1(head)).toBe("Requests to decide");
    await expect.poll(() => head.getByRole("link", { name: PHONE_USE }).count()).toBe(1);
    await checkPage(head, "requests-to-decide");
    await head.getByRole("link", { name: PHONE_USE }).click();
    await expect.poll(() => heading1(head)).toBe(PHONE_USE);
    await head.getByRole("radio", { name: "Approve" }).check();
    await head.getByLabel("Conditions").fill(CONDITIONS);
    await head.getByLabel("Allowed until").fill(ends);
    await checkPage(head, "requests-decide-approve");
    await head.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => head.getByText("Decision recorded.").count()).toBeGreaterThan(0);
    await expect.poll(() => head.getByRole("heading", { name: "Your decision" }).count()).toBe(0);
    await checkPage(head, "requests-approved-head");

    // The teacher sees it approved, with the conditions and the end date written out.
    await teacher.goto(`${accord.url}${requestPath}`);
    await expect.poll(() => teacher.getByText(CONDITIONS).count()).toBeGreaterThan(0);
    expect(await teacher.getByText("Approved", { exact: true }).count()).toBeGreaterThan(0);
    expect(await teacher.getByText(longDate(ends)).count()).toBeGreaterThan(0);
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "requests-approved-phone");

    // What is permitted: the teacher's phone, ending soon.
    await head.goto(`${accord.url}/`);
    await menu(head, "What is permitted");
    await expect.poll(() => heading1(head)).toBe("What is permitted");
    const row = head.getByRole("row").filter({ hasText: "Owen Jenkins" });
    await expect.poll(() => row.getByText(PHONE_USE).count()).toBe(1);
    expect(await row.getByText("Ends soon").count()).toBe(1);
    expect(await row.getByText(longDate(ends)).count()).toBe(1);
    await checkPage(head, "requests-permitted");
  });

  it("refuses one request with a reason, and asks more about another until the teacher answers", async () => {
    const photos = await ask(
      teacher,
      EVENT_PHOTOS,
      { "Which event?": "The Christmas concert", "Where will they be posted?": "The school's Facebook page" },
      ["Have you checked photo consent for every pupil shown?"],
    );
    const social = await ask(teacher, SOCIAL, {
      "Which platform?": "Instagram",
      "What is the account for, and who is it for?": "Sharing the eco club's work with families.",
      "Who will administer it? Name at least two members of staff.": "Me and Llio Evans.",
    });

    // Refused, with the reason.
    await head.goto(`${accord.url}${photos}`);
    await expect.poll(() => heading1(head)).toBe(EVENT_PHOTOS);
    await head.getByRole("radio", { name: "Refuse" }).check();
    await head.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => head.getByText("Say why the request is refused.").count()).toBe(1);
    await head
      .getByLabel("Why it is not approved")
      .fill("Three pupils in the concert have no photo consent: post only the group photo without them.");
    await head.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => head.getByText("Decision recorded.").count()).toBeGreaterThan(0);

    // More information asked.
    await head.goto(`${accord.url}${social}`);
    await expect.poll(() => heading1(head)).toBe(SOCIAL);
    await head.getByRole("radio", { name: "Ask for more information" }).check();
    await head.getByLabel("What more do you need to know?").fill("Who else will be an administrator?");
    await head.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => head.getByText("Decision recorded.").count()).toBeGreaterThan(0);

    // The teacher sees both: refused with its reason, and the question to answer.
    await menu(teacher, "My requests");
    await expect.poll(() => teacher.getByText("Not approved").count()).toBeGreaterThan(0);
    expect(await teacher.getByText("More information asked").count()).toBeGreaterThan(0);
    await checkPage(teacher, "requests-mine-decided-phone");
    await teacher.goto(`${accord.url}${photos}`);
    await expect.poll(() => teacher.getByText(/Three pupils in the concert/).count()).toBeGreaterThan(0);
    await checkPage(teacher, "requests-refused-phone");

    await teacher.goto(`${accord.url}${social}`);
    await expect
      .poll(() => teacher.getByText("Who else will be an administrator?").count())
      .toBeGreaterThan(0);
    await checkPage(teacher, "requests-more-info-phone");
    await teacher.getByLabel("Your answer").fill("Llio Evans and Siân Morgan, the eco club's leaders.");
    await teacher.getByRole("button", { name: "Send your answer" }).click();
    await expect.poll(() => teacher.getByText("Waiting for a decision").count()).toBeGreaterThan(0);
    expect(await teacher.getByLabel("Your answer").count()).toBe(0);
    await checkPage(teacher, "requests-answered-phone");

    // Back with the head, pending again.
    await head.goto(`${accord.url}/requests/decide`);
    await expect.poll(() => head.getByRole("link", { name: SOCIAL }).count()).toBe(1);
    expect(await head.getByRole("link", { name: EVENT_PHOTOS }).count()).toBe(0);
  });

  it("warns about a social media account with only one administrator", async () => {
    await head.goto(`${accord.url}/`);
    await menu(head, "Social media accounts");
    await expect.poll(() => heading1(head)).toBe("Social media accounts");
    await checkPage(head, "requests-accounts-empty");
    await head.getByRole("button", { name: "Add an account" }).click();
    const dialog = head.getByRole("dialog");
    await dialog.getByLabel("Platform").fill("Instagram");
    await dialog.getByLabel("Account name").fill("@penybont_eco");
    await dialog.getByLabel("Purpose").fill("The eco club's news for families.");
    await dialog.getByRole("combobox", { name: "Administrators" }).fill("Owen");
    await head.getByRole("option", { name: /Owen Jenkins/ }).click();
    // Chosen: the list of names closes when the head moves on, and the whole form shows.
    await dialog.getByLabel("Purpose").click();
    await expect.poll(() => head.getByRole("listbox").count()).toBe(0);
    await checkPage(head, "requests-accounts-add");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => head.getByRole("dialog").count()).toBe(0);
    const row = head.getByRole("row").filter({ hasText: "@penybont_eco" });
    await expect.poll(() => row.getByText("Only one administrator").count()).toBe(1);
    expect(await row.getByText("Owen Jenkins").count()).toBe(1);
    await checkPage(head, "requests-accounts-one-administrator");

    // The other registers the head keeps: online services (none yet) and the request types.
    await menu(head, "Online services");
    await expect.poll(() => head.getByText("No online services are in the register yet.").count()).toBe(1);
    await checkPage(head, "requests-services-empty");
    await menu(head, "Request types");
    await expect.poll(() => head.getByRole("row").filter({ hasText: PHONE_USE }).count()).toBe(1);
    await checkPage(head, "requests-types");

    const phone = await signedIn(browser, accord.url, HEAD);
    await menu(phone, "Social media accounts");
    await expect.poll(() => phone.getByText("Only one administrator").count()).toBe(1);
    // The menu folds away once a page is chosen, and its button says so.
    await expect.poll(() => phone.getByRole("button", { name: "Open navigation" }).count()).toBe(1);
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "requests-accounts-phone");
  });
});
