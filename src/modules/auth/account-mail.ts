import type { Tx } from "../../db/client.js";
import { msg } from "../../kernel/i18n/index.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { getSchool } from "../schools/service.js";
import { networkOf } from "./device.js";
import { credentialsOf, currentPerson, knownDevices } from "./queries.js";

/**
 * The emails that tell a person about their own account: a sign-in from a device they have not
 * used before, and a changed password. Both go to their sign-in address through the outbox, in
 * the transaction of the change, and both say what to do if it was not them.
 */

async function addressee(tx: Tx, personId: string) {
  const cred = await credentialsOf(tx, personId);
  const person = await currentPerson(tx, personId);
  if (!cred || !person) return null;
  const school = await getSchool(tx, cred.schoolId);
  return {
    email: cred.email,
    givenName: person.givenName,
    schoolId: cred.schoolId,
    schoolName: school.name,
    readers: await readerOf(tx, cred.schoolId, personId),
  };
}

const ifNotYou = (publicUrl: string) => [
  msg`If this wasn't you, reset your password now:`,
  `${publicUrl}/forgot-password`,
  msg`Resetting it signs out every device, and then tell your school's admin.`,
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
    readers: to.readers,
    subject: msg`A new sign-in to your Accord account`,
    lines: [
      msg`Dear ${to.givenName},`,
      "",
      msg`There was a new sign-in to your Accord account at ${to.schoolName}:`,
      "",
      msg`  When: ${{ dateTime: new Date() }}`,
      msg`  Device: ${signIn.device}`,
      signIn.ip ? msg`  Address: ${signIn.ip}` : msg`  Address: unknown`,
      "",
      msg`If this was you, there is nothing to do.`,
      ...ifNotYou(signIn.publicUrl),
      "",
      msg`You can see your sign-ins and sign out other devices under Account: ${signIn.publicUrl}/account`,
    ],
  });
}

/** What happened to the password, when, and from where if known: each case a whole sentence. */
function changedLine(school: string, how: "changed" | "reset", when: { dateTime: Date }, ip: string | null) {
  if (how === "reset")
    return ip
      ? msg`The password of your Accord account at ${school} was reset with an emailed link on ${when} from the address ${ip}.`
      : msg`The password of your Accord account at ${school} was reset with an emailed link on ${when}.`;
  return ip
    ? msg`The password of your Accord account at ${school} was changed on ${when} from the address ${ip}.`
    : msg`The password of your Accord account at ${school} was changed on ${when}.`;
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
    readers: to.readers,
    subject: msg`Your Accord password was changed`,
    lines: [
      msg`Dear ${to.givenName},`,
      "",
      changedLine(to.schoolName, change.how, { dateTime: new Date() }, change.ip),
      msg`Every device that was signed in has been signed out.`,
      "",
      msg`If this was you, there is nothing to do.`,
      ...ifNotYou(publicUrl),
    ],
  });
}
