import { readFileSync } from "node:fs";
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
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

const POLICY = "Online Safety and Acceptable Use";
const STAFF_AGREEMENT = "Staff acceptable use agreement";
const PARENT_AGREEMENT = "Parent and carer online safety agreement";
const PHOTO_QUESTION = "I agree to photographs of me being used for professional purposes";
const STATEMENTS = [
  "I will keep my school account passwords to myself.",
  "I will report any online-safety concern to the DSL the same day.",
  "I understand that school devices and accounts may be monitored.",
];
const DUE = "2031-09-30";

function heading1(page: Page) {
  return page.getByRole("heading", { level: 1 }).textContent();
}

/** Press Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, matches: (page: Page) => Promise<boolean>, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await matches(page)) return;
  }
  throw new Error("Could not reach the control with the Tab key");
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "";
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (labelled ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
  });

describe("agreements and e-signatures", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let policyId = "";
  let reference = "";

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("creates and assigns a staff agreement, and the head signs it with the keyboard alone", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    // A published policy, made through the API.
    await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
      title: POLICY,
      audiences: ["staff", "parent"],
    });
    policyId = policy.id;
    const draft = policy.versions[0].id;
    await callApi(page, "PATCH", `/policies/${policyId}/versions/${draft}`, {
      content: "# Online safety\n\nHow everyone at Oakfield stays safe online.",
      statements: STATEMENTS,
    });
    await callApi(page, "POST", `/policies/${policyId}/versions/${draft}/publish`);

    // Manage agreements → New agreement.
    await page.getByRole("link", { name: "Manage agreements" }).click();
    await expect.poll(() => heading1(page)).toBe("Manage agreements");
    await page.getByRole("link", { name: "New agreement" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agreements/new");
    await page.getByRole("combobox", { name: "Policy" }).click();
    await page.getByRole("option", { name: `${POLICY} (version 1.0)` }).click();
    await expect.poll(() => page.getByText(STATEMENTS[1]).count()).toBe(1);
    await expect.poll(() => page.getByRole("combobox", { name: "Who signs" }).inputValue()).toBe("Staff");
    await page.getByRole("textbox", { name: "Title" }).fill(STAFF_AGREEMENT);
    await page.getByRole("button", { name: "Add a question" }).click();
    await page.getByRole("textbox", { name: "Question 1", exact: true }).fill(PHOTO_QUESTION);
    await page.getByRole("textbox", { name: "Reference for question 1" }).fill("photo");
    await page.getByRole("button", { name: "Create agreement" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agreements");
    await expect.poll(() => page.getByRole("heading", { name: STAFF_AGREEMENT }).count()).toBe(1);

    // Assign it to staff, with a due date.
    await page.getByRole("button", { name: `Assign ${STAFF_AGREEMENT}` }).click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByRole("checkbox", { name: "Staff", exact: true }).isChecked())
      .toBe(true);
    await expect
      .poll(() => dialog.getByText(/anyone who joins later is asked automatically/).count())
      .toBe(1);
    await dialog.getByLabel("Due date").fill(DUE);
    await dialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect.poll(() => page.getByText(`${STAFF_AGREEMENT} assigned to 1 person`).count()).toBe(1);
    await expect.poll(() => page.getByText("0 of 1 signed (0%)").count()).toBe(1);

    // Home says there is something to sign.
    await page.getByRole("link", { name: "Home" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "You have 1 agreement to sign" }).count())
      .toBe(1);

    // On a phone first: the signing page fits a 375px screen.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/agreements/sign`);
    await phone.getByRole("link", { name: STAFF_AGREEMENT }).click();
    await expect.poll(() => heading1(phone)).toBe(STAFF_AGREEMENT);
    await expect.poll(() => phone.getByRole("button", { name: "Sign", exact: true }).count()).toBe(1);
    await checkPage(phone, "47-sign-mobile");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();

    // Now with the keyboard only: Home → Read and sign → the agreement.
    await page.getByRole("link", { name: "Read and sign" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agreements/sign");
    // The address changes before the lazily loaded page replaces Home, and Home's glance has a
    // link of the same name (to the compliance view): wait for the list page itself.
    await expect.poll(() => heading1(page)).toBe("Agreements");
    await expect.poll(() => page.getByRole("heading", { name: "Agreements to sign" }).count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: STAFF_AGREEMENT }).count()).toBe(1);
    await page.getByRole("link", { name: STAFF_AGREEMENT }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading1(page)).toBe(STAFF_AGREEMENT);
    await expect.poll(() => page.getByRole("button", { name: "Sign", exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole("listitem").filter({ hasText: STATEMENTS[2] }).count()).toBe(1);
    await checkPage(page, "40-sign");

    await tabTo(page, async (p) => (await focusedLabel(p)).startsWith("Full name"));
    await page.keyboard.press("Control+A");
    await page.keyboard.type(HEAD.name);
    // The job title starts from the head's record; clearing it and pressing Sign says it is
    // missing and takes focus back to it.
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toMatch(/^Job title/);
    expect(await page.getByRole("textbox", { name: "Job title" }).inputValue()).not.toBe("");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await tabTo(page, async (p) => (await focusedLabel(p)) === "Sign", 6);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("Type your job title").count()).toBe(1);
    await expect.poll(() => focusedLabel(page)).toMatch(/^Job title/);
    await page.keyboard.type("Headteacher");
    await page.keyboard.press("Tab");
    // The first answer of the photo question has focus; the arrow keys choose.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.getByRole("radio", { name: "I do not agree" }).isChecked()).toBe(true);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => page.getByRole("radio", { name: "I agree", exact: true }).isChecked()).toBe(true);
    // The drawing pad takes no focus: the next stop is the Sign button.
    await tabTo(page, async (p) => (await focusedLabel(p)) === "Sign", 5);
    await page.keyboard.press("Enter");

    await expect
      .poll(() => page.getByRole("heading", { name: "Thank you – you have signed" }).count())
      .toBe(1);
    reference = (await page.locator("code").first().textContent())?.trim() ?? "";
    expect(reference).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await checkPage(page, "41-signed");

    // The receipt downloads as a PDF.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download your receipt/ }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");

    // The list has nothing left to sign, and the history has the receipt.
    await page.getByRole("link", { name: "Back to your agreements" }).click();
    await expect.poll(() => page.getByText("You have nothing to sign at the moment.").count()).toBe(1);
    await expect.poll(() => page.getByText(`Verification reference: ${reference}`).count()).toBe(1);

    // Anyone can check the reference.
    await page.goto(`${accord.url}/verify`);
    await page.getByRole("textbox", { name: "Verification reference" }).fill(reference.toLowerCase());
    await page.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => page.getByText("Valid: this signature is on record").count()).toBe(1);
    await expect.poll(() => page.getByText(`${STAFF_AGREEMENT} (version 1.0)`).count()).toBe(1);
    await checkPage(page, "46-verify");
    await page.getByRole("textbox", { name: "Verification reference" }).fill("AAAA-BBBB-CCCC-DDDD-EEEE");
    await page.getByRole("button", { name: "Check" }).click();
    await expect.poll(() => page.getByText("Not found", { exact: true }).count()).toBe(1);

    // Compliance: everyone asked has signed.
    await page.goto(`${accord.url}/`);
    await page.getByRole("link", { name: "Compliance" }).click();
    await expect.poll(() => heading1(page)).toBe("Compliance");
    await expect.poll(() => page.getByText("100% signed").count()).toBe(1);
    const row = page.getByRole("row").filter({ hasText: HEAD.name });
    await expect.poll(() => row.getByText(/^Signed v1\.0 · \d+ \w{3} \d{4}$/).count()).toBe(1);
    await checkPage(page, "44-compliance");
    await page.getByRole("button", { name: `${HEAD.name}: signing history` }).click();
    await expect
      .poll(() => page.getByRole("dialog").getByText(`Verification reference: ${reference}`).count())
      .toBe(1);
    await page.keyboard.press("Escape");
    await page.context().close();
  });

  it("emails parents a single-use link that signs once and then shows the receipt", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    // A pupil and a parent with parental responsibility, from MIS exports.
    await callApi(
      page,
      "POST",
      "/people/import?kind=pupils",
      "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,DOB\nA123456789012,Elis,Abernant,Year 3,Rowan,14/02/2018\nB123456789012,Ffion,Pritchard,Year 1,Oak,01/03/2020\n",
      "text/csv",
    );
    await callApi(
      page,
      "POST",
      "/people/import?kind=contacts",
      "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN\nC100,Mererid,Abernant,mererid@home.test,Mother,1,Yes,A123456789012\nC101,Owain,Pritchard,owain@home.test,Father,1,Yes,B123456789012\n",
      "text/csv",
    );

    // A parents' agreement on the same published version, assigned to parents.
    const { policies } = await callApi<{ policies: { id: string; published: { id: string } | null }[] }>(
      page,
      "GET",
      "/policies",
    );
    const version = policies.find((p) => p.id === policyId)?.published?.id;
    const agreement = await callApi<{ id: string }>(page, "POST", "/agreements", {
      policyVersionId: version,
      title: PARENT_AGREEMENT,
      audience: "parents",
      declaration: "I have read this agreement with my child and we will follow it at home and at school.",
      choices: [
        {
          key: "photo",
          label: "I agree to photographs of my child being used by the school",
          options: ["agree", "disagree"],
        },
      ],
      parentMode: "per_child",
    });
    await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["parent"],
      dueDate: DUE,
    });

    // Email the links from the manage page.
    await page.goto(`${accord.url}/agreements`);
    await expect.poll(() => page.getByRole("heading", { name: PARENT_AGREEMENT }).count()).toBe(1);
    await checkPage(page, "45-agreements-admin");
    await page.getByRole("button", { name: `Email signing links: ${PARENT_AGREEMENT}` }).click();
    // The confirmation says how many emails will go before any is sent.
    await expect.poll(() => page.getByRole("dialog").getByText("This will email 2 links.").count()).toBe(1);
    await checkPage(page, "44-send-links-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "Send links" }).click();
    await expect
      .poll(() => page.getByText("2 signing links queued in the outbox — no mail server is set up").count())
      .toBe(1);

    const outbox = await callApi<{ messages: { to: string; body: string }[] }>(page, "GET", "/mail/outbox");
    const mail = outbox.messages.find((m) => m.to === "mererid@home.test" && /\/sign\//.test(m.body));
    const link = mail?.body.match(/https?:\/\/\S+\/sign\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeTruthy();
    const owainMail = outbox.messages.find((m) => m.to === "owain@home.test" && /\/sign\//.test(m.body));
    const owainLink = owainMail?.body.match(/https?:\/\/\S+\/sign\/[A-Za-z0-9_-]+/)?.[0];
    expect(owainLink).toBeTruthy();
    await page.context().close();

    // The parent opens the link with no account and no cookies.
    const parent = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await parent.goto(link!);
    await expect.poll(() => heading1(parent)).toBe(PARENT_AGREEMENT);
    await expect.poll(() => parent.getByText("For Elis Abernant").count()).toBe(1);
    await expect.poll(() => parent.getByRole("navigation").count()).toBe(0);
    await expect.poll(() => parent.getByLabel("Full name").inputValue()).toBe("Mererid Abernant");
    await checkPage(parent, "42-parent-sign");
    await parent.getByRole("radio", { name: "I agree", exact: true }).check();
    // An optional drawn signature, with the mouse.
    await parent.locator("canvas").scrollIntoViewIfNeeded();
    const pad = await parent.locator("canvas").boundingBox();
    await parent.mouse.move(pad!.x + 40, pad!.y + 100);
    await parent.mouse.down();
    await parent.mouse.move(pad!.x + 120, pad!.y + 60, { steps: 5 });
    await parent.mouse.move(pad!.x + 220, pad!.y + 120, { steps: 5 });
    await parent.mouse.up();
    await expect.poll(() => parent.getByText("Your drawing will be added to your receipt.").count()).toBe(1);
    await parent.getByRole("button", { name: "Sign", exact: true }).click();
    await expect.poll(() => parent.getByRole("heading", { name: "Signed – thank you" }).count()).toBe(1);
    await expect.poll(() => parent.getByText(/We have emailed you a copy/).count()).toBe(1);
    await checkPage(parent, "43-parent-signed");
    // The link is the parent's way back to their own receipt.
    const [receipt] = await Promise.all([
      parent.waitForEvent("download"),
      parent.getByRole("link", { name: "Download your receipt – keep your own copy" }).click(),
    ]);
    const receiptPath = await receipt.path();
    expect(readFileSync(receiptPath!).subarray(0, 5).toString()).toBe("%PDF-");

    // Opening it again says when it was answered: never a new form, nor the name or answers given.
    await parent.reload();
    await expect.poll(() => parent.getByText("This link has already been used").count()).toBe(1);
    expect(await parent.getByRole("button", { name: "Sign", exact: true }).count()).toBe(0);
    expect(await parent.getByRole("heading", { name: "Signed – thank you" }).count()).toBe(0);
    await expectNoHorizontalOverflow(parent);
    await parent.context().close();

    // Another parent declines instead, saying why, on a phone.
    const father = await newPage(browser, PHONE);
    await father.goto(owainLink!);
    await expect.poll(() => father.getByText("For Ffion Pritchard").count()).toBe(1);
    await father.getByRole("button", { name: "Decline…" }).click();
    const dialog = father.getByRole("dialog");
    await dialog
      .getByLabel("Your reason")
      .fill("We would like to talk to Ffion's teacher about photographs first.");
    await checkPage(father, "46-parent-decline-dialog");
    await dialog.getByRole("button", { name: "Decline agreement" }).click();
    await expect.poll(() => father.getByText("You have declined this agreement").count()).toBe(1);
    await expect.poll(() => father.getByText(/talk to Ffion's teacher/).count()).toBe(1);
    await checkPage(father, "47-parent-declined");
    // Opened again, the link says only that it was declined and when: not the reason, nor the child.
    await father.reload();
    await expect.poll(() => father.getByText(/was declined through this link on/).count()).toBe(1);
    expect(await father.getByText(/talk to Ffion's teacher/).count()).toBe(0);
    expect(await father.getByText("For Ffion Pritchard").count()).toBe(0);
    expect(await father.getByRole("button", { name: "Sign", exact: true }).count()).toBe(0);
    await expectNoHorizontalOverflow(father);
    await father.context().close();
  });

  it("shows what changed when a new version must be signed again", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    const next = await callApi<{ id: string }>(page, "POST", `/policies/${policyId}/versions`, {
      bump: "major",
      summary: "Reporting changed.",
    });
    await callApi(page, "PATCH", `/policies/${policyId}/versions/${next.id}`, {
      statements: [
        STATEMENTS[0],
        "I will report any online-safety concern to the DSL straight away.",
        STATEMENTS[2],
      ],
    });
    await callApi(page, "POST", `/policies/${policyId}/versions/${next.id}/publish`);

    await page.goto(`${accord.url}/agreements/sign`);
    await page.getByRole("link", { name: STAFF_AGREEMENT, exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "What changed since you signed version 1.0" }).count())
      .toBe(1);
    await expect.poll(() => page.locator("ins").filter({ hasText: "straight away" }).count()).toBe(1);
    await expect.poll(() => page.locator("del").filter({ hasText: "the same day" }).count()).toBe(1);
    // The policy's own note of what changed, and a way to read the policy whole.
    await expect.poll(() => page.getByText("Reporting changed.").count()).toBe(1);
    await expect.poll(() => page.getByRole("link", { name: `Read ${POLICY} in full` }).count()).toBe(1);
    await checkPage(page, "48-resign-changes");

    // This time the head declines, saying why — with the signing form already filled in, which
    // must not be submitted along with the decline.
    await page.getByRole("textbox", { name: "Job title" }).fill("Headteacher");
    await page.getByRole("radio", { name: "I agree", exact: true }).check();
    await page.getByRole("button", { name: "Decline…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Decline agreement" }).click();
    await expect.poll(() => dialog.getByText("Say briefly why you are declining").count()).toBe(1);
    // The cursor goes to the reason asked for, not to the page behind the dialog.
    await expect
      .poll(() => dialog.getByLabel("Your reason").evaluate((el) => el === document.activeElement))
      .toBe(true);
    await dialog
      .getByLabel("Your reason")
      .fill("I want to discuss the new reporting rule with the DSL first.");
    await dialog.getByRole("button", { name: "Decline agreement" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "You have declined this agreement" }).count())
      .toBe(1);
    const onVersion2 = (
      await callApi<{ signatures: { kind: string; versionNumber: string }[] }>(page, "GET", "/me/signatures")
    ).signatures.filter((s) => s.versionNumber === "2.0");
    expect(onVersion2.map((s) => s.kind)).toEqual(["declined"]);
    await page.context().close();

    // On a phone each person is a card listing their agreements; the page never scrolls sideways.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/compliance`);
    await expect.poll(() => phone.getByRole("table").count()).toBe(0);
    await expect.poll(() => phone.getByText("Declined", { exact: true }).count()).toBeGreaterThan(0);
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  it("shows a headteacher who is covered, which children are not, the answers given, and the visitors' register", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    // A home–school agreement and a visitors' agreement, each with a photo question.
    await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
      title: "Home, school and visitors",
      audiences: ["parent", "visitor"],
    });
    const versionId = policy.versions[0].id;
    await callApi(page, "PATCH", `/policies/${policy.id}/versions/${versionId}`, {
      content: "# Home, school and visitors\n\nHow families and guests help keep pupils safe online.",
      statements: ["We will talk with our child about staying safe online.", "I will wear my visitor badge."],
    });
    await callApi(page, "POST", `/policies/${policy.id}/versions/${versionId}/publish`);
    const home = await callApi<{ id: string }>(page, "POST", "/agreements", {
      policyVersionId: versionId,
      title: "Home–school photo agreement",
      audience: "parents",
      declaration: "We have read these rules together and will keep to them.",
      choices: [
        { key: "website", label: "Photos of my child on the school website", options: ["yes", "no"] },
      ],
    });
    const guests = await callApi<{ id: string }>(page, "POST", "/agreements", {
      policyVersionId: versionId,
      title: "Visitor sign-in agreement",
      audience: "visitors",
      declaration: "I will follow the school's safeguarding rules during my visit.",
      choices: [{ key: "photo", label: "Photos of me at school events", options: ["agree", "disagree"] }],
    });
    // Gwen has two parents; Tomos has a grandmother the school has no email for.
    await callApi(
      page,
      "POST",
      "/people/import?kind=pupils",
      "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,DOB\nC223456789012,Gwen,Morgan,Year 2,Willow,11/05/2019\nD223456789012,Tomos,Rees,Year 2,Willow,02/09/2019\n",
      "text/csv",
    );
    await callApi(
      page,
      "POST",
      "/people/import?kind=contacts",
      "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN\nC200,Sioned,Morgan,sioned@home.test,Mother,1,Yes,C223456789012\nC201,Iolo,Morgan,iolo@home.test,Father,2,Yes,C223456789012\nC202,Beti,Rees,,Grandmother,1,Yes,D223456789012\n",
      "text/csv",
    );
    await callApi(page, "POST", `/agreements/${home.id}/assignments`, { kinds: ["parent"], dueDate: DUE });
    await callApi(page, "POST", `/agreements/${home.id}/parent-links`);
    const outbox = await callApi<{ messages: { to: string; subject: string; body: string }[] }>(
      page,
      "GET",
      "/mail/outbox",
    );
    const mail = outbox.messages.find((m) => m.to === "sioned@home.test" && /\/sign\//.test(m.body));
    const token = mail!.body.match(/\/sign\/([A-Za-z0-9_-]+)/)![1];
    const open = await callApi<{ agreement: { textSha256: string } }>(page, "GET", `/sign/${token}`);
    await callApi(page, "POST", `/sign/${token}`, {
      fullName: "Sioned Morgan",
      choices: { website: "no" },
      textSha256: open.agreement.textSha256,
    });

    // A visitor signs at the reception kiosk (the tablet has no cookie: its token is its key).
    const kiosk = await callApi<{ code: string }>(page, "POST", "/kiosks", {
      agreementId: guests.id,
      deviceName: "Reception iPad",
    });
    const tablet = (path: string, body?: unknown, token?: string) =>
      fetch(`${accord.url}/api/v1${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json", ...(token ? { "x-kiosk-token": token } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json());
    const { token: kioskToken } = await tablet("/kiosk/start", { code: kiosk.code });
    const { agreement: shown } = await tablet("/kiosk/agreement", undefined, kioskToken);
    await tablet(
      "/kiosk/signatures",
      {
        fullName: "Rhian Pritchard-Jones",
        organisation: "Valley Reading Trust",
        visiting: "Year 2 class",
        choices: { photo: "disagree" },
        textSha256: shown.textSha256,
      },
      kioskToken,
    );

    // The compliance view: Iolo is covered by Sioned's signature (never "Signed"), the answer
    // shows in words, and Tomos is listed as not covered with his grandmother and no email.
    await page.goto(`${accord.url}/compliance`);
    await expect.poll(() => page.getByText("Covered by Sioned Morgan's signature").count()).toBe(1);
    await expect
      .poll(() =>
        page.getByRole("columnheader", { name: "Photos of my child on the school website" }).count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByRole("heading", { name: "Children not yet covered" }).count()).toBe(1);
    // Every child whose carers were asked and who has no carer's signature is listed (earlier
    // journeys' children too); Gwen, covered by her mother, is not.
    await expect
      .poll(() => page.getByRole("heading", { level: 3 }).allTextContents())
      .toContainEqual(
        expect.stringMatching(/^Home–school photo agreement: \d+ child(ren)? not yet covered$/),
      );
    await expect.poll(() => page.getByRole("rowheader", { name: "Tomos Rees" }).count()).toBe(1);
    expect(await page.getByRole("rowheader", { name: "Gwen Morgan" }).count()).toBe(0);
    await expect.poll(() => page.getByText("Beti Rees (Grandmother)").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("1 visitor signed this term").count()).toBe(1);
    expect(await page.getByText("0 of 0 signed").count()).toBe(0);
    await checkPage(page, "60-compliance-covered-and-choices");

    await page.getByRole("link", { name: "Visitors' register" }).first().click();
    await expect.poll(() => heading1(page)).toBe("Visitors' register");
    await expect.poll(() => page.getByRole("rowheader", { name: /Rhian Pritchard-Jones/ }).count()).toBe(1);
    // The table (and, for phones, the same rows as cards) show the answer in words, and the kiosk.
    await expect.poll(() => page.getByRole("cell", { name: /I do not agree/ }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole("cell", { name: /Reception iPad · opened .* by Ada Okafor/ }).count())
      .toBe(1);
    await checkPage(page, "61-visitors-register");
    await page.context().close();

    // The same pages on a phone: nothing scrolls sideways, the register is a list of cards.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/compliance`);
    await expect.poll(() => phone.getByText("Covered by Sioned Morgan's signature").count()).toBe(1);
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "62-compliance-phone");
    await phone.goto(`${accord.url}/compliance/visitors`);
    // On a phone the register's rows are cards (the table is there for wider screens only).
    await expect
      .poll(() => phone.getByRole("listitem").filter({ hasText: "Rhian Pritchard-Jones" }).isVisible())
      .toBe(true);
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "63-visitors-register-phone");
    await phone.context().close();
  });
});
