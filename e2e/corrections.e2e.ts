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
const TEACHER = {
  name: "Bryn Garside",
  email: "b.garside@oakfield.test",
  password: "harbour-violet-compass-17",
};

const AGREEMENT = "Staff acceptable use agreement";
const PHOTO_QUESTION = "I agree to photographs of me being used for professional purposes";
const WITHDRAW_REASON = "I signed before talking to my union representative about monitoring.";

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const pathOf = (page: Page) => new URL(page.url()).pathname;
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
const record = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });

/** The head sets up a published policy, a staff agreement with a photo question, and a teacher who can sign in. */
async function prepareSchool(accord: RunningAccord, browser: Browser) {
  const page = await newPage(browser);
  await page.goto(`${accord.url}/sign-in`);
  await signIn(page, HEAD);
  await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
  const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
    title: "Online Safety and Acceptable Use",
    audiences: ["staff"],
  });
  const draft = policy.versions[0].id;
  await callApi(page, "PATCH", `/policies/${policy.id}/versions/${draft}`, {
    content: "# Online safety\n\nHow everyone at Oakfield stays safe online.",
    statements: [
      "I will keep my school account passwords to myself.",
      "I understand that school devices and accounts may be monitored.",
    ],
  });
  await callApi(page, "POST", `/policies/${policy.id}/versions/${draft}/publish`);
  const agreement = await callApi<{ id: string }>(page, "POST", "/agreements", {
    policyVersionId: draft,
    title: AGREEMENT,
    audience: "staff",
    declaration: "I have read this agreement and I will follow it.",
    choices: [{ key: "photo", label: PHOTO_QUESTION, options: ["agree", "disagree"] }],
  });

  // A teacher, invited by email; they choose a password through the emailed link.
  const teacher = await callApi<{ id: string }>(page, "POST", "/people", {
    givenName: "Bryn",
    familyName: "Garside",
    kinds: ["staff"],
    email: TEACHER.email,
    jobTitle: "Computing Lead",
  });
  await callApi(page, "POST", `/people/${teacher.id}/invite`);
  const outbox = await callApi<{ messages: { to: string; body: string }[] }>(page, "GET", "/mail/outbox");
  const invite = outbox.messages
    .find((m) => m.to === TEACHER.email)
    ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  expect(invite).toBeTruthy();
  await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
    kinds: ["staff"],
    dueDate: "2031-09-30",
  });
  await page.context().close();

  const anon = await newPage(browser);
  await anon.goto(`${accord.url}/sign-in`);
  await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: TEACHER.password });
  await anon.context().close();
  return { agreementId: agreement.id };
}

describe("correcting and withdrawing a signature", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("a teacher corrects a signature, then withdraws it; the head sees it all and withdraws the next one", async () => {
    const { agreementId } = await prepareSchool(accord, browser);
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, TEACHER);

    // The teacher signs, with a typo in their name.
    await page.goto(`${accord.url}/agreements/sign`);
    await page.getByRole("link", { name: AGREEMENT }).click();
    await expect.poll(() => heading1(page)).toBe(AGREEMENT);
    await page.getByRole("textbox", { name: "Full name" }).fill("Bryn Garsdie");
    await page.getByRole("textbox", { name: "Job title" }).fill("Computing Lead");
    await page.getByRole("radio", { name: "I agree", exact: true }).check();
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Thank you – you have signed" }).count())
      .toBe(1);
    const firstReference = (await page.locator("code").first().textContent())?.trim() ?? "";
    expect(firstReference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    // My agreements: the signature is in force, and can be corrected or withdrawn.
    await page.getByRole("link", { name: "Back to your agreements" }).click();
    await expect.poll(() => page.getByText("You have nothing to sign at the moment.").count()).toBe(1);
    const first = record(page, firstReference);
    await expect.poll(() => first.getByText("Signed", { exact: true }).count()).toBe(1);
    await checkPage(page, "70-history-signed");

    // Correct… with the keyboard: the form starts from what was signed.
    const correctLink = page.getByRole("link", {
      name: `Correct your signature: ${AGREEMENT} (version 1.0)`,
    });
    await expect.poll(() => correctLink.textContent()).toBe("Correct…");
    await correctLink.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => pathOf(page)).toMatch(/^\/agreements\/signatures\/[0-9a-f-]{36}\/correct$/);
    await expect.poll(() => heading1(page)).toBe(`Correct your signature: ${AGREEMENT}`);
    await expect.poll(() => page.getByText(/stays on record, marked as corrected/).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Full name" }).inputValue())
      .toBe("Bryn Garsdie");
    await expect
      .poll(() => page.getByRole("textbox", { name: "Job title" }).inputValue())
      .toBe("Computing Lead");
    await expect.poll(() => page.getByRole("radio", { name: "I agree", exact: true }).isChecked()).toBe(true);
    await checkPage(page, "71-correct");

    await page.getByRole("textbox", { name: "Full name" }).fill(TEACHER.name);
    await page.getByRole("radio", { name: "I agree", exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.getByRole("radio", { name: "I do not agree" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Sign", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("heading", { name: "Thank you – you have signed" }).count())
      .toBe(1);
    const secondReference = (await page.locator("code").first().textContent())?.trim() ?? "";
    expect(secondReference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(secondReference).not.toBe(firstReference);
    await checkPage(page, "72-corrected");

    // The first signature stays, marked corrected, with its receipt; the new one says what it corrects.
    await page.getByRole("link", { name: "Back to your agreements" }).click();
    await expect
      .poll(() =>
        record(page, firstReference)
          .getByText(/^Corrected \d+ \w{3} \d{4}$/)
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        record(page, firstReference)
          .getByRole("link", { name: /Download the receipt/ })
          .count(),
      )
      .toBe(1);
    expect(
      await record(page, firstReference)
        .getByRole("button", { name: /^Withdraw/ })
        .count(),
    ).toBe(0);
    const second = record(page, secondReference);
    await expect.poll(() => second.getByText("Signed", { exact: true }).count()).toBe(1);
    await expect.poll(() => second.getByText(/^Corrects the signature given on /).count()).toBe(1);
    await checkPage(page, "73-history-corrected");

    // Anyone checking the first receipt is told it was corrected.
    const verify = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await verify.goto(`${accord.url}/verify?reference=${firstReference}`);
    await verify.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => verify.getByText("Valid: this signature is on record").count()).toBe(1);
    await expect
      .poll(() =>
        verify.getByText(/^This signature was corrected on .+; a newer signature replaces it\.$/).count(),
      )
      .toBe(1);
    await checkPage(verify, "74-verify-corrected");
    await verify.context().close();

    // Now the teacher withdraws the corrected signature, with the keyboard; a reason is required.
    const withdraw = second.getByRole("button", { name: `Withdraw signature: ${AGREEMENT} (version 1.0)` });
    await withdraw.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByText(/you will be asked to sign this agreement again/).count())
      .toBe(1);
    await expect
      .poll(() => dialog.getByLabel("Reason").evaluate((el) => el === document.activeElement))
      .toBe(true);
    await dialog.getByRole("button", { name: "Withdraw signature" }).click();
    await expect.poll(() => dialog.getByText("Say briefly why the signature is withdrawn").count()).toBe(1);
    await checkPage(page, "75-withdraw-dialog");
    await dialog.getByLabel("Reason").fill(WITHDRAW_REASON);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => focusedText(page)).toBe("Withdraw signature");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

    // It is back in the list to sign; the history keeps every record, and says who withdrew and why.
    await expect
      .poll(() => page.getByText(/has been withdrawn\. It is back in your list to sign\./).count())
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: AGREEMENT, exact: true }).count()).toBe(1);
    await expect.poll(() => second.getByText(/^Withdrawn \d+ \w{3} \d{4}$/).count()).toBe(1);
    const withdrawal = record(page, `Withdrawn by ${TEACHER.name}`);
    await expect.poll(() => withdrawal.getByText("Withdrawal", { exact: true }).count()).toBe(1);
    await expect.poll(() => withdrawal.getByText(`Reason given: ${WITHDRAW_REASON}`).count()).toBe(1);
    expect(await page.getByRole("button", { name: /^Withdraw signature/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /^Correct your signature/ }).count()).toBe(0);
    // Focus stays on the record acted on, not lost to the page.
    await expect.poll(() => focusedText(page)).toBe(`${AGREEMENT} (version 1.0)`);
    await checkPage(page, "76-history-withdrawn");
    await page.context().close();

    // On a phone the history fits the screen.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, TEACHER);
    await phone.goto(`${accord.url}/agreements/sign`);
    await expect.poll(() => phone.getByText(`Withdrawn by ${TEACHER.name}`).count()).toBe(1);
    await checkPage(phone, "77-history-mobile");
    await expectNoHorizontalOverflow(phone);

    // The first signature's correction page, kept as a bookmark, says why it cannot be used now.
    const mine = await callApi<{ signatures: { id: string; verificationReference: string }[] }>(
      phone,
      "GET",
      "/me/signatures",
    );
    const firstId = mine.signatures.find((s) => s.verificationReference === firstReference)?.id;
    await phone.goto(`${accord.url}/agreements/signatures/${firstId}/correct`);
    await expect.poll(() => heading1(phone)).toBe("This signature cannot be corrected");
    await expect
      .poll(() =>
        phone
          .getByRole("alert")
          .getByText(/already been corrected/)
          .count(),
      )
      .toBe(1);
    await checkPage(phone, "78-correct-refused-mobile");
    await expectNoHorizontalOverflow(phone);

    // The teacher signs again (through the API), so the head has a signature in force to look at.
    const { agreements } = await callApi<{ agreements: { id: string; textSha256: string }[] }>(
      phone,
      "GET",
      "/me/agreements",
    );
    const again = agreements.find((a) => a.id === agreementId);
    expect(again).toBeTruthy();
    await callApi(phone, "POST", `/agreements/${agreementId}/signatures`, {
      fullName: TEACHER.name,
      jobTitle: "Computing Lead",
      choices: { photo: "agree" },
      textSha256: again!.textSha256,
    });
    await phone.context().close();

    // The head opens the teacher's history from the compliance view.
    const head = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await head.getByRole("link", { name: "Compliance" }).click();
    await expect.poll(() => heading1(head)).toBe("Compliance");
    await head.getByRole("button", { name: `${TEACHER.name}: signing history` }).click();
    const drawer = head.getByRole("dialog", { name: `Signing history: ${TEACHER.name}` });
    await expect.poll(() => drawer.getByText(`Withdrawn by ${TEACHER.name}`).count()).toBe(1);
    await expect.poll(() => drawer.getByText(/^Corrected \d+ \w{3} \d{4}$/).count()).toBe(1);
    await expect.poll(() => drawer.getByText(/^Withdrawn \d+ \w{3} \d{4}$/).count()).toBe(1);
    await expect.poll(() => drawer.getByText("Signed", { exact: true }).count()).toBe(1);
    // An admin may withdraw a signature but only the signer corrects one.
    expect(await drawer.getByRole("link", { name: /^Correct/ }).count()).toBe(0);
    await checkPage(head, "79-compliance-history");

    // Withdraw…: Escape closes the dialog and leaves the drawer open.
    await drawer.getByRole("button", { name: `Withdraw signature: ${AGREEMENT} (version 1.0)` }).click();
    const confirm = head.getByRole("dialog", { name: `Withdraw signature: ${AGREEMENT} (version 1.0)` });
    await expect
      .poll(() => confirm.getByText(`${TEACHER.name} will be told by email`, { exact: false }).count())
      .toBe(1);
    await checkPage(head, "80-admin-withdraw-dialog");
    await head.keyboard.press("Escape");
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => drawer.isVisible()).toBe(true);

    await drawer.getByRole("button", { name: `Withdraw signature: ${AGREEMENT} (version 1.0)` }).click();
    await confirm.getByLabel("Reason").fill("Signed on a shared computer in the staff room by someone else.");
    await confirm.getByRole("button", { name: "Withdraw signature" }).click();
    await expect.poll(() => drawer.getByText(`Withdrawn by ${HEAD.name}`).count()).toBe(1);
    await expect.poll(() => drawer.getByText(/^Withdrawn \d+ \w{3} \d{4}$/).count()).toBe(2);
    expect(await drawer.getByRole("button", { name: /^Withdraw signature/ }).count()).toBe(0);

    // The teacher is told by email.
    const outbox = await callApi<{ messages: { to: string; subject: string }[] }>(
      head,
      "GET",
      "/mail/outbox",
    );
    expect(outbox.messages.some((m) => m.to === TEACHER.email && /withdrawn/i.test(m.subject))).toBe(true);
    await head.context().close();

    // The same drawer on a phone.
    const headPhone = await newPage(browser, PHONE);
    await headPhone.goto(`${accord.url}/sign-in`);
    await signIn(headPhone, HEAD);
    await headPhone.goto(`${accord.url}/compliance`);
    await headPhone.getByRole("button", { name: `${TEACHER.name}: signing history` }).click();
    await expect
      .poll(() => headPhone.getByRole("dialog").getByText(`Withdrawn by ${HEAD.name}`).count())
      .toBe(1);
    await checkPage(headPhone, "81-compliance-history-mobile");
    await expectNoHorizontalOverflow(headPhone);
    // A full-page capture stretches the fixed drawer; this is the screen as the head sees it.
    await headPhone.screenshot({ path: path.join(SCREENSHOTS, "82-compliance-history-mobile-screen.png") });
    await headPhone.context().close();
  });
});
