import { z } from "zod";

/**
 * Response vocabulary every module's `schema.ts` shares. Pure (zod only) so that the web app can
 * import the schemas and their types as well as the server.
 */

/** A UUID in a response: every record's id (DESIGN: UUIDs in URLs and APIs). */
export const Id = z.uuid();
/** A calendar day, YYYY-MM-DD (a school day in Europe/London). */
export const IsoDay = z.iso.date();
/** A moment, as `Date.toISOString()` writes it (UTC). */
export const IsoMoment = z.iso.datetime();

/** How mail leaves: "outbox" when no mail server is set up, so screens say it only waits there. */
export const MailDelivery = z.enum(["smtp", "outbox"]);

export const FieldErrorView = z.object({ field: z.string(), message: z.string() });

/**
 * RFC 9457 problem details as `server/plugins/errors.ts` writes them. Loose, because a problem
 * may carry more members (a 409 names `missingApprovals`; a people import's 422 carries its
 * `report`), and the serialiser must pass them through, not strip them.
 */
export const ProblemResponse = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldErrorView).optional(),
  })
  .meta({ description: "RFC 9457 problem details (application/problem+json)" });
export type ProblemResponse = z.infer<typeof ProblemResponse>;

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request: `errors` names the failing fields",
  401: "Not signed in",
  403: "Not allowed",
  404: "No such record (or one the caller may not see)",
  409: "Conflicts with the record's current state",
  410: "Gone: used or expired",
  413: "Too large",
  422: "Understood but not acceptable",
  429: "Too many requests",
};

type ProblemEntry = {
  description: string;
  content: { "application/problem+json": { schema: typeof ProblemResponse } };
};

/**
 * The problem responses a route can give, for its `schema.response`: they show in OpenAPI as
 * `application/problem+json`, and the serialiser checks them only for that content type.
 */
export function problems<const S extends number>(...statuses: S[]): Record<S, ProblemEntry> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? "Problem",
        content: { "application/problem+json": { schema: ProblemResponse } },
      },
    ]),
  ) as Record<S, ProblemEntry>;
}

/** No body (204). */
export const NoContent = z.undefined().meta({ description: "No content" });

/**
 * A file's bytes (a PDF receipt, a CSV export). Only OpenAPI reads this schema: Fastify sends a
 * Buffer, or a string with a non-JSON content type, as it is, without the serialiser.
 */
export const FileBytes = z
  .custom<Uint8Array | string>((v) => v instanceof Uint8Array || typeof v === "string")
  .meta({ type: "string", format: "binary" });

/**
 * A success response that is a file of one content type, for a route's `schema.response`:
 * `{ 200: file("application/pdf", "The receipt") }`.
 */
export function file<const T extends string>(contentType: T, description: string) {
  return {
    description,
    content: { [contentType]: { schema: FileBytes } } as Record<T, { schema: typeof FileBytes }>,
  };
}

/**
 * A success response with a JSON body or, on request, a file (`?format=csv`), for a route's
 * `schema.response`: `{ 200: jsonOr(ComplianceView, "text/csv", "…") }`.
 */
export function jsonOr<S extends z.ZodType, const T extends string>(
  json: S,
  contentType: T,
  description: string,
) {
  return {
    description,
    content: {
      "application/json": { schema: json },
      ...({ [contentType]: { schema: FileBytes } } as Record<T, { schema: typeof FileBytes }>),
    },
  };
}
