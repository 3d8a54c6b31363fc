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
  school: "Ysgol Glan y Môr",
  name: "Ada Okafor",
  email: "head@glanymor.test",
  password: "kettle-meadow-lantern-42",
};
const TEACHER = { email: "cerys@glanymor.test", password: "orchard-violin-harbour-17" };

// A tiny but real PDF: the server checks a certificate's first bytes, not its name.
const CERTIFICATE = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** A member of staff invited by email, who chooses a password through the emailed link. */
async function addStaff(
  head: Page,
  browser: Browser,
  accord: RunningAccord,
  who: { givenName: string; familyName: string; email: string; password: string; department: string },
) {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: who.givenName,
    familyName: who.familyName,
    kinds: ["staff"],
    email: who.email,
    jobTitle: "Class teacher",
    department: who.department,
  });
  await callApi(head, "POST", `/people/${person.id}/invite`);
  const outbox = await callApi<{ messages: { to: string; body: string }[] }>(head, "GET", "/mail/outbox");
  const invite = outbox.messages
    .find((m) => m.to === who.email)
    ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  expect(invite).toBeTruthy();
  const anon = await newPage(browser);
  await anon.goto(`${accord.url}/sign-in`);
  await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: who.password });
  await anon.context().close();
  return person.id;
}

async function chooseOption(page: Page, label: string, option: string) {
  await page
    .getByRole("textbox", { name: label, exact: true })
    .or(page.getByRole("combobox", { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("training: an INSET recorded for the room, and a teacher's own course with its certificate", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("the head records an INSET from a pasted sign-in sheet, and the matrix shows everyone in date", async () => {
    const head = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await addStaff(head, browser, accord, {
      givenName: "Cerys",
      familyName: "Athro",
      department: "Year 3",
      ...TEACHER,
    });
    for (const [givenName, familyName, department] of [
      ["Huw", "Parry", "Year 4"],
      ["Mali", "Rowlands", "Year 4"],
    ])
      await callApi(head, "POST", "/people", {
        givenName,
        familyName,
        kinds: ["staff"],
        email: `${givenName.toLowerCase()}@glanymor.test`,
        jobTitle: "Teaching assistant",
        department,
      });

    await head.goto(`${accord.url}/training/record`);
    await expect.poll(() => head.getByRole("heading", { name: "Record an INSET" }).count()).toBe(1);
    await chooseOption(head, "Course", "Annual safeguarding update");
    await head.getByText("Paste a sign-in sheet", { exact: true }).click();
    await head
      .getByRole("textbox", { name: "Sign-in sheet" })
      .fill("1. Cerys Athro\nhuw@glanymor.test\nRowlands, Mali\nGareth the caretaker's visitor");
    await head.getByRole("button", { name: "Check the names" }).click();
    await expect.poll(() => head.getByText("Found 3, 0 to choose between, 1 not found.").count()).toBe(1);
    await checkPage(head, "training-inset-sheet");
    await head.getByRole("button", { name: "Record for 3 people" }).click();
    await expect.poll(() => head.getByText("Training recorded for 3 people.").count()).toBe(1);

    await head.getByRole("link", { name: "Open the training matrix" }).click();
    await expect.poll(() => head.getByRole("heading", { name: "Training matrix" }).count()).toBe(1);
    await chooseOption(head, "Course", "Annual safeguarding update");
    const rows = head.getByRole("row");
    for (const name of ["Cerys Athro", "Huw Parry", "Mali Rowlands"])
      await expect
        .poll(async () => (await rows.filter({ hasText: name }).textContent()) ?? "")
        .toMatch(/In date until/);
    // The head was not at this INSET: never done, in words.
    await expect
      .poll(async () => (await rows.filter({ hasText: "Ada Okafor" }).textContent()) ?? "")
      .toMatch(/Never done/);
    await checkPage(head, "training-matrix");

    await head.goto(`${accord.url}/training/courses`);
    await expect.poll(() => head.getByRole("heading", { name: "Courses" }).count()).toBe(1);
    await checkPage(head, "training-courses");
    await head.context().close();
  });

  it("a teacher on a phone records their own online safety course with its certificate", async () => {
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, TEACHER);
    await phone.goto(`${accord.url}/training`);
    await expect.poll(() => phone.getByRole("heading", { name: "My training" }).count()).toBe(1);
    const online = phone.getByRole("listitem").filter({ hasText: "Online safety" }).first();
    await expect.poll(async () => (await online.textContent()) ?? "").toMatch(/Never done/);

    await chooseOption(phone, "Course", "Online safety");
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await phone.getByLabel("Date completed").fill(yesterday);
    await phone.locator('input[type="file"]').setInputFiles({
      name: "online-safety-certificate.pdf",
      mimeType: "application/pdf",
      buffer: CERTIFICATE,
    });
    await phone.getByRole("button", { name: "Record it" }).click();
    await expect.poll(() => phone.getByText("Recorded. Your training page now shows it.").count()).toBe(1);
    await expect.poll(async () => (await online.textContent()) ?? "").toMatch(/In date until/);
    await expect
      .poll(() => phone.getByRole("link", { name: "Certificate: online-safety-certificate.pdf" }).count())
      .toBe(1);
    await checkPage(phone, "training-mine-phone");
    // A teacher has no matrix: the menu does not offer it and the page says so.
    await phone.goto(`${accord.url}/training/matrix`);
    await expect.poll(() => phone.getByRole("heading", { name: "Training matrix" }).count()).toBe(0);
    await phone.context().close();
  });
});
