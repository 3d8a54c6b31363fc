import { and, desc, eq, lte, type SQL, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { mailOutbox } from "../../db/schema.js";

export type OutgoingMail = { to: string; subject: string; text: string };

/**
 * Business code calls this inside its own transaction: the email exists exactly when the
 * change that caused it commits. The sweeper delivers it later, retrying while SMTP is down.
 */
export async function queueMail(tx: Tx, schoolId: string, mail: OutgoingMail) {
  await tx
    .insert(mailOutbox)
    .values({ schoolId, toAddress: mail.to, subject: mail.subject, bodyText: mail.text });
}

/**
 * Many emails as one statement, for busy paths that write a batch in one go (signing receipts:
 * see `writeTogether`). The same rule: the caller runs it inside the transaction it belongs to.
 */
export function queueMailsSql(mails: (OutgoingMail & { schoolId: string })[]): SQL[] {
  if (mails.length === 0) return [];
  const col = (f: (m: (typeof mails)[number]) => string) => sql.param(mails.map(f));
  return [
    sql`INSERT INTO mail_outbox (school_id, to_address, subject, body_text)
    SELECT * FROM unnest(${col((m) => m.schoolId)}::uuid[], ${col((m) => m.to)}::text[],
      ${col((m) => m.subject)}::text[], ${col((m) => m.text)}::text[])`,
  ];
}

/**
 * Emails to people by id, each to the address their record holds when the statement runs;
 * someone with no address gets none (as when the caller looks the address up first). `onlyIf`
 * makes the insert conditional (see audit's `appendIfChainUnchanged`).
 */
export function queueMailsToPeopleSql(
  mails: { schoolId: string; personId: string; subject: string; text: string }[],
  onlyIf?: SQL,
): SQL[] {
  if (mails.length === 0) return [];
  const col = (f: (m: (typeof mails)[number]) => string) => sql.param(mails.map(f));
  return [
    // The address by a subquery per row (an index look-up whatever the batch size), not a join.
    sql`INSERT INTO mail_outbox (school_id, to_address, subject, body_text)
    SELECT * FROM (SELECT m.school_id,
        (SELECT p.email FROM people p WHERE p.id = m.person_id AND p.school_id = m.school_id) AS email,
        m.subject, m.body_text
      FROM unnest(${col((m) => m.schoolId)}::uuid[], ${col((m) => m.personId)}::uuid[],
        ${col((m) => m.subject)}::text[], ${col((m) => m.text)}::text[]) AS m(school_id, person_id, subject, body_text)) AS addressed
    WHERE email IS NOT NULL${onlyIf ? sql` AND ${onlyIf}` : sql``}`,
  ];
}

export async function listOutbox(db: DbOrTx, schoolId: string, limit = 200) {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.schoolId, schoolId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
  return rows.map((m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    body: m.bodyText,
    status: m.status,
    attempts: m.attempts,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    lastError: m.lastError,
  }));
}

export async function countHeld(db: DbOrTx, schoolId: string) {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.schoolId, schoolId), eq(mailOutbox.status, "pending")));
  return n;
}

/** After this many failed attempts a message is marked failed and shown to admins. */
export const MAX_ATTEMPTS = 8;
/** 1, 2, 4 … minutes between attempts, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** (attempts - 1)) * 60_000;

export type Transport = {
  sendMail(m: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
};

export function smtpTransport(url: string): Transport {
  return nodemailer.createTransport(url);
}

/**
 * Deliver due messages. Rows are claimed with SKIP LOCKED so several app servers can sweep at
 * once without sending a message twice; each message commits on its own.
 */
export async function sweepOutbox(db: Db, transport: Transport, from: string, batch = 20) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < batch; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [m] = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(mailOutbox.nextAttemptAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!m) return "empty" as const;
      try {
        await transport.sendMail({ from, to: m.toAddress, subject: m.subject, text: m.bodyText });
        await tx
          .update(mailOutbox)
          .set({ status: "sent", sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, m.id));
        return "sent" as const;
      } catch (err) {
        const attempts = m.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
            nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
            lastError: String((err as Error).message ?? err).slice(0, 500),
          })
          .where(eq(mailOutbox.id, m.id));
        return "failed" as const;
      }
    });
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
export { mailAttention } from "./attention.js";
