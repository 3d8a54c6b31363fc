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
} from "./harness.js";

const HEAD = {
  school: "Ysgol Gymraeg Bro Taf",
  name: "Nia Prosser",
  email: "pennaeth@brotaf.test",
  password: "tegell-dol-llusern-42",
};

const POLICY = "Polisi diogelwch ar-lein";
const AGREEMENT = "Cytundeb defnydd derbyniol staff";

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** Sign in through the Welsh form. */
async function mewngofnodi(page: Page) {
  await page.getByLabel("E-bost").fill(HEAD.email);
  await page.getByRole("textbox", { name: "Cyfrinair", exact: true }).fill(HEAD.password);
  await page.getByRole("button", { name: "Mewngofnodi" }).click();
  // The head has no two-step sign-in yet: the security page first, in Welsh, and "not now" within the grace.
  await expect.poll(() => new URL(page.url()).pathname).toBe("/security");
  await page.getByRole("button", { name: /^Nid nawr/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe("/");
}

describe("Accord in Welsh", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("switches to Cymraeg on the sign-in page and stays in Welsh on Home, Agreements and Policies", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${accord.url}/sign-in`);
    // An English browser starts in English, with the way to Welsh written in Welsh.
    await expect.poll(() => heading1(page)).toBe("Sign in");
    expect(await htmlLang(page)).toBe("en-GB");
    await page.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => heading1(page)).toBe("Mewngofnodi");
    expect(await htmlLang(page)).toBe("cy");
    await expect.poll(() => page.getByRole("button", { name: "English" }).getAttribute("lang")).toBe("en-GB");
    await checkPage(page, "90-cy-sign-in");
    await mewngofnodi(page);

    // A published policy with a review date, and an agreement for staff to sign by a date.
    await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
      title: POLICY,
      audiences: ["staff"],
      nextReviewDue: "2031-09-01",
    });
    const draft = policy.versions[0].id;
    await callApi(page, "PATCH", `/policies/${policy.id}/versions/${draft}`, {
      content: "# Diogelwch ar-lein\n\nSut mae pawb yn yr ysgol yn cadw'n ddiogel ar-lein.",
      statements: ["Byddaf yn cadw fy nghyfrinair i mi fy hun.", "Byddaf yn rhoi gwybod am unrhyw bryder."],
    });
    await callApi(page, "POST", `/policies/${policy.id}/versions/${draft}/publish`);
    const agreement = await callApi<{ id: string }>(page, "POST", "/agreements", {
      policyVersionId: draft,
      title: AGREEMENT,
      audience: "staff",
      declaration: "Rwyf wedi darllen a deall y cytundeb hwn a byddaf yn cadw ato.",
    });
    await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "2031-09-30",
    });

    // Home, after a reload: the choice is remembered and <html lang> is Welsh from the start.
    await page.reload();
    await expect.poll(() => heading1(page)).toBe("Beth sydd angen eich sylw");
    expect(await htmlLang(page)).toBe("cy");
    await expect
      .poll(() => page.getByRole("heading", { name: "Mae gennych 1 cytundeb i'w lofnodi" }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole("link", { name: "Hafan" }).count()).toBe(1);
    await checkPage(page, "91-cy-home");

    await page.getByRole("link", { name: "Cytundebau", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/agreements/sign");
    await expect.poll(() => heading1(page)).toBe("Cytundebau");
    await expect.poll(() => page.getByRole("heading", { name: "Cytundebau i'w llofnodi" }).count()).toBe(1);
    // Dates follow the language, in London time.
    await expect.poll(() => page.getByText("Erbyn 30 Medi 2031").count()).toBe(1);
    await checkPage(page, "92-cy-agreements");

    await page.getByRole("navigation").getByRole("link", { name: "Rheoli cytundebau" }).click();
    await expect.poll(() => heading1(page)).toBe("Rheoli cytundebau");
    await expect.poll(() => page.getByText("0 o 1 wedi llofnodi (0%)").count()).toBe(1);
    await checkPage(page, "93-cy-manage-agreements");

    await page.getByRole("navigation").getByRole("link", { name: "Polisïau" }).click();
    await expect.poll(() => heading1(page)).toBe("Polisïau");
    await expect.poll(() => page.getByText(/^1 polisi, /).count()).toBe(1);
    await expect.poll(() => page.getByText(/1 Medi 2031/).count()).toBeGreaterThan(0);
    await checkPage(page, "94-cy-policies");

    await page.getByRole("link", { name: POLICY }).first().click();
    await expect.poll(() => heading1(page)).toBe(POLICY);
    await expect.poll(() => page.getByRole("heading", { name: "Hanes fersiynau" }).count()).toBe(1);
    await checkPage(page, "95-cy-policy");

    // Back to English from the header, and the choice is remembered.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Version history" }).count()).toBe(1);
    expect(await htmlLang(page)).toBe("en-GB");
    await page.reload();
    await expect.poll(() => heading1(page)).toBe(POLICY);
    expect(await htmlLang(page)).toBe("en-GB");
    await expect.poll(() => page.getByRole("button", { name: "Cymraeg" }).count()).toBe(1);
    await page.close();
  });

  it("starts in Welsh for a Welsh browser, fits a phone, and offers English on the public pages", async () => {
    const phone = await newPage(browser, { ...PHONE, locale: "cy-GB" });
    await phone.goto(`${accord.url}/sign-in`);
    await expect.poll(() => heading1(phone)).toBe("Mewngofnodi");
    expect(await htmlLang(phone)).toBe("cy");
    await mewngofnodi(phone);
    await expect.poll(() => heading1(phone)).toBe("Beth sydd angen eich sylw");
    await checkPage(phone, "96-cy-home-mobile");
    await expectNoHorizontalOverflow(phone);

    await phone.getByRole("button", { name: "Agor y ddewislen" }).click();
    await phone.getByRole("link", { name: "Polisïau" }).click();
    await expect.poll(() => heading1(phone)).toBe("Polisïau");
    await checkPage(phone, "97-cy-policies-mobile");
    await expectNoHorizontalOverflow(phone);

    // The parent's signing link (here one that is not recognised) and the reception kiosk.
    await phone.goto(`${accord.url}/sign/this-link-is-not-a-real-one-1234`);
    await expect
      .poll(() => phone.getByText(/Nid yw'r ddolen hon yn ddilys. Gofynnwch i'r ysgol am un newydd./).count())
      .toBe(1);
    await expect.poll(() => phone.getByRole("button", { name: "English" }).count()).toBe(1);
    await checkPage(phone, "98-cy-parent-link-mobile");
    await expectNoHorizontalOverflow(phone);

    await phone.goto(`${accord.url}/kiosk`);
    await expect.poll(() => heading1(phone)).toBe("Sefydlu'r ciosg hwn");
    await checkPage(phone, "99-cy-kiosk-mobile");
    await expectNoHorizontalOverflow(phone);
    await phone.getByRole("button", { name: "English" }).click();
    await expect.poll(() => heading1(phone)).toBe("Set up this kiosk");
    expect(await htmlLang(phone)).toBe("en-GB");
    await phone.close();
  });

  it("runs the reception kiosk and the class device in Welsh, chosen on the device itself", async () => {
    const admin = await newPage(browser, { locale: "cy-GB" });
    await admin.goto(`${accord.url}/sign-in`);
    await mewngofnodi(admin);
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(admin, "POST", "/policies", {
      title: "Ymwelwyr, disgyblion a'r rhyngrwyd",
      audiences: ["visitor", "pupil"],
    });
    const draft = policy.versions[0].id;
    await callApi(admin, "PATCH", `/policies/${policy.id}/versions/${draft}`, {
      content: "# Cadw'n ddiogel\n\nSut mae ymwelwyr a disgyblion yn helpu i gadw'r ysgol yn ddiogel.",
      statements: ["Byddaf yn gwisgo fy mathodyn ymwelydd.", "Byddaf yn gofyn i oedolyn cyn mynd ar-lein."],
    });
    await callApi(admin, "POST", `/policies/${policy.id}/versions/${draft}/publish`);
    const visitors = await callApi<{ id: string }>(admin, "POST", "/agreements", {
      policyVersionId: draft,
      title: "Cytundeb ymwelwyr",
      audience: "visitors",
      declaration: "Rwyf wedi darllen y rheolau hyn a byddaf yn eu dilyn tra byddaf yn yr ysgol.",
      choices: [
        {
          key: "photo",
          label: "Rwy'n hapus i'm llun ymddangos ar y bwrdd ymwelwyr",
          options: ["agree", "disagree"],
        },
      ],
    });
    const pupils = await callApi<{ id: string }>(admin, "POST", "/agreements", {
      policyVersionId: draft,
      title: "Ein haddewid diogelwch ar-lein",
      audience: "pupils",
      declaration: "Byddaf yn gwneud fy ngorau i gadw'r addewidion hyn yn yr ysgol ac adref.",
    });
    await callApi(
      admin,
      "POST",
      "/people/import?kind=pupils",
      "UPN,Legal Forename,Legal Surname,Year Group,Reg Group\nP200000000001,Gwenllian,Tudur,Year 4,Derw\nP200000000002,Rhodri,Llwyd,Year 4,Derw\n",
      "text/csv",
    );
    const kiosk = await callApi<{ code: string }>(admin, "POST", "/kiosks", { agreementId: visitors.id });
    const session = await callApi<{ token: string }>(admin, "POST", "/class-sessions", {
      agreementId: pupils.id,
      regGroup: "Derw",
    });

    // The reception tablet starts in English (an English browser); a visitor switches it to Welsh.
    const tablet = await newPage(browser, { viewport: { width: 820, height: 1180 }, hasTouch: true });
    await tablet.goto(`${accord.url}/kiosk`);
    await expect.poll(() => heading1(tablet)).toBe("Set up this kiosk");
    await tablet.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Sefydlu'r ciosg hwn");
    await tablet.getByRole("textbox", { name: "Cod y ciosg" }).fill(kiosk.code);
    await tablet.getByRole("button", { name: "Dechrau'r ciosg" }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Croeso i ${HEAD.school}`);
    await checkPage(tablet, "100-cy-kiosk-welcome");
    await tablet.getByRole("button", { name: "Dechrau", exact: true }).click();
    await expect.poll(() => heading1(tablet)).toBe("Amdanoch chi");
    await tablet.getByRole("textbox", { name: "Eich enw llawn" }).fill("Megan Tregaron");
    await tablet.getByRole("textbox", { name: "Eich sefydliad" }).fill("Gwasanaethau TG Cwm");
    await tablet.getByRole("button", { name: "Nesaf" }).click();
    await expect.poll(() => tablet.getByText("Teipiwch pwy rydych chi'n ymweld â nhw").count()).toBe(1);
    await checkPage(tablet, "101-cy-kiosk-about-error");
    await tablet.getByRole("textbox", { name: "Pwy ydych chi'n ymweld â nhw?" }).fill("Mr Bryn Garside");
    await tablet.getByRole("button", { name: "Nesaf" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Darllen y cytundeb");
    await tablet.getByRole("radio", { name: "Rwy'n cytuno" }).check();
    await checkPage(tablet, "102-cy-kiosk-agreement");
    await tablet.getByRole("button", { name: "Nesaf" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Llofnodi");
    // The name given on the first step is the signature: it is not asked for again.
    await expect.poll(() => tablet.getByText("Rydych chi'n llofnodi fel Megan Tregaron").count()).toBe(1);
    await tablet.getByRole("button", { name: "Llofnodi", exact: true }).click();
    await expect.poll(() => heading1(tablet)).toBe("Diolch, Megan");
    await expect.poll(() => tablet.getByText(/clirio ei hun mewn \d+ eiliad/).count()).toBe(1);
    await checkPage(tablet, "103-cy-kiosk-done");

    // The class's shared device, in the same (now Welsh) browser.
    await tablet.goto(`${accord.url}/class/${session.token}`);
    await expect.poll(() => heading1(tablet)).toBe("Chwilia am dy enw");
    expect(await htmlLang(tablet)).toBe("cy");
    await checkPage(tablet, "104-cy-class-names");
    await tablet.getByRole("button", { name: "Gwenllian T." }).click();
    await expect.poll(() => heading1(tablet)).toBe("Helo, Gwenllian T.");
    await tablet.getByRole("textbox", { name: "Teipia dy enw" }).fill("Gwenllian Tudur");
    await checkPage(tablet, "105-cy-class-pledge");
    await tablet.getByRole("button", { name: "Rwy'n addo" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Da iawn, Gwenllian!");
    await tablet.setViewportSize(PHONE.viewport);
    await expect.poll(() => heading1(tablet), { timeout: 10_000 }).toBe("Chwilia am dy enw");
    await expectNoHorizontalOverflow(tablet);
    await checkPage(tablet, "106-cy-class-names-mobile");
    await tablet.close();
    await admin.close();
  });
});
