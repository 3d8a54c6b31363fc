import { and, desc, eq, lte, type SQL, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, DbOrTx, Tx } from "../../db/client.js";
import { mailOutbox } from "../../db/schema.js";
import { type Message, mailFor, type Readers } from "../../kernel/i18n/index.js";

/**
 * An email as business code writes it: its subject and lines as messages, and who reads it (one
 * language, or both where the reader's is unknown). It is put into words here, once (decision 038).
 */
export type OutgoingMail = {
  to: string;
  readers: Readers;
  subject: Message;
  lines: readonly (Message | string)[];
};

/**
 * Business code calls this inside its own transaction: the email exists exactly when the
 * change that caused it commits. The sweeper delivers it later, retrying while SMTP is down.
 */
export async function queueMail(tx: Tx, schoolId: string, mail: OutgoingMail) {
  const { subject, text } = mailFor(mail.readers, mail.subject, mail.lines);
  await tx.insert(mailOutbox).values({ schoolId, toAddress: mail.to, subject, bodyText: text });
}

/**
 * Emails to people by id, each to the address and in the language their record holds when the
 * statement runs (their own language, else the school's); someone with no address gets none. One
 * statement for a batch (signing receipts: see `writeTogether`): each email is written in every
 * language here and the statement picks. `onlyIf` makes the insert conditional (see audit's
 * `appendIfChainUnchanged`).
 */
export function queueMailsToPeopleSql(
  mails: { schoolId: string; personId: string; subject: Message; lines: readonly (Message | string)[] }[],
  onlyIf?: SQL,
): SQL[] {
  if (mails.length === 0) return [];
  const written = mails.map((m) => ({
    ...m,
    en: mailFor("en-GB", m.subject, m.lines),
    cy: mailFor("cy", m.subject, m.lines),
    both: mailFor("bilingual", m.subject, m.lines),
  }));
  const col = (f: (m: (typeof written)[number]) => string) => sql.param(written.map(f));
  return [
    // The address and language by a subquery per row (an index look-up whatever the batch size), not a join.
    sql`INSERT INTO mail_outbox (school_id, to_address, subject, body_text)
    SELECT school_id, email,
        CASE lang WHEN 'cy' THEN subject_cy WHEN 'bilingual' THEN subject_both ELSE subject_en END,
        CASE lang WHEN 'cy' THEN text_cy WHEN 'bilingual' THEN text_both ELSE text_en END
    FROM (SELECT m.*, p.email, coalesce(p.language, (SELECT s.language FROM schools s WHERE s.id = m.school_id)) AS lang
      FROM unnest(${col((m) => m.schoolId)}::uuid[], ${col((m) => m.personId)}::uuid[],
        ${col((m) => m.en.subject)}::text[], ${col((m) => m.en.text)}::text[],
        ${col((m) => m.cy.subject)}::text[], ${col((m) => m.cy.text)}::text[],
        ${col((m) => m.both.subject)}::text[], ${col((m) => m.both.text)}::text[])
        AS m(school_id, person_id, subject_en, text_en, subject_cy, text_cy, subject_both, text_both)
      LEFT JOIN LATERAL (SELECT p.email, p.language FROM people p
        WHERE p.id = m.person_id AND p.school_id = m.school_id) p ON true) AS addressed
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
