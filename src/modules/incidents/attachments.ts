/**
 * Attachments kept with an incident, for its handlers only (every download audited). Refused for
 * the sharing of nudes or semi-nudes: staff must never view, copy, forward or upload sexual images
 * of children (UKCIS guidance), so Accord offers no way to.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { incidentAttachments } from "../../db/schema.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, conflict, notFound } from "../../kernel/problem.js";
import type { Actor } from "../access/roles.js";
import { recordEvent } from "../audit/service.js";
import { incidentFor } from "./handling.js";
import { NO_ATTACHMENTS } from "./schema.js";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

async function handled(db: Db, actor: Actor, id: string) {
  const { row, access } = await incidentFor(db, actor, id);
  if (access !== "handler" && access !== "reporter") throw notFound(msg`incident`);
  return { row, access };
}

export async function addAttachment(
  db: Db,
  actor: Actor,
  id: string,
  file: { fileName: string; contentType: string; bytes: Buffer },
) {
  const { row } = await handled(db, actor, id);
  if (NO_ATTACHMENTS.includes(row.category))
    throw conflict(
      msg`Never view, copy, forward or upload sexual images of children. Describe what was shared in words; the DSL will decide what happens next.`,
    );
  if (file.bytes.length === 0) throw badRequest(msg`The file is empty.`);
  const [made] = await db.transaction(async (tx: Tx) => {
    const inserted = await tx
      .insert(incidentAttachments)
      .values({
        schoolId: actor.schoolId,
        incidentId: row.id,
        fileName: file.fileName.slice(0, 200),
        contentType: file.contentType,
        content: file.bytes,
        uploadedBy: actor.personId,
      })
      .returning({ id: incidentAttachments.id });
    await recordEvent(tx, actor, {
      action: "incident.attachment_added",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, bytes: file.bytes.length },
    });
    return inserted;
  });
  return { id: made.id };
}

export async function readAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  const { row, access } = await handled(db, actor, id);
  // The reporter added it, but what is kept with an incident is for its handlers to read.
  if (access !== "handler") throw notFound(msg`attachment`);
  const [file] = await db
    .select()
    .from(incidentAttachments)
    .where(and(eq(incidentAttachments.incidentId, row.id), eq(incidentAttachments.id, attachmentId)));
  if (!file) throw notFound(msg`attachment`);
  await db.transaction((tx: Tx) =>
    recordEvent(tx, actor, {
      action: "incident.viewed",
      entityType: "incident",
      entityId: row.id,
      summary: { name: row.reference, attachment: file.fileName },
    }),
  );
  return file;
}
