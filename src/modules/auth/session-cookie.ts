import type { FastifyReply } from "fastify";
import type { Config } from "../../kernel/config.js";

/** The session cookie: `__Host-` prefixed when served over HTTPS, so no subdomain can set it. */
export const cookieName = (config: Config) =>
  config.publicUrl.startsWith("https://") ? "__Host-accord_session" : "accord_session";

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  const secure = config.publicUrl.startsWith("https://");
  reply.setCookie(cookieName(config), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    // The browser forgets the cookie when the session could no longer be valid anyway.
    maxAge: config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(cookieName(config), { path: "/", secure: config.publicUrl.startsWith("https://") });
}
