import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { people, signatures } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { canCorrectSignature, canWithdrawSignature } from "../access/signatures.js";
import { bindRecord, lockChain, recordEvent } from "../audit/service.js";
import { queueMail } from "../mail/service.js";
import { readerOf } from "../people/service.js";
import {
  authMethodOf,
  newReference,
  newSignature,
  presentSignature,
  receiptEmail,
  type SignatureBody,
  tellAdmins,
} from "./signatures.js";
import { SUBJECT_NOUNS } from "./subject-types.js";
import { loadSubject } from "./subjects.js";

/**
 * Signatures are evidence and never change. Withdrawing one, or correcting it (a typo in the
 * name, a changed answer), is a new record that points at the old one (`corrects_id`); the old
 * one stays, with its receipt, and the newest record says where the person stands.
 */

type SignatureRow = typeof signatures.$inferSelect;

/**
 * The signature, if it is a signature still in force: not withdrawn, not already corrected.
 * Callers hold the school's chain lock (every signature writer takes it), so two withdrawals
 * of one signature cannot both pass this check.
 */
async function signatureInForce(tx: Tx, actor: Actor, id: string, may: (s: SignatureRow) => boolean) {
  const [row] = await tx
    .select()
    .from(signatures)
    .where(
      and(eq(signatures.schoolId, actor.schoolId), eq(signatures.id, id), eq(signatures.kind, "signed")),
    );
  // Someone who may not act on it learns nothing about it.
  if (!row || !may(row)) throw notFound(msg`signature`);
  const [later] = await tx
    .select({ kind: signatures.kind })
    .from(signatures)
    .where(and(eq(signatures.schoolId, actor.schoolId), eq(signatures.correctsId, id)));
  if (later)
    throw conflict(
      later.kind === "withdrawn"
        ? msg`This signature has already been withdrawn.`
        : msg`This signature has already been corrected: act on the newer one.`,
    );
  return row;
}

/** What the signature was of, as its owner describes it now. */
async function subjectOf(tx: Tx, s: SignatureRow) {
  const subject = await loadSubject(tx, s.subjectType, s.schoolId, s.subjectId);
  if (!subject) throw notFound(SUBJECT_NOUNS[s.subjectType]);
  return subject;
}

export async function withdrawSignature(db: Db, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    await lockChain(tx, actor.schoolId);
    const old = await signatureInForce(tx, actor, id, (s) => canWithdrawSignature(actor, s));
    const agreement = await subjectOf(tx, old);
    const bySigner = old.personId === actor.personId;
    const rowId = randomUUID();
    const eventId = randomUUID();
    const [row] = await tx
      .insert(signatures)
      .values({
        id: rowId,
        schoolId: actor.schoolId,
        subjectType: old.subjectType,
        subjectId: old.subjectId,
        kind: "withdrawn",
        personId: old.personId,
        onBehalfOfId: old.onBehalfOfId,
        // Who withdrew it: the signer, or the administrator acting for them.
        fullName: actor.name ?? "",
        reason,
        textSha256: old.textSha256,
        authMethod: authMethodOf(actor),
        signedAt: new Date(),
        auditEventId: eventId,
        verificationRef: newReference(),
        correctsId: old.id,
      })
      .returning();
    await recordEvent(tx, actor, {
      id: eventId,
      action: `${old.subjectType}.signature_withdrawn`,
      entityType: old.subjectType,
      entityId: old.subjectId,
      summary: {
        title: agreement.title,
        signatureId: rowId,
        withdraws: old.id,
        signer: old.fullName,
        by: bySigner ? "the signer" : "an administrator",
        reason,
      },
      records: [bindRecord("signature", row)],
    });
    if (bySigner) {
      await tellAdmins(tx, actor.schoolId, {
        subject: msg`Signature withdrawn: ${agreement.title}`,
        lines: [
          msg`${actor.name} has withdrawn their signature on "${agreement.title}".`,
          "",
          msg`Their reason: ${reason}`,
          "",
          msg`They are asked to sign again; see the compliance view in Accord.`,
        ],
      });
    } else if (old.personId) {
      // The signer is told that their signature no longer stands, and why.
      const [signer] = await tx
        .select({ email: people.email })
        .from(people)
        .where(eq(people.id, old.personId));
      if (signer?.email)
        await queueMail(tx, actor.schoolId, {
          to: signer.email,
          readers: await readerOf(tx, actor.schoolId, old.personId),
          subject: msg`Your signature was withdrawn: ${agreement.title}`,
          lines: [
            msg`${actor.name} withdrew your signature on "${agreement.title}" (reference ${old.verificationRef}).`,
            "",
            msg`Reason: ${reason}`,
            "",
            msg`You may be asked to sign it again.`,
          ],
        });
    }
    return presentSignature(row);
  });
}

/**
 * What a correction form needs: the signature being corrected (to fill the form) and the
 * agreement's text in force with its hash (the signer signs it again).
 */
export async function correctionFor(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const old = await signatureInForce(tx, actor, id, (s) => canCorrectSignature(actor, s));
    const agreement = await subjectOf(tx, old);
    if (!agreement.inForce)
      throw conflict(
        msg`This agreement has been replaced by a newer version: sign the new version instead of correcting this one.`,
      );
    return { signature: presentSignature(old), agreement: agreement.shown };
  });
}

/** The signer gives their signature again, corrected; the text must still be the text in force. */
export async function correctSignature(
  db: Db,
  actor: Actor,
  id: string,
  body: SignatureBody,
  ctx: { ip: string | null; userAgent: string | null },
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    await lockChain(tx, actor.schoolId);
    const old = await signatureInForce(tx, actor, id, (s) => canCorrectSignature(actor, s));
    const agreement = await subjectOf(tx, old);
    const { row, event } = newSignature(actor, agreement, body, {
      personId: old.personId,
      onBehalfOfId: old.onBehalfOfId,
      authMethod: authMethodOf(actor),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      correctsId: old.id,
    });
    await tx.insert(signatures).values(row);
    const [me] = await tx.select({ email: people.email }).from(people).where(eq(people.id, old.personId!));
    if (me?.email)
      await queueMail(
        tx,
        actor.schoolId,
        receiptEmail(
          me.email,
          await readerOf(tx, actor.schoolId, old.personId),
          agreement.title,
          row,
          publicUrl,
        ),
      );
    await recordEvent(tx, actor, {
      ...event,
      action: `${old.subjectType}.signature_corrected`,
      summary: { ...event.summary, corrects: old.id },
    });
    return presentSignature(row);
  });
}
