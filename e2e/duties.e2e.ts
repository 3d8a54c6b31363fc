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
  school: "Ysgol y Dderwen",
  name: "Iolo Pritchard",
  email: "head@dderwen.test",
  password: "lantern-orchard-pebble-57",
};
const TEACHER = {
  givenName: "Mari",
  familyName: "Hughes",
  email: "mari@dderwen.test",
  password: "bramble-harbour-violet-31",
};
// Invented statements: three that ask something of the signer, one that asks nothing.
const PHOTOS =
  "I will only take photographs of pupils on my own phone with the agreement of the headteacher.";
const DISCLOSURE =
  "I will seek permission from the DSL before discussing a disclosure outside the safeguarding team.";
const REPORT = "I will report any concern about a pupil's safety to the DSL straight away.";
const RETURN = "I will return all school equipment when I leave the school.";
const PASSWORD = "I will keep my password to myself.";

type Outbox = { messages: { to: string; subject: string; body: string }[] };

describe("statements that become duties", () => {
  let accord: RunningAccord;
  let browser: Browser;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  }, 120_000);
  afterAll(() => closeSchool({ accord, browser }));

  it("the editor sees which statements ask permission and offers a type; the signer follows the links beside them", async () => {
    const head = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await callApi(head, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
      title: "Staff code of conduct online",
      audiences: ["staff"],
    });
    const versionId = policy.versions[0].id;
    await callApi(head, "PATCH", `/policies/${policy.id}/versions/${versionId}`, {
      content: "# Staff code of conduct online",
      statements: [PASSWORD, PHOTOS, DISCLOSURE, REPORT, RETURN],
    });
    await callApi(head, "POST", `/policies/${policy.id}/versions/${versionId}/publish`);
    const agreement = await callApi<{ id: string }>(head, "POST", "/agreements", {
      policyVersionId: versionId,
      title: "Staff online conduct agreement",
      audience: "staff",
      declaration: "I have read these statements and will follow them.",
    });

    // The version page marks each duty; the photos one is already a request type the school has.
    await head.goto(`${accord.url}/policies/${policy.id}/versions/${versionId}`);
    await expect.poll(() => head.getByText("Asks permission of: Headteacher").count()).toBe(1);
    // The school's types arrive a moment after the page: wait for them.
    await expect
      .poll(() =>
        head
          .getByText("Asked through the request type “Photos on a personal device (a rare exception)”")
          .count(),
      )
      .toBe(1);
    expect(await head.getByText("Links to the concern form").count()).toBe(1);
    expect(await head.getByText("Feeds the leaver checklist").count()).toBe(1);
    await checkPage(head, "95-duties-version");

    // No type yet for permission the DSL gives: the link opens a new type with the DSL as approver.
    await head
      .getByRole("link", { name: "Offer a request type (approver: Designated Safeguarding Lead)" })
      .click();
    const dialog = head.getByRole("dialog");
    await expect.poll(() => dialog.getByLabel("Description").inputValue()).toBe(DISCLOSURE);
    expect(await dialog.getByText("Designated Safeguarding Lead").count()).toBeGreaterThan(0);
    await checkPage(head, "96-duties-offer-type");
    await dialog.getByLabel("Short key").fill("disclosure_outside_team");
    await dialog.getByLabel("Name").fill("Discussing a disclosure outside the team");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => head.getByRole("dialog").count()).toBe(0);
    const types = await callApi<{ types: { name: string; approverRoles: string[]; description: string }[] }>(
      head,
      "GET",
      "/requests/types",
    );
    expect(types.types.find((x) => x.name === "Discussing a disclosure outside the team")).toMatchObject({
      approverRoles: ["dsl"],
      description: DISCLOSURE,
    });
    await head.goto(`${accord.url}/policies/${policy.id}/versions/${versionId}`);
    await expect
      .poll(() =>
        head.getByText("Asked through the request type “Discussing a disclosure outside the team”").count(),
      )
      .toBe(1);

    // A teacher signs on her phone and sees, beside each statement, where to do what it asks.
    const person = await callApi<{ id: string }>(head, "POST", "/people", {
      givenName: TEACHER.givenName,
      familyName: TEACHER.familyName,
      kinds: ["staff"],
      email: TEACHER.email,
    });
    await callApi(head, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "2031-09-30",
    });
    await callApi(head, "POST", `/people/${person.id}/invite`);
    const outbox = await callApi<Outbox>(head, "GET", "/mail/outbox");
    const invite = outbox.messages
      .find((m) => m.to === TEACHER.email)
      ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(invite).toBeTruthy();
    const teacher: Page = await newPage(browser, PHONE);
    await teacher.goto(`${accord.url}/sign-in`);
    await callApi(teacher, "POST", `/invitations/${invite}/accept`, { password: TEACHER.password });
    await signIn(teacher, TEACHER);
    await teacher.goto(`${accord.url}/agreements/${agreement.id}/sign`);
    const ask = teacher.getByRole("link", { name: /^Ask permission \(Headteacher\)/ });
    await expect.poll(() => ask.count()).toBe(1);
    expect(await ask.getAttribute("href")).toBe("/requests/new?type=photos_personal_device");
    expect(
      await teacher
        .getByRole("link", { name: /^Report a concern/ })
        .last()
        .getAttribute("href"),
    ).toBe("/incidents/report");
    expect(
      await teacher.getByRole("link", { name: /^See what is on loan to you/ }).getAttribute("href"),
    ).toBe("/devices/mine");
    await expect
      .poll(() =>
        teacher
          .getByRole("link", { name: /^Ask permission \(Designated Safeguarding Lead\)/ })
          .getAttribute("href"),
      )
      .toBe("/requests/new?type=disclosure_outside_team");
    // The statement that asks nothing has no link under it.
    const plain = teacher.getByRole("listitem").filter({ hasText: PASSWORD });
    expect(await plain.getByRole("link").count()).toBe(0);
    await checkPage(teacher, "97-duties-sign-mobile");

    // Following it opens the request with its type chosen.
    await teacher.goto(`${accord.url}${await ask.getAttribute("href")}`);
    await expect
      .poll(() => teacher.getByRole("radio", { name: /^Photos on a personal device/ }).isChecked())
      .toBe(true);
    await checkPage(teacher, "98-duties-ask-mobile");
  }, 240_000);
});
