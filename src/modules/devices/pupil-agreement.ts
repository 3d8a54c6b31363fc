/**
 * A school iPad or laptop for a pupil (1:1 or take-home) comes with its agreement: the pupil's
 * pledge (signed in a class session) and a parent's signature (by emailed link), both through the
 * signing module. The school names the two agreements once; handing a device to a pupil then
 * waits until both are signed, or goes ahead with an override whose reason is kept on the device's
 * history and in the audit log.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { agreements, deviceSettings } from "../../db/schema.js";
import { addDays, todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { sendParentLinks } from "../signing/parent-links.js";
import { coverOf } from "../signing/parent-reach.js";
import { loadSubject, ownerOf } from "../signing/subjects.js";
import { deviceFor, logDeviceEvent } from "./register.js";
import type { DeviceAgreementView, DeviceSettingsInput } from "./schema.js";

/** How long the family has to sign when the school asks. */
const SIGN_WITHIN_DAYS = 14;

/** The agreement in force now for one the school chose (a new policy version replaces it). */
async function inForce(db: DbOrTx, schoolId: string, id: string | null) {
  if (!id) return null;
  const [row] = await queryRows<{ id: string; title: string }>(
    db,
    sql`WITH RECURSIVE line(id) AS (
          SELECT ${id}::uuid
          UNION SELECT a.id FROM agreements a JOIN line ON a.supersedes_id = line.id WHERE a.school_id = ${schoolId})
        SELECT a.id, a.title FROM agreements a JOIN line ON line.id = a.id
        WHERE a.school_id = ${schoolId} AND a.status = 'active' LIMIT 1`,
  );
  return row ?? null;
}

export async function deviceSettingsOf(db: DbOrTx, schoolId: string) {
  const [row] = await db.select().from(deviceSettings).where(eq(deviceSettings.schoolId, schoolId));
  const [pupil, parent] = await Promise.all([
    inForce(db, schoolId, row?.pupilAgreementId ?? null),
    inForce(db, schoolId, row?.parentAgreementId ?? null),
  ]);
  const offered = await db
    .select({ id: agreements.id, title: agreements.title, audience: agreements.audience })
    .from(agreements)
    .where(and(eq(agreements.schoolId, schoolId), eq(agreements.status, "active")))
    .orderBy(agreements.title);
  const of = (audience: string) =>
    offered.filter((a) => a.audience === audience).map(({ id, title }) => ({ id, title }));
  return {
    pupilAgreement: pupil,
    parentAgreement: parent,
    choices: { pupils: of("pupils"), parents: of("parents") },
  };
}

export async function saveDeviceSettings(db: Db, actor: Actor, input: DeviceSettingsInput) {
  const check = async (id: string | null, audience: string, field: string, who: string) => {
    if (!id) return;
    const [a] = await db
      .select({ audience: agreements.audience, status: agreements.status })
      .from(agreements)
      .where(and(eq(agreements.schoolId, actor.schoolId), eq(agreements.id, id)));
    const message = !a
      ? msg`That agreement does not exist.`
      : a.audience !== audience
        ? msg`Choose an agreement addressed to ${who}.`
        : a.status !== "active"
          ? msg`That agreement has been replaced; choose the one in force.`
          : null;
    if (message) throw badRequest(message, [{ field, message }]);
  };
  await check(input.pupilAgreementId, "pupils", "pupilAgreementId", "pupils");
  await check(input.parentAgreementId, "parents", "parentAgreementId", "parents and carers");
  await db.transaction(async (tx: Tx) => {
    const values = {
      schoolId: actor.schoolId,
      pupilAgreementId: input.pupilAgreementId,
      parentAgreementId: input.parentAgreementId,
    };
    await tx
      .insert(deviceSettings)
      .values(values)
      .onConflictDoUpdate({ target: deviceSettings.schoolId, set: { ...values, updatedAt: new Date() } });
    await recordEvent(tx, actor, {
      action: "device.settings_changed",
      entityType: "school",
      entityId: actor.schoolId,
      summary: values,
    });
  });
  return deviceSettingsOf(db, actor.schoolId);
}

/** Whether this person is a pupil on the roll (only pupils' devices need the agreement). */
async function pupilName(db: DbOrTx, schoolId: string, personId: string) {
  const [p] = await queryRows<{ name: string }>(
    db,
    sql`SELECT concat_ws(' ', coalesce(preferred_name, given_name), nullif(family_name, '')) AS name FROM people
        WHERE school_id = ${schoolId} AND id = ${personId} AND 'pupil' = ANY(kinds)`,
  );
  return p?.name ?? null;
}

/**
 * Where a pupil's device agreement stands: null when the person is not a pupil or the school has
 * named no device agreement. A pledge counts when the pupil's newest record on it (or an earlier
 * version with the same text) is a signature; a parent's when the child is covered.
 */
export async function deviceAgreementFor(
  db: DbOrTx,
  schoolId: string,
  personId: string,
): Promise<DeviceAgreementView | null> {
  const settings = await deviceSettingsOf(db, schoolId);
  if (!settings.pupilAgreement && !settings.parentAgreement) return null;
  const name = await pupilName(db, schoolId, personId);
  if (!name) return null;
  let pupilPledge: DeviceAgreementView["pupilPledge"] = null;
  if (settings.pupilAgreement) {
    const line = await ownerOf("agreement").sameText(db, settings.pupilAgreement.id);
    const [newest] = await queryRows<{ kind: string; signed_at: Date | string }>(
      db,
      sql`SELECT kind, signed_at FROM signatures
          WHERE school_id = ${schoolId} AND person_id = ${personId} AND on_behalf_of_id IS NULL
            AND subject_id = ANY(${sql.param(line)}::uuid[])
          ORDER BY signed_at DESC LIMIT 1`,
    );
    pupilPledge = {
      agreementId: settings.pupilAgreement.id,
      title: settings.pupilAgreement.title,
      signedAt: newest?.kind === "signed" ? new Date(newest.signed_at).toISOString() : null,
    };
  }
  let parentSignature: DeviceAgreementView["parentSignature"] = null;
  if (settings.parentAgreement) {
    const subject = await loadSubject(db, "agreement", schoolId, settings.parentAgreement.id);
    const cover = subject ? await coverOf(db, subject, [personId]) : new Map();
    parentSignature = {
      agreementId: settings.parentAgreement.id,
      title: settings.parentAgreement.title,
      signedBy: cover.get(personId) ?? null,
    };
  }
  const complete =
    (pupilPledge === null || pupilPledge.signedAt !== null) &&
    (parentSignature === null || parentSignature.signedBy !== null);
  return { pupil: { id: personId, name }, pupilPledge, parentSignature, complete };
}

/**
 * Before a device goes to a pupil: refuse (409, naming what is missing) unless the agreement is
 * signed or the caller gives a reason to go ahead without it, which is kept with the device.
 */
export async function checkDeviceAgreement(
  tx: Tx,
  actor: Actor,
  personId: string,
  override: string | undefined,
  deviceIds: string[],
) {
  const status = await deviceAgreementFor(tx, actor.schoolId, personId);
  if (!status || status.complete) return;
  const missing = [
    ...(status.pupilPledge && !status.pupilPledge.signedAt ? ["pupil_pledge"] : []),
    ...(status.parentSignature && !status.parentSignature.signedBy ? ["parent_signature"] : []),
  ];
  if (!override)
    throw conflict(
      msg`${status.pupil.name} has not yet ${missing.length === 2 ? "signed the pledge, nor has a parent signed" : missing[0] === "pupil_pledge" ? "signed the device pledge" : "got a parent's signature on the device agreement"}. Ask for the agreement, or give a reason to go ahead without it.`,
      { missing },
    );
  for (const id of deviceIds)
    await logDeviceEvent(tx, actor, id, "agreement_overridden", `Without the device agreement: ${override}`);
  await recordEvent(tx, actor, {
    action: "device.agreement_overridden",
    entityType: "person",
    entityId: personId,
    summary: { missing: missing.join(", "), reason: override },
  });
}

/**
 * Ask for a pupil's device agreement: the pledge is added to what the pupil signs in their next
 * class session, and each carer with parental responsibility is emailed a link for this child.
 */
export async function askForDeviceAgreement(
  db: Db,
  actor: Actor,
  deviceId: string,
  personId: string,
  publicUrl: string,
) {
  await deviceFor(db, actor, deviceId);
  const status = await deviceAgreementFor(db, actor.schoolId, personId);
  if (!status)
    throw badRequest(msg`Only a pupil's device needs the device agreement, and the school has named none.`);
  if (status.complete) throw conflict(msg`${status.pupil.name}'s device agreement is already signed.`);
  const due = addDays(todayInLondon(), SIGN_WITHIN_DAYS);
  let links = 0;
  await db.transaction(async (tx: Tx) => {
    if (status.pupilPledge && !status.pupilPledge.signedAt) {
      const pledge = await loadSubject(tx, "agreement", actor.schoolId, status.pupilPledge.agreementId);
      if (!pledge) throw notFound(msg`agreement`);
      await ownerOf("agreement").ask(tx, actor, pledge, [personId], due);
    }
    if (status.parentSignature && !status.parentSignature.signedBy) {
      const form = await loadSubject(tx, "agreement", actor.schoolId, status.parentSignature.agreementId);
      if (!form) throw notFound(msg`agreement`);
      const carers = await queryRows<{ id: string }>(
        tx,
        sql`SELECT contact_id AS id FROM pupil_contacts
            WHERE school_id = ${actor.schoolId} AND pupil_id = ${personId} AND parental_responsibility`,
      );
      await ownerOf("agreement").ask(
        tx,
        actor,
        form,
        carers.map((c) => c.id),
        due,
      );
    }
    await logDeviceEvent(
      tx,
      actor,
      deviceId,
      "agreement_asked",
      `Device agreement asked of ${status.pupil.name}`,
      null,
      personId,
    );
    await recordEvent(tx, actor, {
      action: "device.agreement_asked",
      entityType: "person",
      entityId: personId,
      summary: { pledge: status.pupilPledge?.title ?? null, parents: status.parentSignature?.title ?? null },
    });
  });
  if (status.parentSignature && !status.parentSignature.signedBy) {
    const sent = await sendParentLinks(
      db,
      actor,
      "agreement",
      status.parentSignature.agreementId,
      publicUrl,
      false,
      personId,
    );
    links = sent.sent;
  }
  return { linksSent: links, pledgeAsked: Boolean(status.pupilPledge && !status.pupilPledge.signedAt) };
}
