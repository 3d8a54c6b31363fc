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

const HEAD = {
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};

const VISITOR_AGREEMENT = "Visitor sign-in agreement";
const PUPIL_AGREEMENT = "Our class online safety promise";
const PUPILS_CSV = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "P100000000001,Cai,Pennant,Year 4,Rowan",
  "P100000000002,Efa,Morgan,Year 4,Rowan",
].join("\n");

const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true };

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const queueNotice = (page: Page) =>
  page
    .getByTestId("signing-queue")
    .textContent()
    .catch(() => "");

/** Everything the device's signing queue holds in IndexedDB, as the browser's files would. */
const rawQueue = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("accord-signing-queue");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("waiting").objectStore("waiting").getAll();
          all.onsuccess = () =>
            resolve(
              JSON.stringify(all.result, (_k, v) =>
                v instanceof ArrayBuffer || ArrayBuffer.isView(v)
                  ? new TextDecoder("utf-8", { fatal: false }).decode(v as ArrayBuffer)
                  : v,
              ),
            );
        };
      }),
  );

/**
 * Leave a thank-you screen by its button, or find it already gone: it clears itself after a few
 * seconds, which a slow screenshot and accessibility check can outlast.
 */
async function moveOn(page: Page, button: string, next: string) {
  await expect
    .poll(async () => {
      const heading = await heading1(page);
      if (heading !== next)
        await page
          .getByRole("button", { name: button })
          .click({ timeout: 1000 })
          .catch(() => {});
      return heading1(page);
    })
    .toBe(next);
}

describe("signing through a network drop: reception kiosk and class device", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let admin: Page;
  let visitorAgreementId: string;
  let pupilAgreementId: string;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  const visitors = async (name: string) =>
    (
      await callApi<{ visitors: { fullName: string }[] }>(admin, "GET", "/compliance/visitors")
    ).visitors.filter((v) => v.fullName === name).length;

  it("sets up a visitors' and a pupils' agreement and a class of two", async () => {
    admin = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await admin.goto(`${accord.url}/sign-in`);
    await signIn(admin, HEAD);
    await callApi(admin, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(admin, "POST", "/policies", {
      title: "Staying safe at Oakfield",
      audiences: ["visitor", "pupil"],
    });
    const draft = policy.versions[0].id;
    await callApi(admin, "PATCH", `/policies/${policy.id}/versions/${draft}`, {
      content: "# Staying safe\n\nHow we keep Oakfield safe online.",
      statements: ["I will wear my visitor badge.", "I will ask a grown-up before I go online."],
    });
    await callApi(admin, "POST", `/policies/${policy.id}/versions/${draft}/publish`);
    visitorAgreementId = (
      await callApi<{ id: string }>(admin, "POST", "/agreements", {
        policyVersionId: draft,
        title: VISITOR_AGREEMENT,
        audience: "visitors",
        statements: ["I will wear my visitor badge."],
        declaration: "I will follow these rules while I am in school.",
      })
    ).id;
    pupilAgreementId = (
      await callApi<{ id: string }>(admin, "POST", "/agreements", {
        policyVersionId: draft,
        title: PUPIL_AGREEMENT,
        audience: "pupils",
        statements: ["I will ask a grown-up before I go online."],
        declaration: "I will keep my promise.",
      })
    ).id;
    await callApi(admin, "POST", "/people/import?kind=pupils", PUPILS_CSV, "text/csv");
  });

  /** Open a kiosk through the admin's API and start a tablet on it. */
  async function startTablet(offlineMinutes: number) {
    const { code } = await callApi<{ code: string }>(admin, "POST", "/kiosks", {
      agreementId: visitorAgreementId,
      deviceName: `Reception (${offlineMinutes} min offline)`,
      offlineMinutes,
    });
    const tablet = await newPage(browser, TABLET);
    await tablet.goto(`${accord.url}/kiosk`);
    await tablet.getByRole("textbox", { name: "Kiosk code" }).fill(code);
    await tablet.getByRole("button", { name: "Start the kiosk" }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    return tablet;
  }

  async function visitorSigns(tablet: Page, fullName: string) {
    await tablet.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => heading1(tablet)).toBe("About you");
    await tablet.getByRole("textbox", { name: "Your full name" }).fill(fullName);
    await tablet.getByRole("textbox", { name: "Your organisation" }).fill("Cwm Valley IT Services");
    await tablet.getByRole("textbox", { name: "Who are you visiting?" }).fill("Mr Bryn Garside");
    await tablet.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Read the agreement");
    await tablet.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => heading1(tablet)).toBe("Sign");
    await tablet.getByRole("button", { name: "Sign", exact: true }).click();
    await expect.poll(() => heading1(tablet)).toBe(`Thank you, ${fullName.split(" ")[0]}`);
  }

  it("a kiosk keeps visitors' signatures through a network drop, encrypted, and sends each once", async () => {
    const tablet = await startTablet(30);
    await tablet.context().setOffline(true);

    await visitorSigns(tablet, "Rhodri Prosser");
    await expect.poll(() => tablet.getByTestId("kiosk-queued").count()).toBe(1);
    await expect
      .poll(() => queueNotice(tablet))
      .toBe("1 signature waiting to be sent — it will go when the connection is back.");
    await checkPage(tablet, "70-kiosk-offline-queued");

    // The next visitor carries on meanwhile.
    await moveOn(tablet, "Finish", `Welcome to ${HEAD.school}`);
    await visitorSigns(tablet, "Siân Griffiths");
    await moveOn(tablet, "Finish", `Welcome to ${HEAD.school}`);
    await expect
      .poll(() => queueNotice(tablet))
      .toBe("2 signatures waiting to be sent — they will go when the connection is back.");
    await checkPage(tablet, "71-kiosk-offline-two-waiting");

    // At rest the queue is ciphertext: no name, organisation or answer can be read from it.
    const stored = await rawQueue(tablet);
    expect(stored.length).toBeGreaterThan(100);
    for (const trace of ["Rhodri", "Prosser", "Siân", "Cwm Valley", "Garside", "fullName", "kiosk_"])
      expect(stored).not.toContain(trace);
    expect(await visitors("Rhodri Prosser")).toBe(0);

    // The connection comes back: both go, in order, and the screen says so.
    await tablet.context().setOffline(false);
    await expect
      .poll(() => queueNotice(tablet))
      .toBe("The connection is back: the 2 waiting signatures have been sent.");
    await checkPage(tablet, "72-kiosk-back-online-sent");
    expect(await rawQueue(tablet)).toBe("[]");
    expect(await visitors("Rhodri Prosser")).toBe(1);
    expect(await visitors("Siân Griffiths")).toBe(1);
  });

  it("a visitor's signature that arrived but whose answer was lost is recorded once when sent again", async () => {
    const tablet = await startTablet(30);
    // The request reaches the server and is recorded; the answer never reaches the tablet.
    await tablet.route("**/api/v1/kiosk/signatures", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await visitorSigns(tablet, "Gareth Lloyd");
    await expect.poll(() => tablet.getByTestId("kiosk-queued").count()).toBe(1);
    await expect.poll(() => visitors("Gareth Lloyd")).toBe(1);
    await expect
      .poll(() => queueNotice(tablet))
      .toBe("1 signature waiting to be sent — it will go when the connection is back.");

    // The way is clear again: the queue sends it with the same key, and the server answers the first.
    await tablet.unroute("**/api/v1/kiosk/signatures");
    await tablet.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect
      .poll(() => queueNotice(tablet))
      .toBe("The connection is back: the waiting signature has been sent.");
    expect(await visitors("Gareth Lloyd")).toBe(1);
  });

  it("a kiosk offline for longer than the school allows takes no more visitors until it is back", async () => {
    // The school lets this kiosk hold nothing offline: it stops at the first it cannot send.
    const tablet = await startTablet(0);
    await tablet.context().setOffline(true);
    await visitorSigns(tablet, "Heledd Owen");
    await moveOn(tablet, "Finish", "This kiosk cannot take more signatures until it is back online");
    expect(await tablet.getByRole("button", { name: "Start" }).count()).toBe(0);
    await checkPage(tablet, "73-kiosk-offline-too-long");

    await tablet.context().setOffline(false);
    await expect.poll(() => heading1(tablet)).toBe(`Welcome to ${HEAD.school}`);
    expect(await visitors("Heledd Owen")).toBe(1);
  });

  it("a class device keeps pupils' promises through a network drop and sends each once", async () => {
    const session = await callApi<{ id: string; token: string }>(admin, "POST", "/class-sessions", {
      agreementId: pupilAgreementId,
      regGroup: "Rowan",
    });
    const device = await newPage(browser, TABLET);
    await device.goto(`${accord.url}/class/${session.token}`);
    await expect.poll(() => device.getByRole("button", { name: "Cai P." }).count()).toBe(1);

    await device.context().setOffline(true);
    await device.getByRole("button", { name: "Cai P." }).click();
    await expect.poll(() => heading1(device)).toBe("Hello, Cai P.");
    await device.getByRole("textbox", { name: "Type your name" }).fill("Cai Pennant");
    await device.getByRole("button", { name: "I promise" }).click();
    await expect.poll(() => device.getByTestId("class-queued").count()).toBe(1);
    await expect
      .poll(() => queueNotice(device))
      .toBe("1 signature waiting to be sent — it will go when the connection is back.");
    await checkPage(device, "74-class-offline-queued");
    await moveOn(device, "Next person", "Find your name");
    // Cai's promise waits on the device: his name is greyed so nobody picks it again.
    await expect.poll(() => device.getByRole("button", { name: /^Cai P\./ }).isDisabled()).toBe(true);
    await checkPage(device, "75-class-offline-names");

    // Efa's promise reaches the server but its answer is lost on the way back.
    await device.context().setOffline(false);
    await expect
      .poll(() => queueNotice(device))
      .toBe("The connection is back: the waiting signature has been sent.");
    await device.route("**/signatures", async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await device.getByRole("button", { name: "Efa M." }).click();
    await device.getByRole("textbox", { name: "Type your name" }).fill("Efa Morgan");
    await device.getByRole("button", { name: "I promise" }).click();
    await expect.poll(() => device.getByTestId("class-queued").count()).toBe(1);
    await device.unroute("**/signatures");
    await device.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect
      .poll(() => queueNotice(device))
      .toBe("The connection is back: the waiting signature has been sent.");
    await moveOn(device, "Next person", "Find your name");
    await checkPage(device, "76-class-back-online");

    // Exactly one signature each, and the teacher's screen counts both.
    const status = await callApi<{ pupils: { id: string; name: string; signed: boolean }[] }>(
      admin,
      "GET",
      `/class-sessions/${session.id}`,
    );
    expect(status.pupils.map((p) => p.signed)).toEqual([true, true]);
    for (const pupil of status.pupils) {
      const history = await callApi<{ signatures: { kind: string; title?: string }[] }>(
        admin,
        "GET",
        `/people/${pupil.id}/signatures`,
      );
      expect(history.signatures.filter((s) => s.kind === "signed")).toHaveLength(1);
    }
  });
});
