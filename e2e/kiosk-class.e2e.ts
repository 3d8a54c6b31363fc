import path from "node:path";
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
  SCREENSHOTS,
  signIn,
} from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

const POLICY = "Visitors, pupils and the internet at Oakfield";
const POLICY_WORDS = "How visitors and pupils help keep Oakfield safe online and offline.";
const READ_LINE = `I have read ${POLICY} (version 1.0) shown above.`;
const VISITOR_AGREEMENT = "Visitor sign-in agreement";
const PUPIL_AGREEMENT = "Our class online safety promise";
const PHOTO_QUESTION = "I am happy for my photo to appear on the school's visitor board";
const VISITOR_STATEMENTS = [
  "I will wear my visitor badge where it can be seen.",
  "I will not take photos or videos of pupils.",
  "I will tell the office before I leave the building.",
];
const PUPIL_STATEMENTS = [
  "I will ask a grown-up before I go online.",
  "I will keep my password a secret.",
  "I will tell a teacher if something online upsets me.",
];
const PUPILS_CSV = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "P100000000001,Cai,Pennant,Year 4,Rowan",
  "P100000000002,Efa,Morgan,Year 4,Rowan",
  "P100000000003,Ifan,Rhys,Year 4,Rowan",
].join("\n");

const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true };

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Everything the tablet still holds: the page's HTML and its sessionStorage. */
const tabletTrace = (page: Page) =>
  page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...sessionStorage }));

/** Press Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: () => Promise<boolean>, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await matches()) return;
  }
  throw new Error("Could not reach the control with the Tab key");
}

const focusedIs = (page: Page, role: "button" | "textbox" | "radio", name: string) => async () =>
  page
    .getByRole(role, { name, exact: true })
    .evaluate((el) => el === document.activeElement)
    .catch(() => false);

describe("signing without an account: reception kiosk and class sessions", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("sets up a published policy, a visitors' and a pupils' agreement, and a class of three", async () => {
    admin = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await admin.goto(`${accord.url}/sign-in`);
    await signIn(admin, HEAD);

    // A published policy for visitors and pupils, its two agreements, and a class of three.
    await callApi(admin, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(admin, "POST", "/policies", {
      title: POLICY,
      audiences: ["visitor", "pupil", "staff"],
    });
    const draft = policy.versions[0].id;
    await callApi(admin, "PATCH", `/policies/${policy.id}/versions/${draft}`, {
      content: `# Staying safe\n\n${POLICY_WORDS}`,
      statements: [...VISITOR_STATEMENTS, ...PUPIL_STATEMENTS],
    });
    await callApi(admin, "POST", `/policies/${policy.id}/versions/${draft}/publish`);
    await callApi(admin, "POST", "/agreements", {
      policyVersionId: draft,
      title: VISITOR_AGREEMENT,
      audience: "visitors",
      statements: VISITOR_STATEMENTS,
      declaration: "I have read these rules and will follow them while I am in school.",
      choices: [{ key: "photo", label: PHOTO_QUESTION, options: ["agree", "disagree"] }],
    });
    await callApi(admin, "POST", "/agreements", {
      policyVersionId: draft,
      title: PUPIL_AGREEMENT,
      audience: "pupils",
      statements: PUPIL_STATEMENTS,
      declaration: "I will try my best to keep these promises at school and at home.",
    });
    const report = await callApi<{ created?: number }>(
      admin,
      "POST",
      "/people/import?kind=pupils",
      PUPILS_CSV,
      "text/csv",
    );
    expect(JSON.stringify(report)).toMatch(/3/);
  });

  it("runs a reception kiosk: visitors sign, nothing of them stays, closing stops it", async () => {
    // The admin opens a kiosk and reads the code off the page.
    await admin.getByRole("link", { name: "Reception kiosk" }).click();
    await expect.poll(() => heading1(admin)).toBe("Reception kiosk");
    // A named device, open until the end of term (the default) rather than for one day.
    await admin.getByRole("textbox", { name: "Device name" }).fill("Reception iPad");
    expect(await admin.getByRole("combobox", { name: "Open until" }).inputValue()).toMatch(
      /^The end of term/,
    );
    await admin.getByRole("combobox", { name: "Visitors’ agreement" }).click();
    await admin.getByRole("option", { name: `${VISITOR_AGREEMENT} (version 1.0)` }).click();
    await admin.getByRole("button", { name: "Open kiosk" }).click();
    const codeBox = admin.getByTestId("kiosk-code");
    await expect.poll(() => codeBox.textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const code = (await codeBox.textContent())!;
    await expect.poll(() => admin.getByText(`${accord.url}/kiosk`, { exact: false }).count()).toBe(1);
    await expect.poll(() => admin.getByRole("cell", { name: "Reception iPad", exact: true }).count()).toBe(1);
    await checkPage(admin, "58-kiosks-admin");

    // The reception tablet: no cookies, only the code.
    const tablet = await newPage(browser, TABLET);
    await tablet.goto(`${accord.url}/kiosk`);
    await expect.poll(() => heading1(tablet)).toBe("Set up this kiosk");
    await tablet.getByRole("textbox", { name: "Kiosk code" }).fill("ZZZZ-ZZZZ");
    await tablet.getByRole("button", { name: "Start the kiosk" }).click();
    await expect.poll(() => tablet.getByRole("alert").count()).toBe(1);
    await tablet.getByRole("textbox", { name: "Kiosk code" }).fill(code.toLowerCase());
    await tablet.getByRole("button", { name: "Start the kiosk" }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    expect(await tablet.evaluate(() => localStorage.length)).toBe(0);
    await checkPage(tablet, "50-kiosk-welcome");

    // Visitor 1 signs in with the keyboard alone.
    await tabTo(tablet, focusedIs(tablet, "button", "Start"));
    await tablet.keyboard.press("Enter");
    await expect.poll(() => heading1(tablet)).toBe("About you");
    await tabTo(tablet, focusedIs(tablet, "textbox", "Your full name"));
    await tablet.keyboard.type("Megan Tregaron");
    await tablet.keyboard.press("Tab");
    await tablet.keyboard.type("Cwm Valley IT Services");
    await tablet.keyboard.press("Tab");
    await tablet.keyboard.press("Enter");
    // "Who are you visiting?" was left empty: the step says so and does not move on.
    await expect.poll(() => tablet.getByText("Type who you are visiting").count()).toBe(1);
    await tablet.getByRole("textbox", { name: "Who are you visiting?" }).focus();
    await tablet.keyboard.type("Mr Bryn Garside");
    await tablet.keyboard.press("Enter");
    await expect.poll(() => heading1(tablet)).toBe("Read the agreement");
    await expect.poll(() => tablet.getByText(VISITOR_STATEMENTS[1]).count()).toBe(1);
    // The policy itself is on the page, above the statements, and the declaration says it was read.
    await expect.poll(() => tablet.getByText(POLICY_WORDS).isVisible()).toBe(true);
    await expect.poll(() => tablet.getByText(READ_LINE).count()).toBe(1);
    expect(await tablet.getByRole("link", { name: `From ${POLICY}, version 1.0` }).getAttribute("href")).toBe(
      "#policy-text",
    );
    await tabTo(tablet, focusedIs(tablet, "radio", "I agree"));
    await tablet.keyboard.press("Space");
    await expect.poll(() => tablet.getByRole("radio", { name: "I agree" }).isChecked()).toBe(true);
    await checkPage(tablet, "51-kiosk-agreement");
    await tabTo(tablet, focusedIs(tablet, "button", "Next"));
    await tablet.keyboard.press("Enter");
    await expect.poll(() => heading1(tablet)).toBe("Sign");
    // Her name was typed once, on the first step: this step signs with it and asks for it again nowhere.
    await expect.poll(() => tablet.getByText("You are signing as Megan Tregaron").count()).toBe(1);
    expect(await tablet.getByRole("textbox").count()).toBe(1); // the optional email only
    await tabTo(tablet, focusedIs(tablet, "button", "Sign"));
    await tablet.keyboard.press("Enter");
    await expect.poll(() => heading1(tablet)).toBe("Thank you, Megan");
    await expect
      .poll(() => tablet.getByTestId("kiosk-reference").textContent())
      .toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    await checkPage(tablet, "52-kiosk-done");

    // Finish: back to a blank welcome with no trace of Megan.
    await tablet.getByRole("button", { name: "Finish" }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    for (const trace of ["Megan", "Tregaron", "Cwm Valley", "Garside"])
      expect(await tabletTrace(tablet)).not.toContain(trace);
    expect(await tablet.content()).not.toContain("Megan");

    // Visitor 2 starts, types a name and pauses: the kiosk asks if they are still there (idle
    // shortened to 20 s, so the question comes after 10 s and stays 10 s: long enough for the
    // page check below on a busy machine), and keeps the visit when they answer.
    await tablet.goto(`${accord.url}/kiosk?idle=20`);
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    await tablet.getByRole("button", { name: "Start" }).click();
    await tablet.getByRole("textbox", { name: "Your full name" }).fill("Owain Brychan");
    await tablet.getByRole("textbox", { name: "Your organisation" }).fill("Brychan Builders");
    const stillThere = tablet.getByRole("dialog", { name: "Are you still there?" });
    await expect.poll(() => stillThere.count(), { timeout: 20_000 }).toBe(1);
    await checkPage(tablet, "55-kiosk-still-there");
    await stillThere.getByRole("button", { name: "I'm still here" }).click();
    await expect.poll(() => stillThere.count()).toBe(0);
    expect(await tablet.getByRole("textbox", { name: "Your full name" }).inputValue()).toBe("Owain Brychan");
    // Then they walk away: the question comes again, nobody answers, and the kiosk wipes it all.
    await expect.poll(() => heading1(tablet), { timeout: 40_000 }).toBe(`Welcome to ${HEAD.school}`);
    for (const trace of ["Owain", "Brychan"]) expect(await tabletTrace(tablet)).not.toContain(trace);
    expect(await tablet.content()).not.toContain("Owain");

    // The visitor form at phone width: nothing runs off the side.
    await tablet.setViewportSize(PHONE.viewport);
    await tablet.goto(`${accord.url}/kiosk`);
    await tablet.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => heading1(tablet)).toBe("About you");
    await expectNoHorizontalOverflow(tablet);
    await checkPage(tablet, "56-kiosk-form-mobile");
    await tablet.getByRole("textbox", { name: "Your full name" }).fill("Nia Hafren");
    await tablet.getByRole("textbox", { name: "Your organisation" }).fill("Personal visit");
    await tablet.getByRole("textbox", { name: "Who are you visiting?" }).fill("Reception");
    await tablet.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Read the agreement");
    await expectNoHorizontalOverflow(tablet);
    await tablet.getByRole("radio", { name: "I do not agree" }).check();
    await tablet.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Sign");
    await expectNoHorizontalOverflow(tablet);
    // Nia also draws her signature with a finger (optional), clears it and draws again.
    const pad = tablet.getByRole("img", { name: /^Signature box/ });
    const draw = async () => {
      const box = (await pad.boundingBox())!;
      await tablet.mouse.move(box.x + 20, box.y + box.height / 2);
      await tablet.mouse.down();
      await tablet.mouse.move(box.x + box.width / 2, box.y + 15, { steps: 5 });
      await tablet.mouse.move(box.x + box.width - 20, box.y + box.height - 15, { steps: 5 });
      await tablet.mouse.up();
    };
    await draw();
    await expect.poll(() => pad.getAttribute("aria-label")).toBe("Signature box, signature drawn");
    await tablet.getByRole("button", { name: "Clear drawing" }).click();
    await expect.poll(() => pad.getAttribute("aria-label")).toBe("Signature box, empty");
    await draw();
    await expect.poll(() => tablet.getByText("You are signing as Nia Hafren").count()).toBe(1);
    await checkPage(tablet, "63-kiosk-sign-mobile");
    await tablet.getByRole("button", { name: "Sign", exact: true }).click();
    await expect.poll(() => heading1(tablet)).toBe("Thank you, Nia");
    await expectNoHorizontalOverflow(tablet);
    await tablet.getByRole("button", { name: "Finish" }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    await tablet.setViewportSize(TABLET.viewport);

    // The admin sees two visitors signed, and closes the kiosk.
    await admin.reload();
    await expect.poll(() => admin.getByRole("cell", { name: "2", exact: true }).count()).toBe(1);
    await admin.getByRole("button", { name: "Close kiosk: Reception iPad" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Close kiosk" }).click();
    await expect.poll(() => admin.getByText(/^Closed /).count()).toBe(1);

    // The tablet finds out on its next request.
    await tablet.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => heading1(tablet)).toBe("This kiosk has been closed");
    await checkPage(tablet, "59-kiosk-closed");
    expect(await tablet.evaluate(() => sessionStorage.length)).toBe(0);
    await tablet.context().close();
  }, 240_000); // two idle waits of the kiosk (20 s each) on top of a full visit

  it("runs a class session: pupils sign their promise on a shared device", async () => {
    await admin.getByRole("link", { name: "Class signing" }).click();
    await expect.poll(() => heading1(admin)).toBe("Class signing");
    await admin.getByRole("combobox", { name: "Pledge" }).click();
    await admin.getByRole("option", { name: PUPIL_AGREEMENT }).click();
    await admin.getByRole("combobox", { name: "Class" }).click();
    await admin.getByRole("option", { name: "Rowan" }).click();
    await admin.getByRole("button", { name: "Open session" }).click();
    const linkBox = admin.getByTestId("class-link");
    await expect.poll(() => linkBox.textContent()).toMatch(new RegExp(`^${accord.url}/class/.+`));
    const link = (await linkBox.textContent())!;
    await expect.poll(() => admin.getByTestId("class-progress").textContent()).toBe("0 of 3 signed");
    // The teacher's screen shows a QR code of the link, and a short code to type instead.
    expect(
      await admin.getByRole("img", { name: "QR code that opens this session on the pupils’ device" }).count(),
    ).toBe(1);
    const shortCode = (await admin.getByTestId("class-code").textContent())!;
    expect(shortCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await checkPage(admin, "53-class-teacher");
    // The same screen on the teacher's phone fits its width.
    await admin.setViewportSize(PHONE.viewport);
    await expectNoHorizontalOverflow(admin);
    await checkPage(admin, "53b-class-teacher-mobile");
    await admin.setViewportSize({ width: 1280, height: 900 });

    // The shared device (its own browser, no cookies) types the short code at /class.
    const device = await newPage(browser, TABLET);
    await device.goto(`${accord.url}/class`);
    await expect.poll(() => heading1(device)).toBe("Open your class’s signing");
    await device.getByRole("textbox", { name: "Class code" }).fill("ZZZZ-ZZZ2");
    await device.getByRole("button", { name: "Open", exact: true }).click();
    await expect
      .poll(() => device.getByText("That code is not open. Check it with your teacher.").count())
      .toBe(1);
    await checkPage(device, "53c-class-code");
    await device.getByRole("textbox", { name: "Class code" }).fill(shortCode.toLowerCase().replace("-", ""));
    await device.getByRole("button", { name: "Open", exact: true }).click();
    await expect.poll(() => heading1(device)).toBe("Find your name");
    await expect
      .poll(() => device.getByRole("button", { name: /^(Cai P\.|Efa M\.|Ifan R\.)$/ }).count())
      .toBe(3);
    await checkPage(device, "54-class-names");

    // A link cut short says so in plain words, not as a field to correct.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/class/not-a-link`);
    await expect
      .poll(() => phone.getByRole("alert").textContent())
      .toContain("This link is not valid. Ask the school for a new one.");
    await checkPage(phone, "57b-class-invalid-link-mobile");

    // At phone width the names still fit (this one opened by the teacher's link, as a QR code holds).
    await phone.goto(link);
    await expect.poll(() => heading1(phone)).toBe("Find your name");
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "57-class-names-mobile");

    await device.getByRole("button", { name: "Cai P." }).click();
    await expect.poll(() => heading1(device)).toBe("Hello, Cai P.");
    await expect.poll(() => device.getByText(PUPIL_STATEMENTS[2]).count()).toBe(1);
    await expect.poll(() => device.getByText(POLICY_WORDS).isVisible()).toBe(true);
    await expect.poll(() => device.getByText(READ_LINE).count()).toBe(1);
    await device.getByRole("button", { name: "I promise" }).click();
    await expect.poll(() => device.getByText("Please type your name").count()).toBe(1);
    await device.getByRole("textbox", { name: "Type your name" }).fill("Cai Pennant");
    await checkPage(device, "55-class-pledge");
    await device.getByRole("button", { name: "I promise" }).click();
    await expect.poll(() => heading1(device)).toBe("Well done, Cai!");
    await device.screenshot({ path: path.join(SCREENSHOTS, "60-class-well-done.png") });

    // Back at the names after 5 seconds: Cai is ticked and cannot be chosen again.
    await expect.poll(() => heading1(device), { timeout: 10_000 }).toBe("Find your name");
    const cai = device.getByRole("button", { name: /^Cai P\./ });
    await expect.poll(() => cai.textContent()).toMatch(/already signed/);
    expect(await cai.isDisabled()).toBe(true);
    expect(await device.content()).not.toContain("Cai Pennant");
    await checkPage(device, "61-class-names-after");

    // The teacher's list catches up by itself.
    await expect.poll(() => admin.getByTestId("class-progress").textContent()).toBe("1 of 3 signed");
    // The teacher's screen names pupils as the class device does: first name and initial.
    await expect
      .poll(() => admin.getByRole("listitem").filter({ hasText: "Cai P." }).textContent())
      .toMatch(/Signed/);
    expect(await admin.content()).not.toContain("Pennant");

    // The teacher ends the session; the shared device says so.
    await admin.getByRole("button", { name: "End session" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "End session" }).click();
    await expect.poll(() => admin.getByText("This session has ended").count()).toBe(1);
    await checkPage(admin, "62-class-ended");
    await expect.poll(() => heading1(device)).toBe("This session has ended");
    await phone.reload();
    await expect.poll(() => heading1(phone)).toBe("This session has ended");
    await device.context().close();
    await phone.context().close();
  });
});
