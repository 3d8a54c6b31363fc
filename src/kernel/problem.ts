/**
 * An RFC 9457 problem: the one way services report a failure a user can act on. The error
 * handler turns it into `application/problem+json`; anything else becomes a bare 500.
 */
export type FieldError = { field: string; message: string };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem(400, "Bad request", detail, errors);
export const unauthorized = (detail = "Please sign in.") => new Problem(401, "Unauthorized", detail);
export const forbidden = (detail = "You do not have permission to do that.") =>
  new Problem(403, "Forbidden", detail);
export const notFound = (what = "record") => new Problem(404, "Not found", `That ${what} does not exist.`);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new Problem(409, "Conflict", detail, undefined, extra);
export const gone = (detail: string) => new Problem(410, "Gone", detail);
export const tooManyRequests = (detail: string) => new Problem(429, "Too many requests", detail);
