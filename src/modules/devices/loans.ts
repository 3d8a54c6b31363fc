/**
 * Check-out and check-in: to a person or a class, as an allocation (no due date: a teacher's
 * laptop) or a loan (due back: iPads for a trip); several devices at once; overdue loans chased
 * once a day. A lost, stolen or damaged report opens an online-safety incident (the incidents
 * module routes it), and a device that held personal data unencrypted is a data breach for the DPO.
 */
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { deviceAllocations, devices } from "../../db/schema.js";
import { todayInLondon } from "../../kernel/dates.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, forbidden, notFound } from "../../kernel/problem.js";
import { canReportDevice } from "../access/devices.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { reportIncident } from "../incidents/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import { checkDeviceAgreement } from "./pupil-agreement.js";
import { deviceFor, logDeviceEvent } from "./register.js";

type Holder = { personId?: string; class?: string; dueDate?: string; override?: string };

async function checkHolder(db: Db, actor: Actor, to: Holder) {
  if (to.dueDate && to.dueDate < todayInLondon())
    throw badRequest(msg`The due date has passed.`, [
      { field: "dueDate", message: msg`Choose a date from today on.` },
    ]);
  if (to.personId) {
    const [p] = await queryRows<{ name: string }>(
      db,
      sql`SELECT concat_ws(' ', coalesce(preferred_name, given_name), family_name) AS name FROM people
          WHERE school_id = ${actor.schoolId} AND id = ${to.personId} AND (leave_date IS NULL OR leave_date > now()::date)`,
    );
    if (!p)
      throw badRequest(msg`Choose someone on the school's roll.`, [
        { field: "personId", message: msg`Choose someone on the school's roll.` },
      ]);
    return p.name;
  }
  const [c] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM people WHERE school_id = ${actor.schoolId} AND reg_group = ${to.class ?? ""}`,
  );
  if (!c?.n)
    throw badRequest(msg`There is no such class.`, [
      { field: "class", message: msg`There is no such class.` },
    ]);
  return to.class as string;
}

/** Check several devices out to one person or class at once; all or none. */
export async function checkOut(db: Db, actor: Actor, deviceIds: string[], to: Holder) {
  const ids = [...new Set(deviceIds)];
  const holderName = await checkHolder(db, actor, to);
  return db.transaction(async (tx: Tx) => {
    const rows = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.schoolId, actor.schoolId), sql`${devices.id} = ANY(${sql.param(ids)}::uuid[])`))
      .for("update");
    if (rows.length !== ids.length) throw notFound(msg`device`);
    const unavailable = rows.filter((d) => d.status !== "in_store");
    if (unavailable.length)
      throw conflict(
        msg`Not in store: ${unavailable.map((d) => `${d.assetTag} (${d.status.replace("_", " ")})`).join(", ")}. Check it in first.`,
      );
    // A pupil's own device waits for its agreement (or a recorded reason to go ahead without it).
    if (to.personId) await checkDeviceAgreement(tx, actor, to.personId, to.override, ids);
    const status = to.dueDate ? "on_loan" : "allocated";
    await tx.insert(deviceAllocations).values(
      rows.map((d) => ({
        schoolId: actor.schoolId,
        deviceId: d.id,
        personId: to.personId ?? null,
        className: to.class ?? null,
        dueDate: to.dueDate ?? null,
        outBy: actor.personId,
      })),
    );
    await tx
      .update(devices)
      .set({ status })
      .where(sql`${devices.id} = ANY(${sql.param(ids)}::uuid[])`);
    for (const d of rows)
      await logDeviceEvent(
        tx,
        actor,
        d.id,
        status === "on_loan" ? "loaned" : "allocated",
        `To ${holderName}${to.dueDate ? `, due ${to.dueDate}` : ""}`,
      );
    await recordEvent(tx, actor, {
      action: "device.checked_out",
      entityType: to.personId ? "person" : "school",
      entityId: to.personId ?? actor.schoolId,
      summary: {
        devices: rows.map((d) => d.assetTag).join(", "),
        ...(to.class ? { class: to.class } : {}),
        ...(to.dueDate ? { due: to.dueDate } : {}),
      },
    });
    return { checkedOut: rows.length };
  });
}

export async function checkIn(db: Db, actor: Actor, id: string) {
  const device = await deviceFor(db, actor, id);
  if (!device.holder) throw conflict(msg`${device.assetTag} is not checked out.`);
  await db.transaction(async (tx: Tx) => {
    await tx
      .update(deviceAllocations)
      .set({ returnedAt: new Date(), returnedBy: actor.personId })
      .where(and(eq(deviceAllocations.deviceId, id), isNull(deviceAllocations.returnedAt)));
    // A device reported lost and then found comes back to store, as does one simply returned.
    await tx.update(devices).set({ status: "in_store" }).where(eq(devices.id, id));
    await logDeviceEvent(
      tx,
      actor,
      id,
      "returned",
      `From ${device.holder?.name ?? device.holder?.class ?? "its holder"}`,
    );
    await recordEvent(tx, actor, {
      action: "device.returned",
      entityType: "device",
      entityId: id,
      summary: { name: device.assetTag },
    });
  });
  return deviceFor(db, actor, id);
}

export async function reportDevice(
  db: Db,
  actor: Actor,
  id: string,
  r: { status: "lost" | "stolen" | "damaged"; heldPersonalData: boolean; note: string },
  publicUrl: string,
) {
  const device = await deviceFor(db, actor, id);
  if (!canReportDevice(actor, { schoolId: actor.schoolId, holderId: device.holder?.personId ?? null }))
    throw forbidden(msg`Only whoever holds a device, or the network manager, reports it.`);
  if (device.status === "disposed") throw conflict(msg`${device.assetTag} has been disposed of.`);
  // Personal data on a device nobody can now vouch for, and not encrypted: a breach for the DPO,
  // with the regulator's 72-hour clock. Otherwise the lost or stolen device goes its usual way.
  const breach = r.status !== "damaged" && r.heldPersonalData && !device.encrypted;
  const summary = [
    `${device.assetTag} (${device.makeModel ?? device.type}) reported ${r.status}.`,
    r.heldPersonalData
      ? `It held personal data and ${device.encrypted ? "is encrypted" : "is NOT encrypted"}.`
      : "It held no personal data.",
    r.note,
  ].join(" ");
  const incident = await reportIncident(
    db,
    actor,
    {
      category: breach ? "data_breach" : "lost_or_stolen_device",
      occurredAt: new Date().toISOString(),
      summary,
    },
    publicUrl,
  );
  await db.transaction(async (tx: Tx) => {
    await tx.update(devices).set({ status: r.status }).where(eq(devices.id, id));
    await logDeviceEvent(tx, actor, id, `reported_${r.status}`, r.note, incident.id);
    await recordEvent(tx, actor, {
      action: "device.reported",
      entityType: "device",
      entityId: id,
      summary: { name: device.assetTag, status: r.status, incident: incident.reference },
    });
  });
  return { incidentId: incident.id };
}

export async function disposeDevice(
  db: Db,
  actor: Actor,
  id: string,
  d: { wipeMethod: string; disposedOn: string; note?: string },
) {
  const device = await deviceFor(db, actor, id);
  if (device.holder)
    throw conflict(
      msg`${device.assetTag} is still with ${device.holder.name ?? device.holder.class ?? ""}: check it in first.`,
    );
  if (device.status === "disposed") throw conflict(msg`${device.assetTag} was already disposed of.`);
  await db.transaction(async (tx: Tx) => {
    await tx.update(devices).set({ status: "disposed" }).where(eq(devices.id, id));
    await logDeviceEvent(
      tx,
      actor,
      id,
      "disposed",
      `${d.disposedOn}: ${d.wipeMethod}${d.note ? `. ${d.note}` : ""}`,
    );
    await recordEvent(tx, actor, {
      action: "device.disposed",
      entityType: "device",
      entityId: id,
      summary: { name: device.assetTag, wipeMethod: d.wipeMethod, on: d.disposedOn },
    });
  });
  return deviceFor(db, actor, id);
}

/** Once a day, whoever holds an overdue loan is reminded (a class's loan: whoever checked it out). */
export async function remindOverdue(db: Db, schoolId: string, today = todayInLondon()) {
  const overdue = await db
    .select()
    .from(deviceAllocations)
    .where(
      and(
        eq(deviceAllocations.schoolId, schoolId),
        isNull(deviceAllocations.returnedAt),
        lt(deviceAllocations.dueDate, today),
        sql`(${deviceAllocations.remindedOn} IS NULL OR ${deviceAllocations.remindedOn} < ${today})`,
      ),
    );
  if (overdue.length === 0) return 0;
  await db.transaction(async (tx: Tx) => {
    for (const loan of overdue) {
      const [who] = await queryRows<{ id: string; email: string | null; given: string; tag: string }>(
        tx,
        sql`SELECT p.id, p.email, coalesce(p.preferred_name, p.given_name) AS given, d.asset_tag AS tag
            FROM people p, devices d WHERE p.id = ${loan.personId ?? loan.outBy} AND d.id = ${loan.deviceId}`,
      );
      await tx.update(deviceAllocations).set({ remindedOn: today }).where(eq(deviceAllocations.id, loan.id));
      if (!who?.email) continue;
      await queueMail(tx, schoolId, {
        to: who.email,
        readers: await readerOf(tx, schoolId, who.id),
        subject: msg`Overdue: please return ${who.tag}`,
        lines: [
          msg`Dear ${who.given},`,
          "",
          loan.className
            ? msg`${who.tag} (loaned to ${loan.className}) was due back on ${loan.dueDate}.`
            : msg`${who.tag} was due back on ${loan.dueDate}.`,
          msg`Please return it to the school office or the network manager.`,
        ],
      });
    }
    await recordEvent(tx, systemActor(schoolId), {
      action: "device.overdue_reminded",
      entityType: "school",
      entityId: schoolId,
      summary: { loans: overdue.length },
    });
  });
  return overdue.length;
}
