import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type Message, msg, say, verbatim } from "../../kernel/i18n/index.js";
import { type FieldError, invalidRequest, Problem } from "../../kernel/problem.js";

/**
 * Every failure leaves as RFC 9457 problem+json. Validation errors name their fields; anything
 * unexpected is logged in full and answered with a plain 500: no stack trace or SQL leaks out.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) {
      problem = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((v) => ({
        field:
          v.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
          (v.params?.issue as any)?.path?.join(".") ||
          "",
        message: zodMessage(v.message, (v.params?.issue as any)?.code),
      }));
      problem = invalidRequest(errors, error.validationContext ?? "body");
    } else if (isBrokenMultipart(error, request)) {
      problem = new Problem(
        400,
        msg`Bad request`,
        msg`The upload was cut short or is not a well-formed multipart form. Please choose the file and send it again.`,
      );
    } else if (error.statusCode === 413) {
      problem = new Problem(413, msg`Too large`, msg`That request is too large.`);
    } else if (error.statusCode === 429) {
      problem = new Problem(
        429,
        msg`Too many requests`,
        msg`Too many attempts. Please wait a minute and try again.`,
      );
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): safe, short messages.
      problem = new Problem(
        error.statusCode,
        msg`Bad request`,
        verbatim(error.message.replace(/^FST_\w+: /, "")),
      );
    } else {
      request.log.error({ err: error }, "unhandled error");
      problem = new Problem(
        500,
        msg`Internal error`,
        msg`Something went wrong on our side. Nothing was changed; please try again.`,
      );
    }
    // The reader's language: the one the web app's screen shows (it sends Accept-Language).
    const language = request.language;
    const body: Record<string, unknown> = {
      type: "about:blank",
      title: say(language, problem.title),
      status: problem.status,
      detail: say(language, problem.detail),
      ...(problem.errors
        ? { errors: problem.errors.map((e) => ({ field: e.field, message: say(language, e.message) })) }
        : {}),
      ...(problem.extra ?? {}),
    };
    return reply.status(problem.status).type("application/problem+json").send(body);
  });
}

/**
 * The multipart parser (busboy) reports a body that ends early or has no boundary as a plain Error
 * with no status: the sender's fault, so a 400, not a 500.
 */
function isBrokenMultipart(error: FastifyError, request: FastifyRequest) {
  return (
    !error.statusCode &&
    /multipart|boundary/i.test(error.message) &&
    /^multipart\//i.test(request.headers["content-type"] ?? "")
  );
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: say(request.language, msg`Not found`),
      status: 404,
      detail: say(request.language, msg`No such address: ${request.method} ${request.url.split("?")[0]}`),
    });
}

/**
 * zod's own messages are English sentences ("Too small: expected string to have >=1 characters");
 * a message a schema wrote itself is a catalog key (`schema.ts` files write them in English, and
 * `i18n.test.ts` checks each has its Welsh twin). zod's built-in ones become one plain sentence
 * per kind of problem, which reads better than zod's and has a Welsh form.
 */
function zodMessage(message: string | undefined, code: string | undefined): Message {
  const plain = plainZodMessage(code);
  if (!message) return plain;
  // English readers keep zod's exact words (they say what was expected); Welsh readers the plain one.
  return /^(Invalid|Too (small|big)|Expected|Unrecognized|Required)\b/.test(message)
    ? verbatim(message, plain)
    : verbatim(message);
}

function plainZodMessage(code: string | undefined): Message {
  switch (code) {
    case "too_small":
      return msg`This is too short or too small.`;
    case "too_big":
      return msg`This is too long or too large.`;
    case "invalid_type":
      return msg`This is missing or of the wrong kind.`;
    case "invalid_format":
    case "invalid_string":
      return msg`This is not in the expected form.`;
    case "invalid_value":
    case "invalid_enum_value":
      return msg`This is not one of the allowed choices.`;
    case "unrecognized_keys":
      return msg`This request has a field Accord does not know.`;
    default:
      return msg`This value is not valid.`;
  }
}
