import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import type { Config } from "../../kernel/config.js";
import { type Language, languageFromHeader, msg } from "../../kernel/i18n/index.js";
import { forbidden, unauthorized } from "../../kernel/problem.js";
import { hashSecret } from "../../kernel/secrets.js";
import type { Actor } from "../../modules/access/roles.js";
import { resumeApiToken, sessionResumer } from "../../modules/auth/service.js";
import { clearSessionCookie, cookieName } from "../../modules/auth/session-cookie.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    /** The credential the request came with, as its hash: a refusal is kept against its holder. */
    presented: { via: "session" | "api_token"; tokenHash: string } | null;
    /** The language of the reader's screen (Accept-Language): problems are written in it. */
    readonly language: Language;
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Work out who is asking: a bearer API token, or a session cookie. Cookie-authenticated
 * requests that change state must come from our own origin (CSRF defence on top of SameSite).
 */
export function registerIdentity(app: FastifyInstance, db: Db, config: Config) {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("presented", null);
  app.decorateRequest("language", {
    getter(this: { headers: Record<string, string | string[] | undefined> }) {
      const header = this.headers["accept-language"];
      return languageFromHeader(Array.isArray(header) ? header[0] : header);
    },
  });
  const allowedOrigin = new URL(config.publicUrl).origin;
  const resumeSession = sessionResumer(db, config.session);

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const auth = request.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (m) request.presented = { via: "api_token", tokenHash: hashSecret(m[1]) };
      const actor = m ? await resumeApiToken(db, m[1], request.ip) : null;
      if (!actor) throw unauthorized(msg`That API token is not valid or has been revoked.`);
      request.actor = actor;
      return;
    }
    const origin = request.headers.origin;
    if (UNSAFE.has(request.method) && origin !== undefined) {
      const own = `${request.protocol}://${request.host}`;
      if (origin !== allowedOrigin && origin !== own)
        throw forbidden(msg`This request came from another site and was refused.`);
    }
    const token = request.cookies[cookieName(config)];
    if (!token) return;
    request.presented = { via: "session", tokenHash: hashSecret(token) };
    const resumed = await resumeSession(token, request.ip);
    if (!resumed) {
      clearSessionCookie(reply, config);
      return;
    }
    if (UNSAFE.has(request.method) && origin === undefined)
      throw forbidden(msg`This request came without an Origin header and was refused.`);
    request.actor = resumed.actor;
    request.sessionId = resumed.sessionId;
  });
}
