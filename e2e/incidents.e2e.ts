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
  school: "Ysgol Glan Môr",
  name: "Ada Okafor",
  email: "head@glanmor.test",
  password: "kettle-meadow-lantern-42",
};
const DSL = {
  givenName: "Mair",
  familyName: "Roberts",
  email: "dsl@glanmor.test",
  password: "harbour-violet-anchor-17",
};
const TEACHER = {
  givenName: "Owen",
  familyName: "Jenkins",
  email: "owen@glanmor.test",
  password: "copper-willow-basket-83",
};
const OTHER = {
  givenName: "Llio",
  familyName: "Evans",
  email: "llio@glanmor.test",
  password: "thistle-rocket-morning-29",
};

const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T200000000001,Gwenllian,Morgan,8,8M",
  "T200000000002,Tomos,Price,8,8M",
].join("\n");

const WHAT_HAPPENED =
  "Gwenllian showed me messages in the Year 8 group chat calling her names and telling her to leave the school.";
const ACTION = "Spoke with Gwenllian and her form tutor; screenshots kept by Gwenllian's mother.";
const REFERRAL = "Referred to children's social care after a second incident at home.";
const REFERRAL_REF = "CSC-2026-0412";
const OUTCOME = "Messages removed, pupils spoken to, support plan agreed with the family.";

type Outbox = { messages: { to: string; subject: string; body: string }[] };

/** A member of staff with an account: added by the head, invited, their password set through the link. */
async function addMember(
  head: Page,
  browser: Browser,
  url: string,
  who: typeof DSL,
  role?: string,
): Promise<string> {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: who.givenName,
    familyName: who.familyName,
    kinds: ["staff"],
    email: who.email,
  });
  if (role) await callApi(head, "PUT", `/people/${person.id}/roles`, { roles: [role] });
  await callApi(head, "POST", `/people/${person.id}/invite`);
  const outbox = await callApi<Outbox>(head, "GET", "/mail/outbox");
  const invite = outbox.messages
    .find((m) => m.to === who.email)
    ?.body.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  expect(invite).toBeTruthy();
  const anon = await newPage(browser);
  await anon.goto(`${url}/sign-in`);
  await callApi(anon, "POST", `/invitations/${invite}/accept`, { password: who.password });
  await anon.context().close();
  return person.id;
}

async function onPhone(browser: Browser, url: string, who: { email: string; password: string }) {
  const page = await newPage(browser, PHONE);
  await page.goto(`${url}/sign-in`);
  await signIn(page, who);
  return page;
}

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("an online-safety concern: reported on a phone, handled by the DSL, seen by nobody else", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let dslId = "";

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("goes from a teacher's report to the DSL's referral and closing, the reporter seeing only where it stands", async () => {
    const head = await newPage(browser);
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await callApi(head, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
    dslId = await addMember(head, browser, accord.url, DSL, "dsl");
    await addMember(head, browser, accord.url, TEACHER);
    await addMember(head, browser, accord.url, OTHER);

    // The teacher, on a phone: "Report a concern" is in the menu for everyone.
    const teacher = await onPhone(browser, accord.url, TEACHER);
    await teacher.getByRole("button", { name: "Open navigation" }).click();
    await teacher.getByRole("navigation").getByRole("link", { name: "Report a concern" }).click();
    await expect.poll(() => heading1(teacher)).toBe("Report a concern");
    expect(
      await teacher.getByText("Never view, copy, forward or upload sexual images of children").count(),
    ).toBe(1);
    await teacher.getByRole("radio", { name: /^Cyberbullying/ }).click();
    await teacher.getByRole("combobox", { name: "Pupils involved" }).fill("Gwen");
    await teacher.getByRole("option", { name: "Gwenllian Morgan (8M)" }).click();
    await teacher.getByRole("textbox", { name: "What happened?" }).fill(WHAT_HAPPENED);

    // The connection drops, the page reloads: nothing typed is lost.
    await teacher.waitForTimeout(500);
    await teacher.reload();
    await expect
      .poll(() => teacher.getByRole("textbox", { name: "What happened?" }).inputValue())
      .toBe(WHAT_HAPPENED);
    expect(await teacher.getByText("Your unsent report has been restored.").count()).toBe(1);
    expect(await teacher.getByRole("radio", { name: /^Cyberbullying/ }).getAttribute("aria-checked")).toBe(
      "true",
    );
    await teacher.getByRole("textbox", { name: "What have you done already?" }).fill("Told her form tutor.");
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "incidents-report-phone");

    await teacher.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => heading1(teacher)).toBe("Concern reported");
    const reference =
      (await teacher.getByText(/^Reference: /).textContent())?.replace("Reference: ", "") ?? "";
    expect(reference).not.toBe("");
    expect(await teacher.getByText("the designated safeguarding lead and deputies").count()).toBe(1);
    await checkPage(teacher, "incidents-reported-phone");
    // Sent: the draft is gone from the device.
    expect(
      await teacher.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("incidentDraft"))),
    ).toEqual([]);

    // The DSL's email: a link and the kind of concern, never the pupil or the details.
    const outbox = await callApi<Outbox>(head, "GET", "/mail/outbox");
    const mail = outbox.messages.find((m) => m.to === DSL.email && /\/incidents\//.test(m.body));
    expect(mail, "the DSL is emailed a link").toBeTruthy();
    const link = mail?.body.match(/https?:\/\/[^\s]+\/incidents\/([0-9a-f-]{36})/);
    expect(link).toBeTruthy();
    const incidentId = link?.[1] ?? "";
    expect(`${mail?.subject}\n${mail?.body}`).toMatch(/cyberbullying/i);
    for (const secret of ["Gwenllian", "Morgan", "group chat", "form tutor"])
      expect(`${mail?.subject}\n${mail?.body}`, `the email leaves out "${secret}"`).not.toContain(secret);

    // The DSL follows the link on a phone: the report, an action, a referral, then closing.
    const dsl = await onPhone(browser, accord.url, DSL);
    await dsl.goto(`${accord.url}/incidents/${incidentId}`);
    await expect.poll(() => heading1(dsl)).toBe(`Cyberbullying — ${reference}`);
    expect(await dsl.getByText(WHAT_HAPPENED).count()).toBe(1);
    expect(await dsl.getByRole("link", { name: "Gwenllian Morgan: chronology" }).count()).toBe(1);

    await dsl.getByRole("textbox", { name: "What happened or was decided" }).fill(ACTION);
    await dsl.getByRole("button", { name: "Add entry" }).click();
    await expect.poll(() => dsl.getByText(ACTION).count()).toBe(1);
    // The form clears once the entry is saved; the next entry starts from there.
    await expect
      .poll(() => dsl.getByRole("textbox", { name: "What happened or was decided" }).inputValue())
      .toBe("");

    await dsl.getByRole("combobox", { name: "What are you recording?" }).click();
    await dsl.getByRole("option", { name: "Referral" }).click();
    await dsl.getByRole("combobox", { name: "Referred to" }).click();
    await dsl.getByRole("option", { name: "Children's social care" }).click();
    await dsl.getByRole("textbox", { name: "What was referred, and when" }).fill(REFERRAL);
    await dsl.getByRole("textbox", { name: "Their reference" }).fill(REFERRAL_REF);
    await dsl.getByRole("button", { name: "Add entry" }).click();
    await expect.poll(() => dsl.getByText(REFERRAL).count()).toBe(1);
    await expect.poll(() => dsl.getByText(REFERRAL_REF).count()).toBe(1);
    await expectNoHorizontalOverflow(dsl);
    await checkPage(dsl, "incidents-handler-phone");

    await dsl.getByRole("button", { name: "Close incident" }).click();
    const dialog = dsl.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Outcome" }).fill(OUTCOME);
    await checkPage(dsl, "incidents-close-phone");
    await dialog.getByRole("button", { name: "Close incident" }).click();
    await expect.poll(() => dsl.getByRole("button", { name: "Reopen" }).count()).toBe(1);
    expect(await dsl.getByText("Closed", { exact: true }).count()).toBeGreaterThan(0);

    // Another member of staff: the incident is not there for them.
    const other = await onPhone(browser, accord.url, OTHER);
    await other.goto(`${accord.url}/incidents/${incidentId}`);
    await expect.poll(() => heading1(other)).toBe("Incident not found");
    await checkPage(other, "incidents-not-found-phone");

    // The reporter: their report, closed, and none of the DSL's notes.
    await teacher.goto(`${accord.url}/incidents`);
    await expect.poll(() => heading1(teacher)).toBe("Incidents");
    await teacher.getByRole("link", { name: `Cyberbullying — ${reference}` }).click();
    await expect.poll(() => heading1(teacher)).toBe(`Cyberbullying — ${reference}`);
    await expect.poll(() => teacher.getByText("Closed", { exact: true }).count()).toBe(1);
    expect(await teacher.getByText(WHAT_HAPPENED).count()).toBe(1);
    for (const hidden of [ACTION, REFERRAL, REFERRAL_REF, OUTCOME])
      expect(await teacher.getByText(hidden).count(), `the reporter does not see "${hidden}"`).toBe(0);
    await checkPage(teacher, "incidents-reporter-closed-phone");
    await head.context().close();
  });

  it("shows the DPO a breach's 72-hour clock and register, and the DSL a child's chronology and the monitoring alerts", async () => {
    const head = await newPage(browser);
    await head.goto(`${accord.url}/sign-in`);
    await signIn(head, HEAD);
    await callApi(head, "PUT", `/people/${dslId}/roles`, { roles: ["dsl", "dpo"] });
    await head.context().close();

    // A teacher reports a breach; the DPO sees the deadline and time left, and records the decision.
    const teacher = await onPhone(browser, accord.url, TEACHER);
    const breach = await callApi<{ id: string; reference: string; icoDeadline: string }>(
      teacher,
      "POST",
      "/incidents",
      {
        category: "data_breach",
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary: "A class list with home addresses was emailed to the wrong parent.",
      },
    );
    expect(breach.icoDeadline).toBeTruthy();
    const dpo = await onPhone(browser, accord.url, DSL);
    await dpo.goto(`${accord.url}/incidents`);
    await expect.poll(() => dpo.getByText("Not opened yet").count()).toBe(1);
    await checkPage(dpo, "incidents-list-phone");
    await dpo.getByRole("link", { name: `Data loss or breach — ${breach.reference}` }).click();
    await expect.poll(() => dpo.getByText(/^(70|71) h \d+ min left$/).count()).toBe(1);
    await dpo.getByRole("radio", { name: "No, it does not need to be reported" }).check();
    await dpo
      .getByRole("textbox", { name: "Why it is not reported" })
      .fill("Only names and addresses, recalled within the hour: no likely risk to the families.");
    await dpo.getByRole("button", { name: "Record decision" }).click();
    await expect
      .poll(() => dpo.getByText("Not reported to the Information Commissioner's Office").count())
      .toBe(1);
    await checkPage(dpo, "incidents-breach-phone");

    await dpo.getByRole("button", { name: "Open navigation" }).click();
    await dpo.getByRole("navigation").getByRole("link", { name: "Data breaches" }).click();
    await expect.poll(() => heading1(dpo)).toBe("Data breach register");
    await expect.poll(() => dpo.getByText("Not reported", { exact: true }).count()).toBe(1);
    expect(await dpo.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toContain(
      "format=csv",
    );
    await checkPage(dpo, "incidents-breaches-phone");

    // The chronology of the child from the first journey, reached from her incident.
    const list = await callApi<{ incidents: { id: string; category: string }[] }>(
      dpo,
      "GET",
      "/incidents?status=all",
    );
    const bullying = list.incidents.find((i) => i.category === "cyberbullying");
    await dpo.goto(`${accord.url}/incidents/${bullying?.id}`);
    await dpo.getByRole("link", { name: "Gwenllian Morgan: chronology" }).click();
    await expect.poll(() => heading1(dpo)).toBe("Chronology: Gwenllian Morgan");
    await expect.poll(() => dpo.getByText(REFERRAL).count()).toBeGreaterThan(0);
    await checkPage(dpo, "incidents-chronology-phone");

    // Monitoring alerts: pasted, columns guessed, one dismissed with a reason, one made an incident.
    await dpo.goto(`${accord.url}/incidents/alerts`);
    await expect.poll(() => heading1(dpo)).toBe("Monitoring alerts");
    await dpo
      .getByRole("textbox", { name: "Paste the exported CSV" })
      .fill(
        [
          "Machine,Username,Date/Time,Captured phrase,Risk level",
          "LIB-PC-04,t.price,01/12/2026 10:15,how to buy a vape without id,High",
          "IPAD-12,g.morgan,01/12/2026 11:02,kill the lights,Low",
        ].join("\n"),
      );
    await dpo.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => dpo.getByRole("heading", { name: "2 alerts to look at" }).count()).toBe(1);
    await checkPage(dpo, "incidents-alerts-phone");
    await dpo.getByRole("button", { name: "Dismiss: kill the lights" }).click();
    await dpo.getByRole("dialog").getByRole("textbox", { name: "Reason" }).fill("A drama script");
    await dpo.getByRole("dialog").getByRole("button", { name: "Dismiss" }).click();
    await expect.poll(() => dpo.getByText("Dismissed: A drama script").count()).toBe(1);
    await dpo.getByRole("button", { name: "Make an incident: how to buy a vape without id" }).click();
    await dpo.getByRole("dialog").getByRole("button", { name: "Make an incident" }).click();
    await expect.poll(() => heading1(dpo)).toMatch(/^Inappropriate content — /);
  });
});
