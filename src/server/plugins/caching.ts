import type { FastifyInstance } from "fastify";

/** What the API answers that anyone may keep: the API's own description, no one's data. */
const SHAREABLE = new Set(["/api/v1/openapi.json"]);

/**
 * Nothing the API answers is kept by a browser or a proxy: people's names, receipts, exports,
 * PDFs and CSVs are about children and staff, and a shared computer's cache or a school's proxy
 * must not hold them after the person has gone (ASVS 14.3). Refusals too, so a cached 401 never
 * stands in for a later answer. The built web app's files are not under /api and keep their own
 * caching (the hashed assets for long, index.html revalidated).
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/api/") && !SHAREABLE.has(path)) reply.header("cache-control", "no-store");
    return payload;
  });
}
