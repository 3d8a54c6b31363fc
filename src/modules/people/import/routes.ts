import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../../kernel/http.js";
import { msg } from "../../../kernel/i18n/index.js";
import { badRequest, Problem } from "../../../kernel/problem.js";
import { flag } from "../../../kernel/query.js";
import { problems } from "../../../kernel/responses.js";
import { ImportReportView } from "../schema.js";
import { FIELDS, IMPORT_KINDS, type Mapping } from "./columns.js";
import { importPeople } from "./service.js";

/** A big trust's pupils file (100,000 rows) is about 10 MB; anything past this is not an MIS export. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

const ImportQuery = z.object({
  kind: z.enum(IMPORT_KINDS, { message: "Choose staff, pupils or contacts." }),
  dryRun: flag,
  acceptErrors: flag,
  mapping: z.string().max(10_000).optional(),
  fileName: z.string().max(255).optional(),
});

function parseMapping(json: string | undefined): Mapping | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json);
    if (
      value &&
      typeof value === "object" &&
      Object.values(value).every((v) => v === null || typeof v === "string")
    )
      return value as Mapping;
  } catch {
    // fall through to the message below
  }
  throw badRequest(msg`The column mapping must be a JSON object of field → column heading.`, [
    { field: "mapping", message: msg`Not a valid mapping.` },
  ]);
}

const tooLarge = () =>
  new Problem(
    413,
    msg`File too large`,
    msg`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Export only the columns Accord needs, or split it by year group.`,
  );

/**
 * The file comes as multipart field `file` (the web page) or as the raw body with a CSV content type (scripts).
 * A contacts import may bring a second multipart file, `relationships` (who is whose carer); a staff or
 * pupils import, `roles` (who is which: SDS v2.1 keeps roles out of users.csv).
 */
async function readUpload(request: FastifyRequest): Promise<{
  bytes: Buffer;
  fileName: string | null;
  mapping?: string;
  relationships?: { bytes: Buffer; fileName: string };
  roles?: { bytes: Buffer; fileName: string };
}> {
  if (request.isMultipart()) {
    let bytes: Buffer | null = null;
    let fileName: string | null = null;
    let mapping: string | undefined;
    const second: Record<string, { bytes: Buffer; fileName: string }> = {};
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const wanted =
          (part.fieldname === "file" && !bytes) ||
          ((part.fieldname === "relationships" || part.fieldname === "roles") && !second[part.fieldname]);
        if (!wanted) {
          await part.toBuffer().catch(() => null);
          continue;
        }
        let read: Buffer;
        try {
          read = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
          throw err;
        }
        if (part.fieldname !== "file") second[part.fieldname] = { bytes: read, fileName: part.filename };
        else {
          bytes = read;
          fileName = part.filename;
        }
      } else if (part.fieldname === "mapping") {
        mapping = String(part.value);
      }
    }
    if (!bytes)
      throw badRequest(msg`Attach the CSV file in the form field named "file".`, [
        { field: "file", message: msg`No file.` },
      ]);
    return { bytes, fileName, mapping, relationships: second.relationships, roles: second.roles };
  }
  if (!Buffer.isBuffer(request.body))
    throw badRequest(msg`Send the CSV file as multipart field "file" or as a text/csv body.`);
  return { bytes: request.body, fileName: null };
}

export async function importRoutes(app: FastifyInstance, { database }: Deps) {
  app.addContentTypeParser(
    ["text/csv", "text/plain", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  typed(app).post(
    "/api/v1/people/import",
    {
      config: { action: "people.import" },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: { querystring: ImportQuery, response: { 200: ImportReportView, ...problems(400, 413, 422) } },
    },
    async (request) => {
      const upload = await readUpload(request);
      const q = request.query;
      const report = await importPeople(database.db, actorOf(request), upload.bytes, {
        kind: q.kind,
        dryRun: q.dryRun,
        acceptErrors: q.acceptErrors,
        fileName: upload.fileName ?? q.fileName ?? "upload.csv",
        mapping: parseMapping(upload.mapping ?? q.mapping),
        relationships: upload.relationships,
        roles: upload.roles,
      });
      return { ...report, fields: Object.keys(FIELDS[q.kind]) };
    },
  );
}
