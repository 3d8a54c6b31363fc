/**
 * When a pupil's yes turns to no, images already published must come down. Each image manager
 * the school names (website, social media) is emailed at once, sees the item on their list, and
 * is chased every two days until they confirm the images are gone.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Db, type DbOrTx, queryRows, type Tx } from "../../db/client.js";
import { consentRemovals } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { conflict, forbidden, notFound } from "../../kernel/problem.js";
import { canConfirmRemoval } from "../access/consent.js";
import { isSchoolAdmin } from "../access/predicates.js";
import { type Actor, systemActor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readersOf } from "../people/service.js";
import { nameOf } from "./queries.js";
import { settingsOf } from "./settings.js";

type Pupil = { id: string; name: string };
type Purpose = { id: string; name: string };

export async function notifyRemovals(
  tx: Tx,
  schoolId: string,
  pupil: Pupil,
  items: { purpose: Purpose; answerId: string | null }[],
  cause: "withdrawn" | "restricted",
  publicUrl: string,
) {
  const { imageManagerIds } = await settingsOf(tx, schoolId);
  if (imageManagerIds.length === 0 || items.length === 0) return;
  const managers = await queryRows<{ id: string; email: string | null }>(
    tx,
    sql`SELECT p.id, p.email FROM people p
        WHERE p.school_id = ${schoolId} AND p.id = ANY(${sql.param(imageManagerIds)}::uuid[])`,
  );
  await tx.insert(consentRemovals).values(
    managers.flatMap((m) =>
      items.map((i) => ({
        schoolId,
        pupilId: pupil.id,
        purposeId: i.purpose.id,
        answerId: i.answerId,
        managerId: m.id,
      })),
    ),
  );
  // A restriction's reason is never sent: the manager needs only to know the images must go.
  const why =
    cause === "restricted"
      ? msg`${pupil.name}'s images must not be published or shared any more.`
      : msg`Consent for images of ${pupil.name} has been withdrawn.`;
  const readers = await readersOf(
    tx,
    schoolId,
    managers.map((m) => m.id),
  );
  for (const m of managers) {
    if (!m.email) continue;
    await queueMail(tx, schoolId, {
      to: m.email,
      readers: readers(m.id),
      subject: msg`Please take down images of ${pupil.name}`,
      lines: [
        why,
        "",
        msg`Please remove any images of them from:`,
        ...items.map((i) => `  - ${i.purpose.name}`),
        "",
        msg`Then confirm it is done: ${publicUrl}/consent/removals`,
      ],
    });
  }
}

export async function listRemovals(db: DbOrTx, actor: Actor) {
  // Admins see every open and recent removal; a manager sees what they were asked to do.
  const mine = isSchoolAdmin(actor) ? sql`true` : sql`r.manager_id = ${actor.personId}`;
  const rows = await queryRows<{
    id: string;
    pupil_name: string;
    purpose_name: string;
    withdrawn_at: Date | string;
    manager_name: string;
    confirmed_at: Date | string | null;
  }>(
    db,
    sql`SELECT r.id, ${nameOf("p")} AS pupil_name, pu.name AS purpose_name, r.notified_at AS withdrawn_at,
          ${nameOf("m")} AS manager_name, r.confirmed_at
        FROM consent_removals r JOIN people p ON p.id = r.pupil_id JOIN people m ON m.id = r.manager_id
          JOIN consent_purposes pu ON pu.id = r.purpose_id
        WHERE r.school_id = ${actor.schoolId} AND ${mine}
          AND (r.confirmed_at IS NULL OR r.confirmed_at > now() - interval '90 days')
        ORDER BY r.confirmed_at NULLS FIRST, r.notified_at DESC`,
  );
  return rows.map((r) => ({
    id: r.id,
    pupilName: r.pupil_name,
    purposeName: r.purpose_name,
    withdrawnAt: new Date(r.withdrawn_at).toISOString(),
    managerName: r.manager_name,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
  }));
}

export async function confirmRemoval(db: Db, actor: Actor, id: string) {
  const [removal] = await db
    .select()
    .from(consentRemovals)
    .where(and(eq(consentRemovals.schoolId, actor.schoolId), eq(consentRemovals.id, id)));
  if (!removal) throw notFound(msg`removal`);
  if (!canConfirmRemoval(actor, removal))
    throw forbidden(msg`Only the person asked to take the images down, or an administrator, confirms it.`);
  if (removal.confirmedAt) throw conflict(msg`That removal was already confirmed.`);
  await db.transaction(async (tx: Tx) => {
    await tx.update(consentRemovals).set({ confirmedAt: new Date() }).where(eq(consentRemovals.id, id));
    await recordEvent(tx, actor, {
      action: "consent.removal_confirmed",
      entityType: "person",
      entityId: removal.pupilId,
    });
  });
  return { confirmed: true };
}

/** Every two days, each manager with removals still open is reminded once (a daily sweep). */
export async function chaseRemovals(db: Db, schoolId: string, publicUrl: string) {
  const open = await queryRows<{
    id: string;
    manager_id: string;
    email: string | null;
    pupil_name: string;
    purpose_name: string;
  }>(
    db,
    sql`SELECT r.id, r.manager_id, m.email, ${nameOf("p")} AS pupil_name, pu.name AS purpose_name
        FROM consent_removals r JOIN people m ON m.id = r.manager_id JOIN people p ON p.id = r.pupil_id
          JOIN consent_purposes pu ON pu.id = r.purpose_id
        WHERE r.school_id = ${schoolId} AND r.confirmed_at IS NULL
          AND coalesce(r.chased_at, r.notified_at) < now() - interval '2 days'`,
  );
  if (open.length === 0) return 0;
  const byManager = new Map<string, typeof open>();
  for (const r of open) byManager.set(r.manager_id, [...(byManager.get(r.manager_id) ?? []), r]);
  await db.transaction(async (tx: Tx) => {
    const readers = await readersOf(tx, schoolId, [...byManager.keys()]);
    for (const items of byManager.values()) {
      if (items[0].email)
        await queueMail(tx, schoolId, {
          to: items[0].email,
          readers: readers(items[0].manager_id),
          subject: msg`Reminder: images still to take down`,
          lines: [
            msg`These images are still waiting for you to confirm they have been taken down:`,
            ...items.map((i) => `  - ${i.pupil_name}: ${i.purpose_name}`),
            "",
            msg`Confirm here: ${publicUrl}/consent/removals`,
          ],
        });
    }
    await tx
      .update(consentRemovals)
      .set({ chasedAt: new Date() })
      .where(sql`${consentRemovals.id} = ANY(${sql.param(open.map((r) => r.id))}::uuid[])`);
    await recordEvent(tx, systemActor(schoolId), {
      action: "consent.removal_chased",
      entityType: "school",
      entityId: schoolId,
      summary: { removals: open.length },
    });
  });
  return open.length;
}
