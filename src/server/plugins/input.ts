import type { FastifyInstance } from "fastify";
import { invalidRequest } from "../../kernel/problem.js";
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
      throw invalidRequest(errors, where);
    }
  });
}
