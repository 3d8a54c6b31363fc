import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, closeSchool, newPage, openSchool, PHONE, type RunningAccord, signIn } from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

const TITLE = "Staff Laptop and Email Acceptable Use Policy";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function paragraph(text: string, style?: string) {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function cell(text: string) {
  return `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paragraph(text)}</w:tc>`;
}

function table(rows: string[][]) {
  const body = rows.map((row) => `<w:tr>${row.map(cell).join("")}</w:tr>`).join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>${body}</w:tbl>`;
}

/** A small Word document of our own: a title, some text, a version table and signable statements. */
async function buildPolicyDocx(): Promise<string> {
  const body = [
    paragraph(TITLE, "Heading1"),
    paragraph("Version control", "Heading2"),
    table([
      ["Version", "Date", "Summary of changes"],
      ["1.0", "01/09/2024", "First version"],
      ["1.1", "01/09/2025", "Annual review, email section updated"],
    ]),
    paragraph("Purpose", "Heading2"),
    paragraph(
      "This policy explains how staff at Oakfield use school laptops, email and the internet safely.",
    ),
    paragraph("It is reviewed every year by the governing body."),
    paragraph("Agreement", "Heading2"),
    paragraph("• I will lock my screen when I leave my desk."),
    paragraph("• I will only use my school email account for school business."),
    paragraph("• I will not share my passwords with anyone."),
    paragraph("• I understand that my use of school devices may be monitored."),
  ].join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  const file = path.join(os.tmpdir(), `accord-staff-aup-${process.pid}.docx`);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** The version's status as shown in its record ("About this version"). */
function versionStatus(page: Page) {
  return page
    .locator("dl > div")
    .filter({ has: page.getByText("Status", { exact: true }) })
    .locator("dd")
    .textContent();
}

/** Submit a version, approve it as the headteacher and publish it. */
async function approveAndPublish(page: Page) {
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect.poll(() => versionStatus(page)).toBe("Awaiting approval");
  // Approving and publishing each ask first, in a dialog.
  await page.getByRole("button", { name: "Approve as Headteacher" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Approve", exact: true }).click();
  await expect.poll(() => versionStatus(page)).toBe("Approved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
  await expect.poll(() => versionStatus(page)).toBe("Published");
}

describe("the policy library", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("imports a policy, approves and publishes it, revises it and shows what changed", async () => {
    const docx = await buildPolicyDocx();
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    // Only the headteacher approves in this school.
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("link", { name: "Policy approvals" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Who approves policy versions");
    const roles = page.getByRole("main").getByRole("checkbox");
    await expect.poll(() => roles.count()).toBeGreaterThan(5);
    for (const box of await roles.all()) await box.uncheck();
    await page.getByRole("checkbox", { name: "Headteacher", exact: true }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByText("Approvers saved").count()).toBeGreaterThan(0);

    // Import a Word document.
    await page.getByRole("link", { name: "Policies", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/policies");
    await page.getByRole("link", { name: "Import a document" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/policies/import");
    await page.locator('input[type="file"]').setInputFiles(docx);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/versions\/[0-9a-f-]{36}\/review$/);
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe(TITLE);
    await expect
      .poll(() => page.getByRole("textbox", { name: "Statement 1", exact: true }).inputValue())
      .toMatch(/lock my screen/);
    await checkPage(page, "30-policy-review");

    // Correct a statement and save.
    await page
      .getByRole("textbox", { name: "Statement 1", exact: true })
      .fill("I will lock my screen whenever I leave my desk, even briefly.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByText("Your corrections are saved").count()).toBeGreaterThan(0);

    // The policy and its draft.
    await page.getByRole("link", { name: "Go to the policy" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/policies\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    await page.getByRole("region", { name: "Version history" }).getByRole("link").first().click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/versions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText("even briefly").count()).toBeGreaterThan(0);
    await approveAndPublish(page);
    await checkPage(page, "31-policy-published");
    const firstVersionUrl = page.url();

    // A revision: change a word, then approve and publish again.
    await page.getByRole("link", { name: `Back to ${TITLE}` }).click();
    await page.getByRole("button", { name: "Start a new version" }).click();
    await page.getByRole("menuitem", { name: "Revision (minor changes)" }).click();
    await expect.poll(() => versionStatus(page)).toBe("Draft");
    expect(page.url()).not.toBe(firstVersionUrl);
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/\/edit$/);
    const text = page.getByLabel("Text (Markdown)");
    const before = await text.inputValue();
    expect(before).toContain("internet safely");
    await text.fill(before.replace("internet safely", "internet responsibly"));
    await page.getByLabel("Summary of changes").fill("Wording of the purpose clarified.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.getByText(/Version [\d.]+ saved/).count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: /^Back to version/ }).click();
    await expect.poll(() => page.getByText("internet responsibly").count()).toBeGreaterThan(0);
    await approveAndPublish(page);
    const mobileUrl = page.url();

    // What changed.
    await page.getByRole("link", { name: /Compare with previous version/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Changes from/);
    await expect.poll(() => page.locator("ins").filter({ hasText: "responsibly" }).count()).toBe(1);
    await expect.poll(() => page.locator("del").filter({ hasText: "safely" }).count()).toBe(1);
    await checkPage(page, "32-policy-diff");
    await page.getByText("Side by side", { exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 3 }).count()).toBeGreaterThanOrEqual(2);
    await checkPage(page, "33-policy-diff-side");

    // The library.
    await page.getByRole("link", { name: "Policies", exact: true }).click();
    await expect.poll(() => page.getByRole("link", { name: TITLE }).count()).toBeGreaterThan(0);
    await checkPage(page, "34-policy-library");
    await page.close();

    // The published version on a phone.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    await phone.goto(mobileUrl);
    await expect.poll(() => versionStatus(phone)).toBe("Published");
    await checkPage(phone, "35-policy-mobile");
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it("creates a policy from the form, with an owner chosen from the directory", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.getByRole("link", { name: "Policies", exact: true }).click();
    await page.getByRole("link", { name: "New policy" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/policies/new");
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect.poll(() => page.getByText("Choose who the policy is for").count()).toBeGreaterThan(0);
    await page.getByLabel("Title").fill("Mobile Phones and Smart Watches");
    await page.getByRole("checkbox", { name: "Staff", exact: true }).check();
    await page.getByRole("checkbox", { name: "Visitor", exact: true }).check();
    await page.getByRole("combobox", { name: "Owner (staff responsible)" }).fill("Ada");
    await page.getByRole("option", { name: HEAD.name }).click();
    await page.getByRole("combobox", { name: "Review frequency" }).click();
    await page.getByRole("option", { name: "Every two years" }).click();
    await page.getByLabel("Next review due").fill("2027-07-01");
    await page.getByRole("button", { name: "Create policy" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/policies\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Mobile Phones and Smart Watches");
    await expect.poll(() => page.getByText(HEAD.name).count()).toBeGreaterThan(0);
    await checkPage(page, "36-policy-page");
    await page.close();
  });
});
