import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  checkPage,
  closeSchool,
  newPage,
  openSchool,
  type RunningAccord,
  signIn,
} from "./harness.js";

/**
 * Issue 19: a parent reads, signs and is written to in Welsh (decision 038). The school writes in
 * English by default; the parent chooses Cymraeg on their link's page, and from then on the server
 * speaks Welsh to them: its validation messages, and the receipt it emails.
 */
const HEAD = {
  school: "Ysgol Glan Hafren",
  name: "Ada Okafor",
  email: "head@glanhafren.test",
  password: "kettle-meadow-lantern-42",
};
const AGREEMENT = "Cytundeb digidol cartref ac ysgol";
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T200000000001,Gwen,Morgan,3,3A",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T200000000001",
].join("\n");

type Outbox = { messages: { to: string; subject: string; body: string }[] };
const mailTo = async (page: Page, to: string) =>
  (await callApi<Outbox>(page, "GET", "/mail/outbox")).messages.filter((m) => m.to === to);

async function sendParentLink(page: Page) {
  await callApi(page, "PUT", "/policies/settings/approvers", { roles: [] });
  const policy = await callApi<{ id: string; versions: { id: string }[] }>(page, "POST", "/policies", {
    title: "Polisi diogelwch ar-lein",
    audiences: ["parent"],
  });
  const version = policy.versions[0].id;
  await callApi(page, "PATCH", `/policies/${policy.id}/versions/${version}`, {
    content: "# Ar-lein\n\nSut mae teuluoedd a'r ysgol yn cadw plant yn ddiogel ar-lein.",
    statements: ["Byddwn yn siarad â'n plentyn am gadw'n ddiogel ar-lein."],
  });
  await callApi(page, "POST", `/policies/${policy.id}/versions/${version}/publish`);
  const agreement = await callApi<{ id: string }>(page, "POST", "/agreements", {
    policyVersionId: version,
    title: AGREEMENT,
    audience: "parents",
    declaration: "Rwyf wedi darllen hwn gyda fy mhlentyn.",
    choices: [],
  });
  await callApi(page, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
  await callApi(page, "POST", "/people/import?kind=contacts&dryRun=false", CONTACTS, "text/csv");
  await callApi(page, "POST", `/agreements/${agreement.id}/assignments`, {
    kinds: ["parent"],
    dueDate: "2031-07-15",
  });
  await callApi(page, "POST", `/agreements/${agreement.id}/parent-links?dryRun=false`, {});
}

describe("a parent in Welsh", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("chooses Cymraeg on their link, is answered in Welsh, signs, and is emailed a Welsh receipt", async () => {
    const head = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await sendParentLink(head);
    // The school has not said it writes in Welsh and the parent has not chosen: the link comes in English.
    const [invitation] = await mailTo(head, "sian@cartref.test");
    expect(invitation.subject).toBe(`Please read and sign: ${AGREEMENT} (Gwen Morgan)`);
    const link = /https?:\/\/\S+\/sign\/\S+/.exec(invitation.body)?.[0];
    expect(link).toBeTruthy();

    const parent = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await parent.goto(link!);
    await expect.poll(() => parent.getByRole("heading", { name: AGREEMENT }).count()).toBe(1);
    await parent.getByRole("button", { name: "Cymraeg" }).click();
    await expect.poll(() => parent.evaluate(() => document.documentElement.lang)).toBe("cy");

    // The server's own words follow the screen: a form the server refuses is explained in Welsh.
    const token = new URL(link!).pathname.split("/").pop();
    const refused = await parent.evaluate(async (path) => {
      const res = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": document.documentElement.lang },
        body: JSON.stringify({ fullName: "", choices: {}, textSha256: "0".repeat(64) }),
      });
      return { status: res.status, body: await res.json() };
    }, `/api/v1/sign/${token}`);
    expect(refused.status).toBe(400);
    expect(refused.body.title).toBe("Cais annilys");
    expect(refused.body.detail).toMatch(/^Cywirwch y maes hwn: fullName\.$/);

    // Signing in Welsh, by typing a name.
    await parent.getByRole("textbox", { name: "Enw llawn" }).fill("Siân Morgan");
    await checkPage(parent, "cy-parent-link-before-signing");
    await parent.getByRole("button", { name: "Llofnodi", exact: true }).click();
    await expect.poll(() => parent.getByText(/Cyfeirnod/).count()).toBeGreaterThan(0);
    await checkPage(parent, "cy-parent-link-signed");

    // Her choice is kept with her record: the receipt is in Welsh, dated the Welsh way.
    await expect.poll(async () => (await mailTo(head, "sian@cartref.test")).length).toBe(2);
    const receipt = (await mailTo(head, "sian@cartref.test")).find((m) => m.subject !== invitation.subject)!;
    expect(receipt.subject).toBe(`Eich copi wedi'i lofnodi: ${AGREEMENT}`);
    expect(receipt.body).toContain(`Diolch am lofnodi "${AGREEMENT}".`);
    expect(receipt.body).toContain("Cyfeirnod dilysu: ");
    expect(receipt.body).not.toContain("Thank you for signing");
  });
});
