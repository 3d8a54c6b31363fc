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
  school: "Ysgol y Bryn",
  name: "Ada Okafor",
  email: "head@bryn.test",
  password: "kettle-meadow-lantern-42",
};
const TEACHER = { email: "cerys@bryn.test", password: "orchard-violin-harbour-17" };
const DSL = { email: "dylan@bryn.test", password: "copper-lantern-meadow-88" };
const RESTRICTION_REASON = "A court order: no images of this child may be published.";

// Gwen has two carers with parental responsibility, both reachable by email; Tomos's father has
// no email address, so Tomos needs a paper form.
const PUPILS = [
  "UPN,Legal Forename,Legal Surname,Year Group,Reg Group",
  "T200000000001,Gwen,Morgan,3,3A",
  "T200000000002,Tomos,Price,3,3A",
].join("\n");
const CONTACTS = [
  "Contact ID,Contact Forename,Contact Surname,Contact Email,Relationship,Priority,Parental Responsibility,Pupil UPN",
  "K1,Siân,Morgan,sian@cartref.test,Mother,1,Yes,T200000000001",
  "K2,Huw,Morgan,huw@cartref.test,Father,2,Yes,T200000000001",
  "K3,Rhys,Price,,Father,1,Yes,T200000000002",
].join("\n");

type Purpose = { key: string; name: string; basis: string };

/** A member of staff invited by email, who chooses a password through the emailed link. */
async function addStaff(
  head: Page,
  browser: Browser,
  accord: RunningAccord,
  who: { givenName: string; familyName: string; email: string; password: string; roles?: string[] },
) {
  const person = await callApi<{ id: string }>(head, "POST", "/people", {
    givenName: who.givenName,
    familyName: who.familyName,
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

async function signedIn(browser: Browser, accord: RunningAccord, who: typeof TEACHER, phone = false) {
  const page = await newPage(browser, phone ? PHONE : { viewport: { width: 1280, height: 900 } });
  await page.goto(`${accord.url}/sign-in`);
  await signIn(page, who);
  return page;
}

/** "Can I use this photo?" for Gwen: the big answer and Gwen's line under it. */
async function checkPhoto(page: Page, purpose: string) {
  await page.getByRole("radio", { name: purpose, exact: true }).check();
  const names = page.getByRole("group", { name: "Tap each pupil in the photo" });
  if ((await page.getByRole("button", { name: "Remove Gwen Morgan" }).count()) === 0) {
    await page.getByRole("searchbox", { name: "Search by name" }).fill("Gwen");
    await names.getByRole("button", { name: "Gwen Morgan" }).click();
  }
  await page.getByRole("button", { name: "Check", exact: true }).click();
  const answer = page.getByRole("status").filter({ hasText: "For:" });
  await expect.poll(() => answer.getByRole("heading").count()).toBe(1);
  return {
    heading: (await answer.getByRole("heading").textContent())?.trim(),
    gwen: (await answer.getByRole("listitem").filter({ hasText: "Gwen Morgan" }).textContent())?.trim(),
  };
}

describe("photo consent: asking parents, checking a photo, a restriction and a withdrawal", () => {
  let accord: RunningAccord;
  let browser: Browser;
  let purposes: Purpose[];
  let website: Purpose;
  let social: Purpose;
  let gwenId: string;
  let link: string;

  beforeAll(async () => {
    ({ accord, browser } = await openSchool(HEAD));
  });
  afterAll(() => closeSchool({ accord, browser }));

  it("the head asks a class's parents; a carer answers on a phone; a teacher checks; the DSL restricts; the carer withdraws", async () => {
    const head = await signedIn(browser, accord, HEAD);
    await callApi(head, "POST", "/people/import?kind=pupils&dryRun=false", PUPILS, "text/csv");
    await callApi(head, "POST", "/people/import?kind=contacts&dryRun=false", CONTACTS, "text/csv");
    // Cerys teaches 3A and looks after the school's website and social media.
    const cerys = await addStaff(head, browser, accord, {
      givenName: "Cerys",
      familyName: "Athro",
      ...TEACHER,
    });
    await callApi(head, "PUT", "/consent/settings", {
      selfAnswerAge: null,
      askNewPupils: false,
      imageManagerIds: [cerys],
    });
    await addStaff(head, browser, accord, {
      givenName: "Dylan",
      familyName: "Gofal",
      roles: ["dsl"],
      ...DSL,
    });
    // The school's default purposes are there the first time anyone lists them.
    purposes = (await callApi<{ purposes: Purpose[] }>(head, "GET", "/consent/purposes")).purposes;
    website = purposes.find((p) => /website/.test(p.key))!;
    social = purposes.find((p) => /social/.test(p.key))!;
    expect(website?.basis).toBe("consent");
    expect(social?.basis).toBe("consent");
    const pupils = await callApi<{ pupils: { id: string; name: string }[] }>(
      head,
      "GET",
      "/consent/pupils?q=Gwen",
    );
    gwenId = pupils.pupils.find((p) => p.name === "Gwen Morgan")!.id;

    // The collection view: class 3A, nobody has answered yet.
    await head.getByRole("link", { name: "Photo consent", exact: true }).click();
    await expect.poll(() => head.getByText("0 of 2 pupils in 3A answered").count()).toBe(1);
    await checkPage(head, "consent-collection");

    // Ask the parents of 3A: two links (Gwen's mother and father), Tomos needs paper.
    await head.getByRole("button", { name: "Ask parents…" }).click();
    const dialog = head.getByRole("dialog");
    await expect.poll(() => dialog.getByText("This will email 2 links, for 2 pupils.").count()).toBe(1);
    expect(await dialog.getByText("1 pupil no link can reach").count()).toBe(1);
    expect(await dialog.getByText("Tomos Price (3A)").count()).toBe(1);
    await checkPage(head, "consent-ask-parents");
    await dialog.getByRole("button", { name: "Send links" }).click();
    await expect
      .poll(() => head.getByText("2 links queued in the outbox — no mail server is set up").count())
      .toBe(1);
    const outbox = await callApi<{ messages: { to: string; body: string }[] }>(head, "GET", "/mail/outbox");
    link = outbox.messages
      .find((m) => m.to === "sian@cartref.test" && /\/consent\/answer\//.test(m.body))
      ?.body.match(/\/consent\/answer\/[A-Za-z0-9_-]+/)?.[0] as string;
    expect(link).toBeTruthy();

    // The class sheet for a trip downloads as a PDF.
    const sheet = await head.evaluate(async () => {
      const res = await fetch("/api/v1/consent/class-sheet.pdf?class=3A");
      return { status: res.status, type: res.headers.get("content-type") };
    });
    expect(sheet.status).toBe(200);
    expect(sheet.type).toMatch(/^application\/pdf/);

    // Gwen's mother answers on her phone: yes to the website, no to social media.
    const parent = await newPage(browser, PHONE);
    await parent.goto(`${accord.url}${link}`);
    await expect
      .poll(() => parent.getByRole("heading", { name: "Photos and videos of your child" }).count())
      .toBe(1);
    const gwen = parent.getByRole("region", { name: "Gwen Morgan" });
    await gwen
      .getByRole("radiogroup", { name: website.name })
      .getByRole("radio", { name: "Yes, I agree" })
      .check();
    await gwen.getByRole("radiogroup", { name: social.name }).getByRole("radio", { name: "No" }).check();
    await expectNoHorizontalOverflow(parent);
    await checkPage(parent, "consent-parent-link-phone");
    await parent.getByRole("button", { name: "Send my answers" }).click();
    await expect
      .poll(() => parent.getByRole("heading", { name: "Thank you — your answers are saved" }).count())
      .toBe(1);
    expect(await parent.getByText("Your reference").count()).toBe(1);
    await checkPage(parent, "consent-parent-answered-phone");

    // A teacher on a trip, on a phone: the website yes, social media no, each with its reason.
    const teacher = await signedIn(browser, accord, TEACHER, true);
    await teacher.goto(`${accord.url}/consent/check`);
    await expect.poll(() => teacher.getByRole("heading", { name: "Can I use this photo?" }).count()).toBe(1);
    const yes = await checkPhoto(teacher, website.name);
    expect(yes.heading).toContain("Yes, you may use this photo");
    expect(yes.gwen).toMatch(/Gwen Morgan: Yes — /);
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "consent-check-yes-phone");
    const no = await checkPhoto(teacher, social.name);
    expect(no.heading).toContain("No — do not use it");
    expect(no.gwen).toMatch(/Gwen Morgan: No — (Answered|Objected|Carers disagree)/);
    await checkPage(teacher, "consent-check-no-phone");

    // Her own photo: on her account page, silence is no until she says yes.
    await teacher.goto(`${accord.url}/account`);
    await expect.poll(() => teacher.getByRole("heading", { name: "Your photo" }).count()).toBe(1);
    expect(await teacher.getByText("You have not answered, so the answer is no.").count()).toBe(1);
    await teacher.getByRole("radio", { name: "Yes, you may" }).check();
    await expect.poll(() => teacher.getByText(/^Answered on /).count()).toBe(1);
    await expectNoHorizontalOverflow(teacher);
    await checkPage(teacher, "consent-my-photo-phone");
    await teacher.goto(`${accord.url}/consent/check`);
    await expect.poll(() => teacher.getByRole("heading", { name: "Can I use this photo?" }).count()).toBe(1);

    // The DSL restricts every image of Gwen, saying why.
    const dsl = await signedIn(browser, accord, DSL);
    await dsl.goto(`${accord.url}/consent/pupils/${gwenId}`);
    await dsl.getByRole("button", { name: "Restrict all images…" }).click();
    await dsl.getByRole("dialog").getByRole("textbox", { name: "Reason" }).fill(RESTRICTION_REASON);
    await dsl.getByRole("dialog").getByRole("button", { name: "Restrict all images" }).click();
    await expect.poll(() => dsl.getByText("Restricted: no images of this child").count()).toBe(1);
    expect(await dsl.getByText(RESTRICTION_REASON).count()).toBe(1);
    await checkPage(dsl, "consent-pupil-restricted-dsl");

    // The teacher's check now says no, "Restricted", and the teacher never sees why.
    const restricted = await checkPhoto(teacher, website.name);
    expect(restricted.heading).toContain("No — do not use it");
    expect(restricted.gwen).toBe("Gwen Morgan: No — Restricted");
    await teacher.goto(`${accord.url}/consent/pupils/${gwenId}`);
    await expect.poll(() => teacher.getByText("Restricted: no images of this child").count()).toBe(1);
    expect(await teacher.getByText(RESTRICTION_REASON).count()).toBe(0);
    expect(await teacher.getByRole("button", { name: "Restrict all images…" }).count()).toBe(0);
    expect(await teacher.getByRole("button", { name: "Lift restriction" }).count()).toBe(0);

    // The DSL lifts it; then Gwen's mother withdraws her website yes from the same link.
    await dsl.getByRole("button", { name: "Lift restriction" }).click();
    await dsl.getByRole("dialog").getByRole("button", { name: "Lift restriction" }).click();
    await expect.poll(() => dsl.getByText("Restricted: no images of this child").count()).toBe(0);

    await parent.goto(`${accord.url}${link}`);
    const withdraw = parent.getByRole("button", { name: `Withdraw your yes: ${website.name}, Gwen Morgan` });
    await expect.poll(() => withdraw.count()).toBe(1);
    // Only a yes can be withdrawn: social media was a no.
    expect(
      await parent.getByRole("button", { name: `Withdraw your yes: ${social.name}, Gwen Morgan` }).count(),
    ).toBe(0);
    await checkPage(parent, "consent-parent-current-answers-phone");
    await withdraw.click();
    await parent.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
    await expect.poll(() => parent.getByText(/You have withdrawn your yes/).count()).toBe(1);
    await expect.poll(() => withdraw.count()).toBe(0);

    await teacher.goto(`${accord.url}/consent/check`);
    const withdrawn = await checkPhoto(teacher, website.name);
    expect(withdrawn.heading).toContain("No — do not use it");
    expect(withdrawn.gwen).toMatch(/Gwen Morgan: No — Withdrawn on \d{1,2} \w+ \d{4}/);
  });

  it("the office records a paper form; the settings explain the lawful basis; images to take down are confirmed", async () => {
    const head = await signedIn(browser, accord, HEAD);
    const tomos = (
      await callApi<{ pupils: { id: string; name: string }[] }>(head, "GET", "/consent/pupils?q=Tomos")
    ).pupils[0];

    // Tomos's father answered on paper.
    await head.goto(`${accord.url}/consent/pupils/${tomos.id}`);
    await head.getByRole("button", { name: "Record a paper form or phone call" }).click();
    const form = head.getByRole("dialog");
    await form.getByRole("radio", { name: "Rhys Price" }).check();
    await form.getByRole("radiogroup", { name: website.name }).getByRole("radio", { name: "Yes" }).check();
    await form.getByRole("radiogroup", { name: social.name }).getByRole("radio", { name: "No" }).check();
    await checkPage(head, "consent-record-paper-form");
    await form.getByRole("button", { name: "Record answers" }).click();
    await expect.poll(() => head.getByText("2 answers recorded for Tomos Price").count()).toBe(1);
    await expect.poll(() => head.getByRole("cell", { name: "Paper form" }).count()).toBe(2);
    await checkPage(head, "consent-pupil-page");

    // Both children of 3A have answers now; on a phone the table is a list of cards.
    const phone = await signedIn(browser, accord, HEAD, true);
    await phone.goto(`${accord.url}/consent?class=3A`);
    await expect.poll(() => phone.getByText("2 of 2 pupils in 3A answered").count()).toBe(1);
    await expectNoHorizontalOverflow(phone);
    await checkPage(phone, "consent-collection-phone");

    // A public-task purpose needs its reason in a sentence: the API's field error shows by the field.
    await head.goto(`${accord.url}/consent/settings`);
    await head.getByRole("button", { name: "Add a purpose" }).click();
    const purpose = head.getByRole("dialog");
    await purpose.getByRole("textbox", { name: "Short key" }).fill("id_photos");
    await purpose.getByRole("textbox", { name: "Purpose" }).fill("ID photos");
    await purpose
      .getByRole("textbox", { name: "What it means, for parents" })
      .fill("A photo on your child's record so staff and visitors' helpers can recognise them.");
    await purpose.getByRole("radio", { name: "Public task" }).check();
    await purpose.getByRole("button", { name: "Add purpose" }).click();
    await expect
      .poll(() =>
        purpose.getByText("Say in one sentence why this is part of the school's public task.").count(),
      )
      .toBe(1);
    await checkPage(head, "consent-settings-public-task-error");
    await purpose
      .getByRole("textbox", { name: "Why this is part of the school's public task" })
      .fill("Staff must recognise every child to keep them safe.");
    await purpose.getByRole("button", { name: "Add purpose" }).click();
    await expect.poll(() => head.getByText("ID photos added").count()).toBe(1);
    await checkPage(head, "consent-settings");

    // Cerys, the website manager, was told to take Gwen's website images down, and confirms it.
    expect(await head.getByText("Cerys Athro").count()).toBeGreaterThan(0);
    const cerys = await signedIn(browser, accord, TEACHER);
    await cerys.goto(`${accord.url}/consent/removals`);
    const confirm = cerys.getByRole("button", { name: `Confirm removed: Gwen Morgan, ${website.name}` });
    // One for the restriction and one for the withdrawal (the restriction also said take them down).
    await expect.poll(() => confirm.count()).toBeGreaterThan(0);
    const before = await confirm.count();
    await checkPage(cerys, "consent-removals");
    await confirm.first().click();
    await expect
      .poll(() => cerys.getByText(`Confirmed removed: Gwen Morgan, ${website.name}`).count())
      .toBe(1);
    await expect.poll(() => confirm.count()).toBe(before - 1);
  });
});
