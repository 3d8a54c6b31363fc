import type { Tx } from "../../db/client.js";
import { queueMail } from "../mail/service.js";
import { getSchool } from "../schools/service.js";
import { networkOf } from "./device.js";
import { credentialsOf, currentPerson, knownDevices } from "./queries.js";

/**
 * The emails that tell a person about their own account: a sign-in from a device they have not
 * used before, and a changed password. Both go to their sign-in address through the outbox, in
 * the transaction of the change, and both say what to do if it was not them.
 */

const londonTime = (d: Date) =>
  d.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "full", timeStyle: "short" });

async function addressee(tx: Tx, personId: string) {
  const cred = await credentialsOf(tx, personId);
  const person = await currentPerson(tx, personId);
  if (!cred || !person) return null;
  const school = await getSchool(tx, cred.schoolId);
  return { email: cred.email, givenName: person.givenName, schoolId: cred.schoolId, schoolName: school.name };
}

const ifNotYou = (publicUrl: string) => [
  "If this wasn't you, reset your password now:",
  `${publicUrl}/forgot-password`,
  "Resetting it signs out every device, and then tell your school's admin.",
];

/**
 * A sign-in from a device (its browser and system) on a network (IPv4 /24, IPv6 /48) that this
 * person has not signed in from before. The very first sign-in (just after an invitation) has
 * nothing to compare with, so it sends nothing.
 */
export async function emailIfNewDevice(
  tx: Tx,
  signIn: { personId: string; attemptId: number; device: string; ip: string | null; publicUrl: string },
) {
  const earlier = await knownDevices(tx, signIn.personId, signIn.attemptId);
  if (earlier.length === 0) return;
  const network = networkOf(signIn.ip);
  if (earlier.some((e) => e.device === signIn.device && networkOf(e.ip) === network)) return;
  const to = await addressee(tx, signIn.personId);
  if (!to) return;
  await queueMail(tx, to.schoolId, {
    to: to.email,
    subject: "A new sign-in to your Accord account",
    text: [
      `Dear ${to.givenName},`,
      "",
      `There was a new sign-in to your Accord account at ${to.schoolName}:`,
      "",
      `  When: ${londonTime(new Date())}`,
      `  Device: ${signIn.device}`,
      `  Address: ${signIn.ip ?? "unknown"}`,
      "",
      "If this was you, there is nothing to do.",
      ...ifNotYou(signIn.publicUrl),
      "",
      `You can see your sign-ins and sign out other devices under Account: ${signIn.publicUrl}/account`,
    ].join("\n"),
  });
}

/** After a change or a reset: the owner of the address hears of it, whoever made it. */
export async function emailPasswordChanged(
  tx: Tx,
  change: { personId: string; ip: string | null; how: "changed" | "reset" },
  publicUrl: string,
) {
  const to = await addressee(tx, change.personId);
  if (!to) return;
  await queueMail(tx, to.schoolId, {
    to: to.email,
    subject: "Your Accord password was changed",
    text: [
      `Dear ${to.givenName},`,
      "",
      `The password of your Accord account at ${to.schoolName} was ${change.how === "reset" ? "reset with an emailed link" : "changed"} on ${londonTime(new Date())}${change.ip ? ` from the address ${change.ip}` : ""}.`,
      "Every device that was signed in has been signed out.",
      "",
      "If this was you, there is nothing to do.",
      ...ifNotYou(publicUrl),
    ].join("\n"),
  });
}
