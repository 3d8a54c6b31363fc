import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
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
  school: "Ysgol y Dyffryn",
  name: "Ada Okafor",
  email: "head@dyffryn.test",
  password: "kettle-meadow-lantern-42",
};
const NETWORK = { email: "nerys@dyffryn.test", password: "copper-harbour-violin-31" };
const TEACHER = { email: "tom@dyffryn.test", password: "orchard-lantern-meadow-58" };

const DEVICES_CSV = [
  "Asset Tag,Type,Serial Number,Model,Encrypted,Location",
  "LAP-0002,Laptop,SN-LAP-2,Dell Latitude 3440,Yes,ICT office",
  "CAM-0003,Camera,SN-CAM-3,Canon IXUS 185,No,Year 3 cupboard",
].join("\n");

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A member of staff invited by email, who chooses a password through the emailed link. */
async function addStaff(
  head: Page,
  browser: Browser,
  accord: RunningAccord,
  who: {
    givenName: string;
    familyName: string;
    jobTitle: string;
    email: string;
    password: string;
    roles?: string[];
  },
) {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: who.givenName,
    familyName: who.familyName,
    jobTitle: who.jobTitle,
    kinds: ["staff"],
    email: who.email,
  });
  if (who.roles) await callApi(head, "PUT", `/people/${person.id}/roles`, { roles: who.roles });
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

async function signedIn(
  browser: Browser,
  accord: RunningAccord,
  who: typeof HEAD | typeof NETWORK,
  phone = false,
) {
  const page = await newPage(browser, phone ? PHONE : { viewport: { width: 1280, height: 900 } });
  await page.goto(`${accord.url}/sign-in`);
  await signIn(page, who);
  return page;
}

/** The check-out dialog: a member of staff found by name, and a due date when it is a loan. */
async function checkOutTo(page: Page, name: string, dueDate?: string, screenshot?: string) {
  await page.getByRole("button", { name: "Check out…" }).click();
  const dialog = page.getByRole("dialog");
  const box = dialog
    .getByRole("textbox", { name: "Member of staff" })
    .or(dialog.getByRole("combobox", { name: "Member of staff" }));
  await box.click();
  await box.fill(name.split(" ")[0]);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  if (dueDate) await dialog.getByLabel("Due back (optional)").fill(dueDate);
  if (screenshot) await checkPage(page, screenshot);
  await dialog.getByRole("button", { name: /^Check out \d+ devices?$/ }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

const statusOf = (page: Page): Locator => page.locator("h1").locator("..");

describe("devices: the register, labels, a label scanned on a phone, loans, My devices and a report", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("the network manager registers devices, prints labels, lends one from its page on a phone; a teacher reports one lost", async () => {
    const head = await signedIn(browser, accord, HEAD);
    await addStaff(head, browser, accord, {
      givenName: "Nerys",
      familyName: "Rhwydwaith",
      jobTitle: "Network manager",
      roles: ["network_manager"],
      ...NETWORK,
    });
    const tomId = await addStaff(head, browser, accord, {
      givenName: "Tom",
      familyName: "Evans",
      jobTitle: "Year 3 teacher",
      ...TEACHER,
    });

    // The network manager finds the register in the menu; it starts empty.
    const nerys = await signedIn(browser, accord, NETWORK);
    await nerys.getByRole("link", { name: "Devices", exact: true }).click();
    await expect.poll(() => new URL(nerys.url()).pathname).toBe("/devices");
    await expect.poll(() => nerys.getByText("No devices yet.").count()).toBe(1);

    // One device by hand…
    await nerys.getByRole("button", { name: "Add device" }).click();
    const add = nerys.getByRole("dialog");
    await add.getByLabel("Asset tag").fill("IPAD-0001");
    await add
      .getByRole("textbox", { name: "Type" })
      .or(add.getByRole("combobox", { name: "Type" }))
      .click();
    await nerys.getByRole("option", { name: "Tablet" }).click();
    await add.getByLabel("Make and model").fill("Apple iPad (10th generation)");
    await add.getByLabel("Encrypted").check();
    await add.getByLabel("PIN or passcode set").check();
    await add.getByRole("button", { name: "Add device" }).click();
    await expect.poll(() => add.count()).toBe(0);
    await expect.poll(() => nerys.getByRole("link", { name: "IPAD-0001" }).count()).toBe(1);

    // …and two from a spreadsheet: a preview first, then the import.
    await nerys.getByRole("link", { name: "Import CSV" }).click();
    const csv = path.join(os.tmpdir(), `devices-${Date.now()}.csv`);
    writeFileSync(csv, DEVICES_CSV);
    await nerys.locator('input[type="file"]').setInputFiles(csv);
    await expect.poll(() => nerys.getByText("Checked 2 rows. Nothing has been saved yet.").count()).toBe(1);
    await expect.poll(() => nerys.getByRole("heading", { name: "2 new devices" }).count()).toBe(1);
    await checkPage(nerys, "devices-import-preview");
    await nerys.getByRole("button", { name: "Import 2 devices" }).click();
    await expect.poll(() => nerys.getByText("Devices imported").count()).toBe(1);
    await nerys.getByRole("link", { name: "Open the register" }).click();
    await expect.poll(() => nerys.getByText("3 devices", { exact: true }).count()).toBe(1);

    // Labels for every device on the page: the PDF the label printer takes.
    await nerys.getByRole("checkbox", { name: "Choose every device on this page" }).check();
    await expect.poll(() => nerys.getByText("3 devices chosen").count()).toBe(1);
    const labels = nerys.getByRole("link", { name: "Print labels" });
    const href = await labels.getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/devices\/labels\.pdf\?ids=/);
    const pdf = await nerys.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get("content-type"),
        head: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href!);
    expect(pdf).toEqual({ status: 200, type: "application/pdf", head: "%PDF-" });
    await nerys.getByRole("button", { name: "Clear" }).click();
    await checkPage(nerys, "devices-register");

    const { devices } = await callApi<{ devices: { id: string; assetTag: string }[] }>(
      nerys,
      "GET",
      "/devices",
    );
    const ipad = devices.find((d) => d.assetTag === "IPAD-0001")!;

    // On a phone, the iPad's label opens its page: the QR code holds <publicUrl>/devices/<id>.
    const phone = await signedIn(browser, accord, NETWORK, true);
    await phone.goto(`${accord.url}/devices/${ipad.id}`);
    await expect.poll(() => phone.getByRole("heading", { level: 1, name: "IPAD-0001" }).count()).toBe(1);
    await expect.poll(() => statusOf(phone).getByText("In store").count()).toBe(1);
    await checkPage(phone, "device-phone-in-store");

    // Lent to Tom for a trip, due back in a week.
    await checkOutTo(phone, "Tom Evans", inDays(7), "device-phone-checkout-dialog");
    await expect.poll(() => statusOf(phone).getByText("On loan").count()).toBe(1);
    await expect.poll(() => phone.getByText("Tom Evans", { exact: true }).count()).toBe(1);
    await expect.poll(() => phone.getByText(/^Due back /).count()).toBe(1);
    await checkPage(phone, "device-phone-on-loan");

    // Back from the trip.
    await phone.getByRole("button", { name: "Check in" }).click();
    await expect.poll(() => statusOf(phone).getByText("In store").count()).toBe(1);
    await expect.poll(() => phone.getByText("Checked in", { exact: true }).count()).toBe(1);
    await expectNoHorizontalOverflow(phone);

    // The camera is Tom's for the year: chosen in the register and checked out from there.
    await nerys.getByRole("checkbox", { name: "Choose CAM-0003" }).check();
    await checkOutTo(nerys, "Tom Evans");
    await expect
      .poll(() =>
        nerys
          .getByRole("row", { name: /CAM-0003/ })
          .getByText("Allocated")
          .count(),
      )
      .toBe(1);

    // Tom sees it under My devices, on his phone, and reports it lost.
    const tom = await signedIn(browser, accord, TEACHER, true);
    await tom.goto(`${accord.url}/devices/mine`);
    await expect.poll(() => tom.getByRole("link", { name: "CAM-0003" }).count()).toBe(1);
    expect(await tom.getByRole("link", { name: "IPAD-0001" }).count()).toBe(0);
    await checkPage(tom, "my-devices-phone");
    await tom.getByRole("button", { name: "Report CAM-0003 lost, stolen or damaged" }).click();
    const report = tom.getByRole("dialog");
    await report.getByRole("radio", { name: "Lost" }).check();
    await report.getByRole("radio", { name: "Yes" }).check();
    await report.getByLabel("What happened").fill("Left on the coach after the museum trip on Tuesday.");
    await checkPage(tom, "my-devices-report-dialog");
    await report.getByRole("button", { name: "Report it" }).click();
    const incident = tom.getByRole("link", { name: "Open the incident" });
    await expect.poll(() => incident.count()).toBe(1);
    expect(await incident.getAttribute("href")).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    await expect.poll(() => tom.getByText("Lost", { exact: true }).count()).toBe(1);
    await checkPage(tom, "my-devices-reported");

    // In Welsh, as many of these schools work.
    await tom.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => tom.getByRole("heading", { level: 1, name: "Fy nyfeisiau" }).count()).toBe(1);
    await expect.poll(() => tom.getByText("Ar goll", { exact: true }).count()).toBe(1);
    await checkPage(tom, "my-devices-welsh");
    await tom.getByRole("button", { name: "English" }).click();
    await expect.poll(() => tom.getByRole("heading", { level: 1, name: "My devices" }).count()).toBe(1);

    // Tom cannot open the register, and a device he does not hold is not his to see.
    await tom.goto(`${accord.url}/devices/${ipad.id}`);
    await expect.poll(() => tom.getByRole("heading", { name: "Device not found" }).count()).toBe(1);

    // Tom is leaving: the network manager works through his checklist.
    await callApi(head, "POST", `/people/${tomId}/leaver`, { leaveDate: inDays(14) });
    await phone.goto(`${accord.url}/people/${tomId}/leaver`);
    await expect
      .poll(() => phone.getByRole("heading", { name: "Leaver's checklist: Tom Evans" }).count())
      .toBe(1);
    await expect.poll(() => phone.getByRole("link", { name: "CAM-0003 (Camera)" }).count()).toBe(1);
    // The iPad he borrowed for the trip is back already; the camera he reported lost is not.
    await expect.poll(() => phone.getByText("1 of 5 done").count()).toBe(1);
    const row = (tag: string) => phone.getByRole("listitem").filter({ hasText: tag });
    expect(await row("IPAD-0001").getByText("Returned").count()).toBe(1);
    expect(await row("CAM-0003").getByText("Still held").count()).toBe(1);
    const email = phone.getByRole("checkbox", { name: "School email account disabled" });
    await email.check();
    await expect.poll(() => phone.getByText("2 of 5 done").count()).toBe(1);
    // Ticked by mistake: taken back, then ticked again.
    await email.uncheck();
    await expect.poll(() => phone.getByText("1 of 5 done").count()).toBe(1);
    await email.check();
    await expect.poll(() => phone.getByText("2 of 5 done").count()).toBe(1);
    // The school adds its own system to every leaver's list.
    await phone.getByRole("button", { name: "Change the list of systems" }).click();
    await phone.getByLabel("Another system").fill("Finance system");
    await phone.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => phone.getByRole("checkbox", { name: "Finance system disabled" }).count()).toBe(1);
    await expect.poll(() => phone.getByText("2 of 6 done").count()).toBe(1);
    await checkPage(phone, "leaver-checklist-phone");
  });
  it("a pupil's iPad waits for the device agreement; the head asks the family, then hands one over with a reason", async () => {
    const head = await signedIn(browser, accord, HEAD);
    // A pupil, and the two agreements the school uses for pupils' devices.
    await callApi(head, "PUT", "/policies/settings/approvers", { roles: [] });
    await callApi(head, "POST", "/people", {
      givenName: "Alys",
      familyName: "Bevan",
      kinds: ["pupil"],
      regGroup: "6B",
    });
    for (const [title, audience] of [
      ["iPad pledge", "pupils"],
      ["iPad home agreement", "parents"],
    ] as const) {
      const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
        title,
        audiences: [audience.slice(0, -1)],
      });
      const versionId = policy.versions[0].id;
      await callApi(head, "PATCH", `/policies/${policy.id}/versions/${versionId}`, {
        content: `# ${title}`,
        statements: ["I will look after the iPad and bring it to school charged."],
      });
      await callApi(head, "POST", `/policies/${policy.id}/versions/${versionId}/publish`);
      await callApi(head, "POST", "/agreements", {
        policyVersionId: versionId,
        title,
        audience,
        declaration: "I have read this and I agree to it.",
      });
    }
    const ipad = await callApi<{ id: string }>(head, "POST", "/devices", {
      assetTag: "IPAD-0100",
      type: "tablet",
    });

    // The head names the two agreements from the register.
    await head.goto(`${accord.url}/devices`);
    await head.getByRole("button", { name: "Pupils' device agreement" }).click();
    const settings = head.getByRole("dialog");
    for (const [label, title] of [
      ["The pupil's pledge (an agreement for pupils)", "iPad pledge"],
      ["The parents' signature (an agreement for parents and carers)", "iPad home agreement"],
    ]) {
      await settings
        .getByRole("textbox", { name: label })
        .or(settings.getByRole("combobox", { name: label }))
        .click();
      await head.getByRole("option", { name: title }).click();
    }
    await checkPage(head, "device-agreement-settings");
    await settings.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => settings.count()).toBe(0);

    // Handing the iPad to Alys is held back: nothing is signed yet.
    await head.goto(`${accord.url}/devices/${ipad.id}`);
    await head.getByRole("button", { name: "Check out…" }).click();
    const dialog = head.getByRole("dialog");
    // The segmented control's radio is drawn over by its label: click the label, as a person does.
    await dialog.getByText("Pupil", { exact: true }).first().click();
    const box = dialog
      .getByRole("textbox", { name: "Pupil" })
      .or(dialog.getByRole("combobox", { name: "Pupil" }));
    await box.click();
    await box.fill("Alys");
    await head.getByRole("option", { name: /Alys Bevan/ }).click();
    await dialog.getByRole("button", { name: /^Check out 1 device$/ }).click();
    await expect.poll(() => dialog.getByText("The device agreement is not signed yet").count()).toBe(1);
    await checkPage(head, "device-agreement-missing");
    // The head asks the family: Alys has no carer with an email here, so no link goes, but her
    // pledge waits for her next class session.
    await dialog.getByRole("button", { name: "Ask the pupil and parents to sign" }).click();
    await expect
      .poll(() => dialog.getByText(/^Asked: the pledge is in the pupil's next class session/).count())
      .toBe(1);
    // An iPad is needed for this week's assessments: handed over with the reason kept.
    await dialog
      .getByLabel("Reason to hand it over now")
      .fill("Needed for the Year 6 assessments this week.");
    await dialog.getByRole("button", { name: "Hand over without the agreement" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => head.getByText("Alys Bevan's device agreement").count()).toBe(1);
    await expect.poll(() => head.getByText("Handed over without the device agreement").count()).toBe(1);
    await checkPage(head, "device-agreement-waiting");
  });
});
