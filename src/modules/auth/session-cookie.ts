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

/**
 * A pending sign-in (password accepted, second step to come): its own cookie, for minutes, that
 * the session lookup never reads, so it reaches nothing but the two-step endpoints.
 */
export const pendingCookieName = (config: Config) =>
  config.publicUrl.startsWith("https://") ? "__Host-accord_pending" : "accord_pending";

export function setPendingCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(pendingCookieName(config), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.publicUrl.startsWith("https://"),
    path: "/",
    maxAge: 5 * 60,
  });
}

export function clearPendingCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(pendingCookieName(config), {
    path: "/",
    secure: config.publicUrl.startsWith("https://"),
  });
}
