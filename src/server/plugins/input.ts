import type { FastifyInstance } from "fastify";
import { Problem } from "../../kernel/problem.js";
import { findUnstorableText } from "../../kernel/text.js";

/**
 * Text PostgreSQL cannot store (NUL, lone surrogates) is refused here, once, for every route and
 * every part of a request: the body, the query string and the path. Without this each would reach
 * the database and fail there as a 500 (decision 035).
 */
export function registerInputChecks(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    const parts = [
      ["body", request.body],
      ["query", request.query],
      ["path", request.params],
    ] as const;
    for (const [where, value] of parts) {
      const errors = findUnstorableText(value);
      if (errors.length === 0) continue;
      const fields = errors.map((e) => e.field || "(request)").join(", ");
      const place = where === "body" ? "" : ` in the ${where === "query" ? "query string" : "address"}`;
      throw new Problem(
        400,
        "Invalid request",
        `Please correct ${errors.length === 1 ? "this field" : "these fields"}${place}: ${fields}.`,
        errors,
      );
    }
  });
}
