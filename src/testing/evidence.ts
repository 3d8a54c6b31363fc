import type { Browser, TestApp } from "./app.js";
import { signedInPerson, staffAgreement } from "./factories.js";

/**
 * A school with the evidence an inspector or a court would ask about: a staff signature, a
 * carer's consent answer taken by phone, and an incident with a timeline entry.
 */
export async function schoolWithEvidence(t: TestApp, head: Browser, schoolId: string) {
  const { agreementId, textSha256 } = await staffAgreement(head);
  const jane = await signedInPerson(t, head, schoolId, { givenName: "Jane", familyName: "Smith" });
  const signature = (
    await jane.browser.post(`/api/v1/agreements/${agreementId}/signatures`, {
      fullName: "Jane Smith",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256,
    })
  ).json();
  const pupil = (
    await head.post("/api/v1/people", { givenName: "Gwen", familyName: "Morgan", kinds: ["pupil"] })
  ).json();
  await head.post("/api/v1/consent/purposes", {
    key: "school_website",
    name: "Photos on the school website",
    description: "Photos of your child on our public website.",
    basis: "consent",
  });
  const answered = await head.post("/api/v1/consent/answers", {
    pupilId: pupil.id,
    purposeKey: "school_website",
    answer: "no",
    method: "phone",
    note: "Mother rang.",
  });
  const incident = (
    await head.post("/api/v1/incidents", {
      category: "cyberbullying",
      occurredAt: new Date().toISOString(),
      summary: "Gwen was sent unkind messages in a class group chat.",
    })
  ).json();
  const entry = (
    await head.post(`/api/v1/incidents/${incident.id}/entries`, {
      kind: "action",
      text: "Spoke to both classmates; messages deleted.",
    })
  ).json();
  if (!signature.id || answered.statusCode !== 201 || !incident.id || !entry.id)
    throw new Error(
      `evidence not made: ${JSON.stringify({ signature, answered: answered.json(), incident, entry })}`,
    );
  return {
    signature,
    pupilId: pupil.id as string,
    incidentId: incident.id as string,
    entryId: entry.id as string,
  };
}
