import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { type Browser, setUpSchool, startTestApp, type TestApp } from "../../testing/app.js";
import { signedInPerson, staffAgreement } from "../../testing/factories.js";

/** A withdrawal or correction is a new record that points to the old; the old never changes. */
describe("withdrawing and correcting a signature", () => {
  let t: TestApp;
  let head: Browser;
  let schoolId: string;
  let agreementId: string;
  let hash: string;

  const body = (fullName: string, photo = "agree") => ({
    fullName,
    jobTitle: "Teacher",
    choices: { photo },
    textSha256: hash,
  });
  const signAs = async (givenName: string) => {
    const person = await signedInPerson(t, head, schoolId, { givenName });
    const assigned = await head.post(`/api/v1/agreements/${agreementId}/assignments`, {
      personIds: [person.id],
      dueDate: addDays(todayInLondon(), 14),
    });
    expect(assigned.statusCode).toBe(201);
    const res = await person.browser.post(
      `/api/v1/agreements/${agreementId}/signatures`,
      body(`${givenName} Staffroom`),
    );
    expect(res.statusCode).toBe(201);
    return { ...person, signature: res.json() as { id: string; verificationReference: string } };
  };
  const rowOf = async (id: string) =>
    (
      await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM signatures WHERE id = ${id}`)
    )[0];
  const outboxTo = async (address: string) =>
    (
      (await head.get("/api/v1/mail/outbox")).json().messages as {
        to: string;
        subject: string;
        body: string;
      }[]
    ).filter((m) => m.to === address);
  const statusOf = async (personId: string) =>
    (await head.get("/api/v1/compliance/agreements"))
      .json()
      .people.find((p: { id: string }) => p.id === personId).cells[agreementId].status;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin: head, schoolId } = await setUpSchool(t.app));
    ({ agreementId, textSha256: hash } = await staffAgreement(head));
  });
  afterAll(() => t.close());

  it("lets a signer withdraw with a reason: a new record, the old kept, asked to sign again, admins told", async () => {
    const ada = await signAs("Ada");
    const before = await rowOf(ada.signature.id);
    const res = await ada.browser.post(`/api/v1/signatures/${ada.signature.id}/withdraw`, {
      reason: "I signed the wrong agreement by mistake.",
    });
    expect(res.statusCode).toBe(201);
    const withdrawal = res.json();
    expect(withdrawal).toMatchObject({ kind: "withdrawn", correctsId: ada.signature.id });
    expect(await rowOf(ada.signature.id)).toEqual(before);
    expect(await rowOf(withdrawal.id)).toMatchObject({
      kind: "withdrawn",
      person_id: ada.id,
      corrects_id: ada.signature.id,
      reason: "I signed the wrong agreement by mistake.",
    });
    // Where she stands: to sign again, on her list and in the compliance view.
    expect(await statusOf(ada.id)).toBe("pending");
    const mine = (await ada.browser.get("/api/v1/me/agreements")).json().agreements;
    expect(mine.map((a: { id: string }) => a.id)).toContain(agreementId);
    const history = (await ada.browser.get("/api/v1/me/signatures")).json().signatures;
    expect(history.find((s: { id: string }) => s.id === ada.signature.id).withdrawnAt).toEqual(
      expect.any(String),
    );
    const admins = await outboxTo("head@oakfield.test");
    expect(admins.some((m) => m.subject === "Signature withdrawn: Staff acceptable use agreement")).toBe(
      true,
    );
    // The old receipt is still genuine, and the checker learns it was withdrawn.
    const check = (await head.get(`/api/v1/receipts/${ada.signature.verificationReference}`)).json();
    expect(check).toMatchObject({ valid: true, withdrawnAt: expect.any(String) });
    const events = (await head.get("/api/v1/audit?action=agreement.signature_withdrawn")).json().events;
    expect(events[0].summary).toMatchObject({ withdraws: ada.signature.id, by: "the signer" });
    // Withdrawn once only; and she can sign again.
    const again = await ada.browser.post(`/api/v1/signatures/${ada.signature.id}/withdraw`, {
      reason: "Once more.",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe("This signature has already been withdrawn.");
    const resign = await ada.browser.post(
      `/api/v1/agreements/${agreementId}/signatures`,
      body("Ada Staffroom"),
    );
    expect(resign.statusCode).toBe(201);
    expect(await statusOf(ada.id)).toBe("signed");
  });

  it("lets an admin withdraw someone's signature and tells the signer; a colleague cannot even see it", async () => {
    const ben = await signAs("Ben");
    const { browser: colleague } = await signedInPerson(t, head, schoolId, { givenName: "Cal" });
    const refused = await colleague.post(`/api/v1/signatures/${ben.signature.id}/withdraw`, {
      reason: "Not mine to withdraw.",
    });
    expect(refused.statusCode).toBe(404);
    const res = await head.post(`/api/v1/signatures/${ben.signature.id}/withdraw`, {
      reason: "Signed on a shared laptop by someone else.",
    });
    expect(res.statusCode).toBe(201);
    expect(await statusOf(ben.id)).toBe("pending");
    const told = await outboxTo("ben@staffroom.test");
    expect(told.find((m) => m.subject.startsWith("Your signature was withdrawn"))?.body).toContain(
      "Signed on a shared laptop by someone else.",
    );
    const events = (await head.get("/api/v1/audit?action=agreement.signature_withdrawn")).json().events;
    expect(events[0].summary).toMatchObject({ withdraws: ben.signature.id, by: "an administrator" });
  });

  it("asks for a reason, and changes nothing without one", async () => {
    const dee = await signAs("Dee");
    const res = await dee.browser.post(`/api/v1/signatures/${dee.signature.id}/withdraw`, { reason: " " });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("reason");
    expect(await statusOf(dee.id)).toBe("signed");
  });

  it("lets a signer correct a typo or an answer: a new signature pointing at the old, with its own receipt", async () => {
    const eli = await signAs("Eli");
    const before = await rowOf(eli.signature.id);
    const form = (await eli.browser.get(`/api/v1/signatures/${eli.signature.id}/correction`)).json();
    expect(form.signature).toMatchObject({ fullName: "Eli Staffroom", choices: { photo: "agree" } });
    expect(form.agreement).toMatchObject({ id: agreementId, textSha256: hash });
    expect((await head.get(`/api/v1/signatures/${eli.signature.id}/correction`)).statusCode).toBe(404);
    const res = await eli.browser.post(
      `/api/v1/signatures/${eli.signature.id}/corrections`,
      body("Elias Staffroom", "disagree"),
    );
    expect(res.statusCode).toBe(201);
    const corrected = res.json();
    expect(corrected).toMatchObject({
      kind: "signed",
      fullName: "Elias Staffroom",
      choices: { photo: "disagree" },
      correctsId: eli.signature.id,
    });
    expect(corrected.verificationReference).not.toBe(eli.signature.verificationReference);
    expect(await rowOf(eli.signature.id)).toEqual(before);
    expect(await statusOf(eli.id)).toBe("signed");
    const receipts = await outboxTo("eli@staffroom.test");
    expect(receipts.some((m) => m.body.includes(corrected.verificationReference))).toBe(true);
    const history = (await eli.browser.get("/api/v1/me/signatures")).json().signatures;
    expect(history.find((s: { id: string }) => s.id === eli.signature.id).correctedAt).toEqual(
      expect.any(String),
    );
    const pdf = await eli.browser.get(`/api/v1/signatures/${corrected.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    const events = (await head.get("/api/v1/audit?action=agreement.signature_corrected")).json().events;
    expect(events[0].summary).toMatchObject({ corrects: eli.signature.id, fullName: "Elias Staffroom" });
    // The old one cannot be corrected again; only the newest stands.
    const twice = await eli.browser.post(
      `/api/v1/signatures/${eli.signature.id}/corrections`,
      body("E Staffroom"),
    );
    expect(twice.statusCode).toBe(409);
  });

  it("refuses a correction made on other text, or of someone else's signature, and writes nothing", async () => {
    const fay = await signAs("Fay");
    const otherText = await fay.browser.post(`/api/v1/signatures/${fay.signature.id}/corrections`, {
      ...body("Fay Staffroom"),
      textSha256: "0".repeat(64),
    });
    expect(otherText.statusCode).toBe(409);
    const byAdmin = await head.post(
      `/api/v1/signatures/${fay.signature.id}/corrections`,
      body("Fay Staffroom"),
    );
    expect(byAdmin.statusCode).toBe(404);
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM signatures WHERE person_id = ${fay.id}`,
    );
    expect(n).toBe(1);
    expect((await head.get("/api/v1/audit/verify")).json()).toMatchObject({ ok: true });
  });
});
