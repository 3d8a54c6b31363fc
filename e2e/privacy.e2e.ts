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
  school: "Ysgol Aber Taf",
  name: "Ada Okafor",
  email: "head@abertaf.test",
  password: "kettle-meadow-lantern-42",
};
const DPO = {
  givenName: "Dafydd",
  familyName: "Price",
  email: "dpo@abertaf.test",
  password: "saddle-orchard-beacon-58",
};

/** A date of birth `years` and a few days ago, as the MIS writes it (dd/mm/yyyy). */
function bornYearsAgo(years: number) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 3);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

// Two former pupils, now in their late twenties: records about them as children are due for review.
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group,DOB",
  `T300000000001,Gwenllian,Morgan,13,13A,${bornYearsAgo(26)}`,
  `T300000000002,Tomos,Price,13,13A,${bornYearsAgo(27)}`,
].join("\n");

type Outbox = { messages: { to: string; body: string }[] };
const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

async function addDpo(head: Page, browser: Browser, url: string) {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: DPO.givenName,
    familyName: DPO.familyName,
    kinds: ["staff"],
    email: DPO.email,
  });
  await callApi(head, "PUT", `/people/${person.id}/roles`, { roles: ["dpo"] });
  await callApi(head, "POST", `/people/${person.id}/invite`);
  const outbox = await callApi<Outbox>(head, "GET", "/mail/outbox");
  const invite = outbox.messages
    .find((m) => m.to === DPO.email)
    ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  expect(invite).toBeTruthy();
  const anon = await newPage(browser);
  await anon.goto(`${url}/sign-in`);
  await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: DPO.password });
  await anon.context().close();
}

describe("subject access and retention", () => {
  let accord: RunningAccord;
  let browser: Browser;
  const references: string[] = [];

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("the DPO downloads a former pupil's records, then works the queue of records due", async () => {
    const head = await newPage(browser);
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await callApi(head, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
    const { people } = await callApi<{ people: { id: string; name: string }[] }>(
      head,
      "GET",
      "/people?q=Morgan",
    );
    const gwen = people.find((p) => p.name === "Gwenllian Morgan")!;
    const tomos = (await callApi<{ people: { id: string }[] }>(head, "GET", "/people?q=Tomos")).people[0];
    for (const summary of [
      "Gwenllian was sent unkind messages in a group chat.",
      "Tomos and Gwenllian shared a harmful challenge video.",
    ]) {
      const made = await callApi<{ reference: string }>(head, "POST", "/incidents", {
        category: "cyberbullying",
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary,
        involvedPersonIds: summary.startsWith("Tomos") ? [tomos.id, gwen.id] : [gwen.id],
      });
      references.push(made.reference);
    }
    await addDpo(head, browser, accord.url);

    const dpo = await newPage(browser);
    await dpo.goto(`${accord.url}/sign-in`);
    await signIn(dpo, DPO);
    await dpo.getByRole("navigation").getByRole("link", { name: "Subject access" }).click();
    await expect.poll(() => heading1(dpo)).toBe("Subject access");
    await dpo.getByRole("combobox", { name: "Person" }).fill("Gwen");
    await dpo.getByRole("option", { name: "Gwenllian Morgan" }).click();
    await checkPage(dpo, "subject-access");
    const [download] = await Promise.all([
      dpo.waitForEvent("download"),
      dpo.getByRole("link", { name: "Download export for Gwenllian Morgan" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-Gwenllian-Morgan-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    for (const name of ["README.txt", "summary.pdf", "person.json", "incidents.json", "third-parties.json"])
      expect(zip.file(name), name).not.toBeNull();
    const incidents = JSON.parse(await zip.file("incidents.json")!.async("string"));
    expect(incidents).toHaveLength(2);
    const third = JSON.parse(await zip.file("third-parties.json")!.async("string"));
    expect(third.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["Tomos Price", "Ada Okafor"]),
    );
    // The export is in the list of past exports, from the audit log.
    await dpo.reload();
    await expect.poll(() => dpo.getByRole("cell", { name: "Gwenllian Morgan" }).count()).toBe(1);
    await checkPage(dpo, "subject-access-past");

    // The queue: both records are due (the youngest child involved turned 25 over a year ago).
    await dpo.getByRole("navigation").getByRole("link", { name: "Retention" }).click();
    await expect.poll(() => heading1(dpo)).toBe("Retention");
    for (const ref of references)
      await expect.poll(() => dpo.getByText(ref, { exact: true }).count()).toBe(1);
    expect(await dpo.getByText("Kept: Date of birth + 25 years").count()).toBe(1);
    await checkPage(dpo, "retention-queue");

    // Keep the first until a date with a reason: it leaves the queue.
    await dpo.getByRole("button", { name: `Keep ${references[0]} until a later date` }).click();
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await dpo.getByLabel("Keep until").fill(inAYear);
    await dpo.getByRole("textbox", { name: "Why it is kept" }).fill("A civil claim has been notified.");
    await checkPage(dpo, "retention-keep");
    await dpo.getByRole("button", { name: "Keep", exact: true }).click();
    await expect.poll(() => dpo.getByText(references[0], { exact: true }).count()).toBe(0);

    // Delete the second, with a reason: its details are gone, the queue is empty.
    await dpo.getByRole("button", { name: `Delete the personal details of ${references[1]}` }).click();
    await dpo
      .getByRole("textbox", { name: "Why it can be removed now" })
      .fill("Past its date; nothing outstanding.");
    await checkPage(dpo, "retention-delete");
    await dpo.getByRole("button", { name: "Delete for good" }).click();
    await expect.poll(() => dpo.getByText("No records are due for review.").count()).toBe(1);
    await checkPage(dpo, "retention-done");

    // The chain still verifies, and the log says who removed what.
    expect(await callApi<{ ok: boolean }>(dpo, "GET", "/audit/verify")).toMatchObject({ ok: true });
    const log = await callApi<{ events: unknown[] }>(dpo, "GET", "/audit?action=retention.record_deleted");
    expect(log.events).toHaveLength(1);
  });

  it("fits a phone", async () => {
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, DPO);
    await phone.goto(`${accord.url}/privacy/retention`);
    await expect.poll(() => heading1(phone)).toBe("Retention");
    await checkPage(phone, "retention-phone");
    await phone.goto(`${accord.url}/privacy/subject-access`);
    await expect.poll(() => heading1(phone)).toBe("Subject access");
    await checkPage(phone, "subject-access-phone");
  });
});
