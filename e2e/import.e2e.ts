import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPage, closeSchool, newPage, openSchool, PHONE, type RunningAccord, signIn } from "./harness.js";

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

const FIXTURES = path.resolve("src/modules/people/import/fixtures");

/** Choose what the file holds, then the file; Accord checks it straight away (a dry run). */
async function choosePupilsFile(page: Page, fileName: string) {
  await page.getByRole("radio", { name: "Pupils", exact: true }).check();
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, fileName));
  await expect.poll(() => page.getByText(`${fileName}:`).count()).toBeGreaterThan(0);
}

/** The number on one of the preview's count cards ("To add", "Leaving"…). */
function stat(page: Page, label: string) {
  return page
    .locator("dl > div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd")
    .textContent();
}

describe("importing people from the MIS", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("previews a pupils export, imports it and shows the pupils in the directory", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);

    await page.getByRole("link", { name: "People", exact: true }).click();
    await page.getByRole("link", { name: "Import from MIS" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/people/import");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Import people");

    await choosePupilsFile(page, "pupils.csv");
    await expect.poll(() => stat(page, "To add")).toBe("4");
    await expect.poll(() => stat(page, "Rows with errors")).toBe("0");
    await expect.poll(() => page.getByRole("cell", { name: "Elis Abernant" }).count()).toBe(1);
    // The columns were recognised from the headings and can be changed.
    await expect
      .poll(() => page.getByRole("combobox", { name: "UPN", exact: true }).inputValue())
      .toBe("UPN");
    await checkPage(page, "20-import-preview");

    // Changing a column checks the file again with the person's own choice of columns.
    const preferred = page.getByRole("combobox", { name: "Preferred name", exact: true });
    await preferred.click();
    await page.getByRole("option", { name: "Not in this file" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Gwenno Cilgerran" }).count()).toBe(1);
    await expect.poll(() => page.getByText(/These are the columns you chose\./).count()).toBe(1);
    await preferred.click();
    await page.getByRole("option", { name: "Preferred Forename" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Gwen Cilgerran" }).count()).toBe(1);

    await page.getByRole("button", { name: "Import 4 people" }).click();
    await expect.poll(() => page.getByText("Import finished").count()).toBe(1);
    await expect.poll(() => page.getByText(/Added 4/).count()).toBe(1);
    await checkPage(page, "21-import-done");

    await page.getByRole("link", { name: "See pupils in the directory" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/people");
    expect(new URL(page.url()).searchParams.get("kind")).toBe("pupil");
    await expect.poll(() => page.getByRole("link", { name: "Elis Abernant" }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it("imports only the good rows once the person agrees to leave the bad ones out", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/people/import`);

    // The wrong kind is caught by the check, and choosing the right one checks the file again.
    await page.getByRole("radio", { name: "Staff", exact: true }).check();
    await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, "pupils-with-errors.csv"));
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/looks like a pupils file/);
    await page.getByRole("radio", { name: "Pupils", exact: true }).check();
    await expect.poll(() => page.getByText("pupils-with-errors.csv: 5 rows checked").count()).toBe(1);
    await expect.poll(() => stat(page, "Rows with errors")).toBe("3");
    const errorRows = page.getByRole("tabpanel").getByRole("row");
    await expect.poll(() => errorRows.count()).toBe(4); // the heading row and three errors
    for (const row of ["3", "4", "5"])
      await expect
        .poll(() => page.getByRole("tabpanel").getByRole("cell", { name: row, exact: true }).count())
        .toBe(1);
    await expect.poll(() => page.getByText(/Duplicate UPN/).count()).toBe(1);

    const confirm = page.getByRole("button", { name: /^Import \d+ (person|people)$/ });
    expect(await confirm.isDisabled()).toBe(true);
    await checkPage(page, "23-import-errors");
    await page
      .getByRole("checkbox", { name: /Import the good rows and leave out the 3 rows with errors/ })
      .check();
    await expect.poll(() => confirm.isEnabled()).toBe(true);
    await confirm.click();
    await expect.poll(() => page.getByText("Import finished").count()).toBe(1);
    await expect.poll(() => page.getByText("3 rows with errors were left out.").count()).toBe(1);
    await page.close();
  });

  it("fits a phone screen", async () => {
    const page = await newPage(browser, PHONE);
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/people/import`);
    // The first file again: its pupils were marked as leaving by the second, so they come back.
    await choosePupilsFile(page, "pupils.csv");
    await expect.poll(() => stat(page, "To update")).toBe("4");
    await expect.poll(() => page.getByText(/Leave date:/).count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage(page, "22-import-mobile");
    await page.close();
  });

  it("takes parents and carers in two files: School Data Sync's user.csv and guardianrelationship.csv", async () => {
    const shapes = path.join(FIXTURES, "shapes");
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${accord.url}/sign-in`);
    await signIn(page, HEAD);
    await page.goto(`${accord.url}/people/import`);
    await page.getByRole("radio", { name: "Pupils", exact: true }).check();
    await page.locator('input[type="file"]').setInputFiles(path.join(shapes, "sds-v1-student.csv"));
    await expect.poll(() => page.getByText("sds-v1-student.csv: 2 rows checked").count()).toBe(1);
    await page.getByRole("button", { name: /^Import \d+ (person|people)$/ }).click();
    await expect.poll(() => page.getByText("Import finished").count()).toBe(1);

    await page.goto(`${accord.url}/people/import`);
    await page.getByRole("radio", { name: "Parents and carers", exact: true }).check();
    await page.locator('input[type="file"]').setInputFiles(path.join(shapes, "sds-v1-user.csv"));
    // Alone, the users file says nothing of whose carers they are.
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/No column for pupil UPN/);
    await page.getByRole("button", { name: "Add a relationships file" }).click();
    await page
      .locator('input[type="file"]')
      .nth(1)
      .setInputFiles(path.join(shapes, "sds-v1-guardianrelationship.csv"));
    await expect
      .poll(() =>
        page.getByText("sds-v1-user.csv with sds-v1-guardianrelationship.csv: 2 rows checked").count(),
      )
      .toBe(1);
    await expect.poll(() => stat(page, "To add")).toBe("2");
    await expect.poll(() => stat(page, "Rows with errors")).toBe("0");
    await checkPage(page, "24-import-two-files");
    await page.getByRole("button", { name: /^Import \d+ (person|people)$/ }).click();
    await expect.poll(() => page.getByText("Import finished").count()).toBe(1);
    await page.close();
  });
});
