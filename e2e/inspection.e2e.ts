import { readFileSync } from "node:fs";
import JSZip from "jszip";
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
  school: "Ysgol y Bryn Gwyn",
  name: "Ada Okafor",
  email: "head@bryngwyn.test",
  password: "kettle-meadow-lantern-42",
};

const CSVS = [
  "agreements-compliance.csv",
  "training.csv",
  "policies.csv",
  "filtering-and-monitoring-reviews.csv",
  "incident-counts.csv",
  "consent-coverage.csv",
];

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("the inspector pack", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("the head opens Inspection pack from the menu and downloads one ZIP with every CSV and the policies", async () => {
    const head = await newPage(browser);
    await head.goto(accord.url);
    await signIn(head, HEAD);
    // One published policy, so the pack has a PDF in it.
    await callApi(head, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
      title: "Defnyddio'r we yn ddiogel",
      audiences: ["staff"],
    });
    await callApi(head, "PATCH", `/policies/${policy.id}/versions/${policy.versions[0].id}`, {
      content: "# Ein rheolau\n\nMae pawb yn y tŷ yn parchu'r rheolau.",
      statements: ["Byddaf yn cloi fy sgrin."],
    });
    await callApi(head, "POST", `/policies/${policy.id}/versions/${policy.versions[0].id}/publish`);

    await head.getByRole("navigation").getByRole("link", { name: "Inspection pack" }).click();
    await expect.poll(() => heading1(head)).toBe("Inspection pack");
    await checkPage(head, "inspection-pack");

    const [download] = await Promise.all([
      head.waitForEvent("download"),
      head.getByRole("link", { name: "Download the inspection pack" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^inspection-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(bytes);
    for (const name of [...CSVS, "README.txt"]) expect(zip.file(name), name).not.toBeNull();
    expect(Object.keys(zip.files)).toContain("policies/Defnyddio'r we yn ddiogel v1.0.pdf");
    const readme = await zip.file("README.txt")!.async("string");
    expect(readme).toContain("Inspection pack for Ysgol y Bryn Gwyn");

    // The download is in the audit log.
    const audit = await callApi<{ events: { action: string }[] }>(
      head,
      "GET",
      "/audit?action=reports.inspection_pack_downloaded",
    );
    expect(audit.events).toHaveLength(1);
  });

  it("fits a phone", async () => {
    const phone = await newPage(browser, PHONE);
    await phone.goto(accord.url);
    await signIn(phone, HEAD);
    await phone.goto(`${accord.url}/inspection`);
    await expect.poll(() => heading1(phone)).toBe("Inspection pack");
    await checkPage(phone, "inspection-pack-phone");
  });
});
