import { type Message, msg, say } from "./i18n/index.js";

/**
 * An RFC 9457 problem: the one way services report a failure a user can act on. The error
 * handler turns it into `application/problem+json` in the reader's language (decision 038);
 * anything else becomes a bare 500. Every text is a `msg` so it has its Welsh twin.
 */
export type FieldError = { field: string; message: Message };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: Message,
    readonly detail: Message,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(say("en-GB", detail));
  }
}

export const badRequest = (detail: Message, errors?: FieldError[]) =>
  new Problem(400, msg`Bad request`, detail, errors);
export const unauthorized = (detail: Message = msg`Please sign in.`) =>
  new Problem(401, msg`Unauthorized`, detail);
export const forbidden = (detail: Message = msg`You do not have permission to do that.`) =>
  new Problem(403, msg`Forbidden`, detail);
/** `what` names the record in the reader's words, itself a message (e.g. the word "policy"). */
export const notFound = (what: Message = msg`record`) =>
  new Problem(404, msg`Not found`, msg`That ${what} does not exist.`);
export const conflict = (detail: Message, extra?: Record<string, unknown>) =>
  new Problem(409, msg`Conflict`, detail, undefined, extra);
export const gone = (detail: Message) => new Problem(410, msg`Gone`, detail);
export const tooManyRequests = (detail: Message) => new Problem(429, msg`Too many requests`, detail);

/**
 * A request whose fields are wrong, naming them: "Please correct these fields: title, audiences."
 * `where` says which part of the request holds them when it is not the body.
 */
export function invalidRequest(
  errors: FieldError[],
  where: "body" | "querystring" | "params" | "headers" | string,
) {
  const fields = errors.map((e) => e.field || "(request)").join(", ");
  const one = errors.length === 1;
  const place =
    where === "querystring" || where === "query"
      ? msg`the query string`
      : where === "params" || where === "path"
        ? msg`the address`
        : where === "headers"
          ? msg`the headers`
          : null;
  const detail = !place
    ? one
      ? msg`Please correct this field: ${fields}.`
      : msg`Please correct these fields: ${fields}.`
    : one
      ? msg`Please correct this field in ${place}: ${fields}.`
      : msg`Please correct these fields in ${place}: ${fields}.`;
  return new Problem(400, msg`Invalid request`, detail, errors);
}
