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
  school: "Ysgol y Bryn",
  name: "Ada Okafor",
  email: "head@bryn.test",
  password: "kettle-meadow-lantern-42",
};
const AGREEMENT = "Home–school digital agreement";
const QUESTION = "Photos of my child may appear in the newsletter";

// Four children as the MIS gives them: Gwen's mother can be emailed (her grandmother holds no
// parental responsibility); Tomos's father has no email; Nia's only contact is an aunt without
// parental responsibility; Ifan has no contact on record.
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T100000000001,Gwen,Morgan,3,3A",
  "T100000000002,Tomos,Price,3,3A",
  "T100000000003,Nia,Hughes,3,3B",
  "T100000000004,Ifan,Lloyd,3,3B",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T100000000001",
  "K2,Elen,Morgan,elen@cartref.test,Grandmother,2,No,T100000000001",
  "K3,Rhys,Price,,Father,1,Yes,T100000000002",
  "K4,Carys,Hughes,carys@cartref.test,Aunt,1,No,T100000000003",
].join("\n");

async function setUpParentsAgreement(page: Page) {
  await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
  const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
    title: "Home and school",
    audiences: ["parent"],
  });
  const version = policy.versions[0].id;
  await callApi(page, "PATCH", `/policies/${policy.id}/versions/${version}`, {
    content: "# Home and school\n\nHow families and the school keep children safe online.",
    statements: [
      "We will talk with our child about staying safe online.",
      "We will keep the school's devices in good order.",
    ],
  });
  await callApi(page, "POST", `/policies/${policy.id}/versions/${version}/publish`);
  const agreement = await callApi<{ id: string }>(page, "POST", "/agreements", {
    policyVersionId: version,
    title: AGREEMENT,
    audience: "parents",
    declaration: "I have read this with my child.",
    choices: [{ key: "photos", label: QUESTION, options: ["Yes", "No"] }],
  });
  await callApi(page, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
  await callApi(page, "POST", "/people/import?kind=contacts&dryRun=false", CONTACTS, "text/csv");
  await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
    kinds: ["parent"],
    dueDate: "2031-07-15",
  });
}

describe("parents reached the right way: links to carers with parental responsibility, paper for the rest", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("shows who cannot be reached before sending, sends honestly, and records a printed form", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await setUpParentsAgreement(page);

    await page.getByRole("link", { name: "Manage agreements" }).click();
    await expect.poll(() => page.getByRole("heading", { name: AGREEMENT }).count()).toBe(1);

    // Before sending: one link (Gwen's mother), and the list of who a link cannot reach.
    await page.getByRole("button", { name: `Email signing links: ${AGREEMENT}` }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("This will email 1 link.").count()).toBe(1);
    await expect.poll(() => dialog.getByText("Carer without an email address (1)").count()).toBe(1);
    expect(await dialog.getByText("Rhys Price, for Tomos Price").count()).toBe(1);
    expect(await dialog.getByText("Children no link can reach (3)").count()).toBe(1);
    expect(await dialog.getByText(/Nia Hughes \(3B\) — no carer with parental responsibility/).count()).toBe(
      1,
    );
    expect(await dialog.getByText(/2 people asked hold no parental responsibility/).count()).toBe(1);
    expect(await dialog.getByText(/links will wait in the mail outbox/).count()).toBe(1);
    expect(
      await dialog
        .getByRole("link", { name: "Download forms for every child no link can reach (PDF)" })
        .count(),
    ).toBe(1);
    await checkPage(page, "parents-links-before-sending");
    await dialog.getByRole("button", { name: "Send links" }).click();
    await expect
      .poll(() => page.getByText("1 signing link queued in the outbox — no mail server is set up").count())
      .toBe(1);

    // Tomos's father signs a printed form; the office records it.
    await page.getByRole("button", { name: `Printed forms: ${AGREEMENT}` }).click();
    const paper = page.getByRole("dialog");
    await paper.getByRole("combobox", { name: "Child" }).click();
    await page.getByRole("option", { name: "Tomos Price (3A)" }).click();
    await paper.getByRole("radio", { name: "Rhys Price (Father)" }).check();
    await expect
      .poll(() => paper.getByRole("textbox", { name: "Name written on the form" }).inputValue())
      .toBe("Rhys Price");
    await paper.getByRole("radio", { name: "No", exact: true }).check();
    expect(await paper.getByRole("link", { name: "Download a form for Tomos Price (PDF)" }).count()).toBe(1);
    await checkPage(page, "parents-record-paper-form");
    await paper.getByRole("button", { name: "Record form" }).click();
    await expect.poll(() => page.getByText(`Form recorded for Tomos Price: ${AGREEMENT}`).count()).toBe(1);

    // Tomos is covered now: off the list before the next sending.
    await page.getByRole("button", { name: `Email signing links: ${AGREEMENT}` }).click();
    await expect
      .poll(() => page.getByRole("dialog").getByText("Children no link can reach (2)").count())
      .toBe(1);
    expect(
      await page
        .getByRole("dialog")
        .getByText(/Carers? without an email address/)
        .count(),
    ).toBe(0);
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  });

  it("fits a phone: the list before sending and the printed-form dialog", async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/agreements`);
    await expect.poll(() => page.getByRole("heading", { name: AGREEMENT }).count()).toBe(1);
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "parents-agreements-phone");

    await page.getByRole("button", { name: `Email signing links: ${AGREEMENT}` }).click();
    await expect
      .poll(() => page.getByRole("dialog").getByText("Children no link can reach (2)").count())
      .toBe(1);
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "parents-links-before-sending-phone");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: `Printed forms: ${AGREEMENT}` }).click();
    const paper = page.getByRole("dialog");
    await paper.getByRole("combobox", { name: "Child" }).click();
    await page.getByRole("option", { name: "Nia Hughes (3B)" }).click();
    await paper.getByRole("radio", { name: "Someone else with parental responsibility" }).check();
    await paper.getByRole("textbox", { name: "Name written on the form" }).fill("Meinir Hughes");
    await paper.getByRole("radio", { name: "Yes", exact: true }).check();
    await expectNoHorizontalOverflow(page);
    await checkPage(page, "parents-record-paper-form-phone");
    await paper.getByRole("button", { name: "Record form" }).click();
    await expect.poll(() => page.getByText(`Form recorded for Nia Hughes: ${AGREEMENT}`).count()).toBe(1);
  });

  it("invites every member of staff without an account in one go, and says the mail only waits in the outbox", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    for (const [givenName, email] of [
      ["Cerys", "cerys@bryn.test"],
      ["Dylan", "dylan@bryn.test"],
      ["Efa", null],
    ])
      await callApi(page, "POST", "/people", {
        givenName,
        familyName: "Athro",
        kinds: ["staff"],
        ...(email ? { email } : {}),
      });
    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("button", { name: "Invite everyone without an account" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("This will invite 2 people.").count()).toBe(1);
    expect(await dialog.getByText("Efa Athro").count()).toBe(1);
    await checkPage(page, "people-bulk-invite");
    await dialog.getByRole("button", { name: "Send invitations" }).click();
    await expect
      .poll(() => page.getByText("2 invitations queued in the outbox — no mail server is set up").count())
      .toBe(1);

    // On a phone the directory's buttons wrap; the dialog fits.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/people?kind=staff`);
    await phone.getByRole("button", { name: "Invite this list" }).click();
    await expect
      .poll(() =>
        phone.getByRole("dialog").getByText("Nobody in this list is waiting for an invitation.").count(),
      )
      .toBe(1);
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "people-bulk-invite-phone");
  });
});
