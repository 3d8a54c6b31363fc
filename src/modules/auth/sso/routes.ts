import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../../kernel/config.js";
import { actorOf, type Deps, typed } from "../../../kernel/http.js";
import { NoContent, problems } from "../../../kernel/responses.js";
import {
  Redirect,
  SsoChoicesView,
  SsoProviderInput,
  SsoProviderParams,
  SsoProvidersQuery,
  SsoProviderView,
  SsoSettingsView,
  SsoStartQuery,
} from "../schema.js";
import { setPendingCookie, setSessionCookie } from "../session-cookie.js";
import { finishSsoSignIn, SsoRefused, ssoChoices, startSsoSignIn } from "./flow.js";
import { removeSsoProvider, saveSsoProvider, ssoSettings } from "./settings.js";

/** The browser's half of a sign-in under way: HttpOnly, and Lax so it comes back with the provider's redirect. */
const attemptCookie = (config: Config) =>
  config.publicUrl.startsWith("https://") ? "__Host-accord_sso" : "accord_sso";
const ATTEMPT_COOKIE_SECONDS = 600;

function clearAttemptCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(attemptCookie(config), { path: "/", secure: config.publicUrl.startsWith("https://") });
}

/** Back to the sign-in page, which says why in the person's language. */
function refuse(request: FastifyRequest, reply: FastifyReply, config: Config, error: unknown) {
  const refusal = error instanceof SsoRefused ? error : new SsoRefused("unavailable", String(error));
  request.log.warn({ code: refusal.code, reason: refusal.reason }, "sign-in with a provider refused");
  clearAttemptCookie(reply, config);
  return reply.redirect(`/sign-in?sso=${refusal.code}`, 302);
}

export async function ssoRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  // As sign-in with a password: per IP, generous because a staff room shares one address.
  const rateLimit = { max: config.loginLimitPerIpPerMinute, timeWindow: "1 minute" };

  api.get(
    "/api/v1/auth/sso/providers",
    {
      config: { action: "public" },
      schema: { querystring: SsoProvidersQuery, response: { 200: SsoChoicesView, ...problems(400) } },
    },
    async (request) => ssoChoices(db, request.query.email),
  );

  api.get(
    "/api/v1/auth/sso/start",
    {
      config: { action: "public", rateLimit },
      schema: { querystring: SsoStartQuery, response: { 302: Redirect, ...problems(400, 429) } },
    },
    async (request, reply) => {
      try {
        const { url, browserSecret } = await startSsoSignIn(db, config, {
          providerId: request.query.provider,
          email: request.query.email,
        });
        reply.setCookie(attemptCookie(config), browserSecret, {
          httpOnly: true,
          sameSite: "lax",
          secure: config.publicUrl.startsWith("https://"),
          path: "/",
          maxAge: ATTEMPT_COOKIE_SECONDS,
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return refuse(request, reply, config, error);
      }
    },
  );

  api.get(
    "/api/v1/auth/sso/callback",
    {
      config: { action: "public", rateLimit },
      schema: { response: { 302: Redirect, ...problems(429) } },
    },
    async (request, reply) => {
      try {
        const { outcome } = await finishSsoSignIn(db, config, {
          browserSecret: request.cookies[attemptCookie(config)] ?? null,
          search: request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "",
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        clearAttemptCookie(reply, config);
        if (outcome.kind === "mfa") {
          // The person's own second step is still to do: the sign-in page asks for it.
          setPendingCookie(reply, config, outcome.pendingToken);
          return reply.redirect(`/sign-in?second-step=${outcome.methods.join(",")}`, 302);
        }
        setSessionCookie(reply, config, outcome.token);
        return reply.redirect("/", 302);
      } catch (error) {
        return refuse(request, reply, config, error);
      }
    },
  );

  // School settings: the admins set up their providers. The secret is write-only.
  api.get(
    "/api/v1/school/sso",
    { config: { action: "sso.manage" }, schema: { response: { 200: SsoSettingsView } } },
    async (request) => ssoSettings(db, config, actorOf(request)),
  );
  api.put(
    "/api/v1/school/sso/:provider",
    {
      config: { action: "sso.manage" },
      schema: {
        params: SsoProviderParams,
        body: SsoProviderInput,
        response: { 200: SsoProviderView, ...problems(400) },
      },
    },
    async (request) => saveSsoProvider(db, config, actorOf(request), request.params.provider, request.body),
  );
  api.delete(
    "/api/v1/school/sso/:provider",
    {
      config: { action: "sso.manage" },
      schema: { params: SsoProviderParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await removeSsoProvider(db, actorOf(request), request.params.provider);
      return reply.status(204).send();
    },
  );
}
