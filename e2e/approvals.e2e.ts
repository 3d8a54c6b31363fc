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
  school: "Oakfield Primary School",
  name: "Ada Okafor",
  email: "head@oakfield.test",
  password: "kettle-meadow-lantern-42",
};
const CHAIR = { email: "rhian.pritchard@governors.test", password: "orchard-lantern-pebble-77" };
const TITLE = "Mobile devices and cameras policy";
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** A value in the version's record ("Status", "Approved by", "Still to approve"). */
function recordValue(page: Page, label: string) {
  return page
    .locator("dl > div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd")
    .textContent();
}

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("approvers are asked, approve from the email, and publishing leads on", () => {
  let accord: RunningAccord;
  let browser: Browser;
  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("a fresh school is told nobody can approve; the chair, once named, is emailed, signs in from the link and approves; the head publishes and is offered an agreement", async () => {
    const head = await newPage(browser, DESKTOP);
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);

    // A draft, and a governor who does not yet hold the chair's role.
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(head, "POST", "/policies", {
      title: TITLE,
      audiences: ["staff"],
      reviewFrequency: "annual",
    });
    const versionId = policy.versions[0].id;
    await callApi(head, "PATCH", `/policies/${policy.id}/versions/${versionId}`, {
      content: `# ${TITLE}\n\nStaff keep personal phones away during lessons.`,
      statements: ["I will keep my personal phone away while I am teaching."],
      summary: "First issue",
    });
    const governor = await callApi<{ id: string }>(head, "POST", "/people", {
      givenName: "Rhian",
      familyName: "Pritchard",
      kinds: ["governor"],
      email: CHAIR.email,
    });

    // Nobody holds the chair of governors' role: said before submitting, with the two ways forward.
    const versionPath = `/policies/${policy.id}/versions/${versionId}`;
    await head.goto(`${accord.url}${versionPath}`);
    await expect.poll(() => heading1(head)).toBe(`${TITLE}, version 1.0`);
    const alert = head.getByRole("alert").filter({ hasText: "Nobody can approve this version yet" });
    await expect.poll(() => alert.count()).toBe(1);
    await expect.poll(() => alert.getByRole("link", { name: "Give someone the role" }).count()).toBe(1);
    await expect
      .poll(() => alert.getByRole("link", { name: "Change who approves policies" }).count())
      .toBe(1);
    await expect.poll(() => recordValue(head, "Still to approve")).toMatch(/nobody holds this role/);
    await checkPage(head, "40-approvals-nobody-holds");
    // Submitting anyway is refused, and the page still shows the one alert with the fix.
    const refused = head.waitForResponse((r) => r.url().endsWith("/submit"));
    await head.getByRole("button", { name: "Submit for approval" }).click();
    expect((await refused).status()).toBe(409);
    await expect.poll(() => alert.count()).toBe(1);
    await expect.poll(() => recordValue(head, "Status")).toBe("Draft");

    // The head names the chair; the chair accepts an invitation and has a password.
    await callApi(head, "PUT", `/people/${governor.id}/roles`, { roles: ["chair_of_governors"] });
    await callApi(head, "POST", `/people/${governor.id}/invite`);
    const invitations = await callApi<{ messages: { to: string; body: string }[] }>(
      head,
      "GET",
      "/mail/outbox",
    );
    const invite = invitations.messages
      .find((m) => m.to === CHAIR.email)
      ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(invite).toBeTruthy();
    const anon = await newPage(browser);
    await anon.goto(`${accord.url}/sign-in`);
    await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: CHAIR.password });
    await anon.context().close();

    // Submitted now; the head approves, confirming in a dialog; "Approved by" lists only real approvals.
    await head.reload();
    await expect.poll(() => recordValue(head, "Still to approve")).toContain("Rhian Pritchard");
    await head.getByRole("button", { name: "Submit for approval" }).click();
    await expect.poll(() => recordValue(head, "Status")).toBe("Awaiting approval");
    await expect.poll(() => recordValue(head, "Approved by")).toBe("None yet");
    await head.getByRole("button", { name: "Approve as Headteacher" }).click();
    const dialog = head.getByRole("dialog");
    await expect.poll(() => dialog.getByText(/cannot be changed afterwards/).count()).toBe(1);
    await checkPage(head, "41-approve-confirm");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => recordValue(head, "Approved by")).toMatch(/^Headteacher – Ada Okafor – /);
    await expect
      .poll(() => recordValue(head, "Still to approve"))
      .toBe("Chair of governors (Rhian Pritchard)");
    await expect.poll(() => recordValue(head, "Status")).toBe("Awaiting approval");
    await checkPage(head, "42-version-awaiting-chair");

    // The chair's email, once, with the link to the version.
    const outbox = await callApi<{ messages: { to: string; subject: string; body: string }[] }>(
      head,
      "GET",
      "/mail/outbox",
    );
    const asks = outbox.messages.filter(
      (m) => m.to === CHAIR.email && m.subject.startsWith("Please approve"),
    );
    expect(asks).toHaveLength(1);
    expect(asks[0].subject).toBe(`Please approve: ${TITLE}, version 1.0`);
    const link = asks[0].body.match(/https?:\/\/\S+\/policies\/\S+/)?.[0];
    expect(link).toBe(`${accord.url}${versionPath}`);

    // On a phone, the chair follows the link, signs in and lands on the version.
    const chair = await newPage(browser, PHONE);
    await chair.goto(link!);
    await expect.poll(() => new URL(chair.url()).pathname).toBe("/sign-in");
    await chair.getByLabel("Email").fill(CHAIR.email);
    await chair.getByRole("textbox", { name: "Password", exact: true }).fill(CHAIR.password);
    await chair.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => new URL(chair.url()).pathname).toBe(versionPath);
    await expect.poll(() => heading1(chair)).toBe(`${TITLE}, version 1.0`);

    // Their home page asks too, one tap from the version.
    await chair.goto(`${accord.url}/`);
    const card = chair.getByRole("heading", { name: `Waiting for your approval: ${TITLE}, version 1.0` });
    await expect.poll(() => card.count()).toBe(1);
    await checkPage(chair, "43-approver-home-phone");
    await expectNoHorizontalOverflow(chair);
    await chair.getByRole("link", { name: "Read and approve" }).click();
    await expect.poll(() => new URL(chair.url()).pathname).toBe(versionPath);
    await expect.poll(() => recordValue(chair, "Status")).toBe("Awaiting approval");
    await checkPage(chair, "44-version-phone");
    await expectNoHorizontalOverflow(chair);
    await chair.getByRole("button", { name: "Approve as Chair of governors" }).click();
    await expect
      .poll(() =>
        chair
          .getByRole("dialog")
          .getByText(/as Chair of governors/)
          .count(),
      )
      .toBe(1);
    await checkPage(chair, "45-approve-confirm-phone");
    await chair.getByRole("dialog").getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => recordValue(chair, "Status")).toBe("Approved");
    await expect
      .poll(() => recordValue(chair, "Approved by"))
      .toMatch(/Chair of governors – Rhian Pritchard/);
    await chair.goto(`${accord.url}/`);
    await expect.poll(() => chair.getByText("Nothing needs you right now").count()).toBe(1);
    await chair.context().close();

    // The head publishes, confirming, and is offered the next step.
    await head.reload();
    await expect.poll(() => recordValue(head, "Status")).toBe("Approved");
    await head.getByRole("button", { name: "Publish", exact: true }).click();
    await head.getByRole("dialog").getByRole("button", { name: "Publish", exact: true }).click();
    await expect.poll(() => recordValue(head, "Status")).toBe("Published");
    const next = head.getByRole("link", { name: "Make an agreement for this version" });
    await expect.poll(() => next.count()).toBe(1);
    await checkPage(head, "46-published-make-agreement");
    await next.click();
    await expect.poll(() => new URL(head.url()).pathname).toBe("/agreements/new");
    // The policy is chosen already (its version in force is the one just published), and the title follows it.
    await expect
      .poll(() => head.getByRole("combobox", { name: /^Policy/ }).inputValue())
      .toBe(`${TITLE} (version 1.0)`);
    await expect.poll(() => head.getByRole("textbox", { name: /^Title/ }).inputValue()).toBe(TITLE);
    await checkPage(head, "47-new-agreement-preselected");

    // The head's home: the school at a glance.
    await head.goto(`${accord.url}/`);
    const glance = head.getByRole("region", { name: "The school at a glance" });
    await expect.poll(() => glance.getByText("No policy versions are waiting for approval.").count()).toBe(1);
    await checkPage(head, "48-head-home");
    await head.context().close();
    // A long journey through two people's screens, on a machine shared with other test runs.
  }, 300_000);

  it("shows the headteacher the school at a glance on a phone, each line a link", async () => {
    const setup = await newPage(browser, DESKTOP);
    await setup.goto(`${accord.url}/sign-in`);
    await signIn(setup, HEAD);
    await callApi(setup, "PUT", "/policies/settings/approvers", { roles: [] });
    const policy = await callApi<{ id: string; versions: { id: string }[] }>(setup, "POST", "/policies", {
      title: "Staff acceptable use policy",
      audiences: ["staff"],
      nextReviewDue: "2020-09-01",
    });
    const v = `/policies/${policy.id}/versions/${policy.versions[0].id}`;
    await callApi(setup, "PATCH", v, {
      content: "# Acceptable use\n\nUse school systems well.",
      statements: ["I will use school systems well."],
    });
    await callApi(setup, "POST", `${v}/publish`);
    const agreement = await callApi<{ id: string }>(setup, "POST", "/agreements", {
      policyVersionId: policy.versions[0].id,
      title: "Staff acceptable use agreement",
      audience: "staff",
      declaration: "I have read the policy and will follow it.",
    });
    await callApi(setup, "POST", `/agreements/${agreement.id}/assignments`, {
      kinds: ["staff"],
      dueDate: "2031-09-30",
    });
    await setup.context().close();

    const phone = await newPage(browser, PHONE);
    await phone.goto(`${accord.url}/sign-in`);
    await signIn(phone, HEAD);
    const glance = phone.getByRole("region", { name: "The school at a glance" });
    await expect.poll(() => glance.getByText("0 of 1 signed · 1 still to sign").count()).toBe(1);
    await expect
      .poll(() => glance.getByRole("link", { name: /Staff — Staff acceptable use agreement/ }).count())
      .toBe(1);
    await checkPage(phone, "49-head-home-phone");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });
});
