import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type FieldError, Problem } from "../../kernel/problem.js";

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
        message: v.message ?? "Invalid value.",
      }));
      const where = error.validationContext === "body" ? "" : ` in the ${error.validationContext}`;
      problem = new Problem(
        400,
        "Invalid request",
        `Please correct ${errors.length === 1 ? "this field" : "these fields"}${where}: ${errors.map((e) => e.field || "(request)").join(", ")}.`,
        errors,
      );
    } else if (isBrokenMultipart(error, request)) {
      problem = new Problem(
        400,
        "Bad request",
        "The upload was cut short or is not a well-formed multipart form. Please choose the file and send it again.",
      );
    } else if (error.statusCode === 413) {
      problem = new Problem(413, "Too large", "That request is too large.");
    } else if (error.statusCode === 429) {
      problem = new Problem(
        429,
        "Too many requests",
        "Too many attempts. Please wait a minute and try again.",
      );
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): safe, short messages.
      problem = new Problem(error.statusCode, "Bad request", error.message.replace(/^FST_\w+: /, ""));
    } else {
      request.log.error({ err: error }, "unhandled error");
      problem = new Problem(
        500,
        "Internal error",
        "Something went wrong on our side. Nothing was changed; please try again.",
      );
    }
    const body: Record<string, unknown> = {
      type: "about:blank",
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
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
      title: "Not found",
      status: 404,
      detail: `No such address: ${request.method} ${request.url.split("?")[0]}`,
    });
}
