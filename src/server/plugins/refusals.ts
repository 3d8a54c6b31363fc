import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { keepRefusal } from "../../modules/audit/refusals.js";
import { holderOfPresentedToken } from "../../modules/auth/service.js";

/**
 * Every refusal is kept (ASVS 16.3): each 403, and each 401 on a route that needs someone signed
 * in when the request came with a session or API token that is no longer valid (expired, ended,
 * revoked or never issued). Who, what (method, route pattern, action), school, address and when;
 * never the body. Failed sign-ins are kept by the sign-in itself, not here. Kept before the answer
 * leaves, so a refusal is on record by the time the client sees it.
 */
export function registerRefusalLog(app: FastifyInstance, db: Db) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/api/")) return payload;
    const status = reply.statusCode;
    const action = request.routeOptions.config?.action ?? null;
    const keep = status === 403 || (status === 401 && request.presented !== null && action !== "public");
    if (!keep) return payload;
    try {
      const actor = request.actor;
      const holder =
        !actor && request.presented
          ? await holderOfPresentedToken(db, request.presented.tokenHash, request.presented.via)
          : null;
      await keepRefusal(db, {
        schoolId: actor?.schoolId ?? holder?.schoolId ?? null,
        status,
        personId: actor?.personId ?? holder?.personId ?? null,
        actorName: actor?.name ?? holder?.name ?? null,
        via: request.presented?.via ?? "none",
        method: request.method,
        route: request.routeOptions.url ?? request.url.split("?")[0].slice(0, 200),
        action,
        ip: request.ip ?? null,
      });
    } catch (err) {
      // Keeping the record must never change the answer: the refusal stands either way.
      request.log.error({ err }, "could not keep a refused request");
    }
    return payload;
  });
}
