import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client.js";
import { mailDelivery } from "../../kernel/config.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { DryRunQuery } from "../../kernel/query.js";
import { NoContent, problems } from "../../kernel/responses.js";
import { permissionsOf } from "../access/matrix.js";
import type { Actor } from "../access/roles.js";
import { filteringStandingOf } from "../filtering/service.js";
import { IdParams, LanguageInput } from "../people/schema.js";
import { getPerson, setPersonLanguage } from "../people/service.js";
import { getSchool } from "../schools/service.js";
import { trustStandingOf } from "../trust/service.js";
import { mfaSummary } from "./mfa.js";
import { mfaRoutes } from "./mfa-routes.js";
import { endMyOtherSessions, endMySession, mySessions } from "./my-sessions.js";
import { describePasswordReset, requestPasswordReset, resetPassword } from "./password-reset.js";
import {
  AcceptInvitationInput,
  ApiTokenCreatedView,
  ApiTokenInput,
  ApiTokenListView,
  BulkInvitationInput,
  BulkInvitationView,
  ChangePasswordInput,
  InvitationView,
  LoginInput,
  LoginView,
  MeView,
  MySessionsView,
  PasswordResetInput,
  PasswordResetRequestedView,
  PasswordResetRequestInput,
  PasswordResetView,
  SignedOutElsewhereView,
  TokenParams,
} from "./schema.js";
import {
  acceptInvitation,
  changePassword,
  createApiToken,
  describeInvitation,
  inviteMany,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
} from "./service.js";
import { clearSessionCookie, setPendingCookie, setSessionCookie } from "./session-cookie.js";
import { ssoRoutes } from "./sso/routes.js";

export async function presentMe(db: Db, actor: Actor) {
  const person = await getPerson(db, actor.schoolId, actor.personId!);
  const school = await getSchool(db, actor.schoolId);
  // The trust roles widen what the person may do (the trust's pages): access/trust.ts.
  const trust = await trustStandingOf(db, actor);
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    // The signing form starts from it; the signer may still change it.
    jobTitle: person.jobTitle,
    kinds: person.kinds,
    roles: person.roles,
    school,
    // The school may name this person its filtering leader or governor: that widens what they may do.
    permissions: permissionsOf(actor, {
      ...(await filteringStandingOf(db, actor)),
      trustRoles: trust?.roles,
    }),
    mfa: await mfaSummary(db, actor.personId!, actor.roles),
    trust,
    language: person.language,
  };
}

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const { database, config } = deps;
  const api = typed(app);
  await ssoRoutes(app, deps);
  const db = database.db;

  api.post(
    "/api/v1/auth/login",
    {
      config: {
        action: "public",
        // Per IP; the per-account limit lives in the service (it survives restarts and servers).
        rateLimit: { max: config.loginLimitPerIpPerMinute, timeWindow: "1 minute" },
      },
      // Signed in (the person), or a second step due (`{"mfaRequired":true,"methods"}`, no session).
      schema: { body: LoginInput, response: { 200: LoginView, ...problems(400, 401, 429) } },
    },
    async (request, reply) => {
      const { outcome, actor } = await login(
        db,
        { ...request.body, ip: request.ip, userAgent: request.headers["user-agent"] ?? null },
        config.publicUrl,
      );
      if (outcome.kind === "mfa") {
        setPendingCookie(reply, config, outcome.pendingToken);
        return { mfaRequired: true as const, methods: outcome.methods };
      }
      setSessionCookie(reply, config, outcome.token);
      return presentMe(db, actor);
    },
  );

  api.post(
    "/api/v1/auth/logout",
    { config: { action: "auth.logout" }, schema: { response: { 204: NoContent } } },
    async (request, reply) => {
      if (request.sessionId) await logout(db, actorOf(request), request.sessionId);
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  api.post(
    "/api/v1/auth/password",
    {
      config: { action: "auth.changePassword" },
      schema: { body: ChangePasswordInput, response: { 204: NoContent, ...problems(400, 429) } },
    },
    async (request, reply) => {
      await changePassword(
        db,
        actorOf(request),
        request.body.currentPassword,
        request.body.newPassword,
        request.ip,
        config.publicUrl,
      );
      clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  // "Forgot your password?": the same answer whatever the address; throttled per IP here and
  // per account in the service (a few links an hour).
  api.post(
    "/api/v1/auth/password-reset",
    {
      config: { action: "public", rateLimit: { max: 10, timeWindow: "15 minutes" } },
      schema: {
        body: PasswordResetRequestInput,
        response: { 202: PasswordResetRequestedView, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email, request.ip, config.publicUrl);
      return reply.status(202).send({
        detail:
          "If an Accord account uses this address, we have emailed it a link to choose a new password. The link works once, for 30 minutes.",
      });
    },
  );

  api.get(
    "/api/v1/auth/password-reset/:token",
    {
      config: { action: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: { params: TokenParams, response: { 200: PasswordResetView, ...problems(400, 404, 410, 429) } },
    },
    async (request) => describePasswordReset(db, request.params.token),
  );

  api.post(
    "/api/v1/auth/password-reset/:token",
    {
      config: { action: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        params: TokenParams,
        body: PasswordResetInput,
        response: { 204: NoContent, ...problems(400, 404, 410, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword(db, request.params.token, request.body.password, request.ip, config.publicUrl);
      return reply.status(204).send();
    },
  );

  // One's own sessions and sign-in history ("Sign-in and security" on the account page).
  api.get(
    "/api/v1/me/sessions",
    { config: { action: "auth.mySessions" }, schema: { response: { 200: MySessionsView } } },
    async (request) => mySessions(db, actorOf(request), request.sessionId, config.session),
  );

  api.delete(
    "/api/v1/me/sessions/:id",
    {
      config: { action: "auth.mySessions" },
      schema: { params: IdParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await endMySession(db, actorOf(request), request.params.id);
      if (request.params.id === request.sessionId) clearSessionCookie(reply, config);
      return reply.status(204).send();
    },
  );

  api.post(
    "/api/v1/me/sessions/sign-out-others",
    { config: { action: "auth.mySessions" }, schema: { response: { 200: SignedOutElsewhereView } } },
    async (request) => endMyOtherSessions(db, actorOf(request), request.sessionId),
  );

  api.get(
    "/api/v1/me",
    { config: { action: "me.read" }, schema: { response: { 200: MeView } } },
    async (request) => presentMe(db, actorOf(request)),
  );

  // The language switch, signed in: what they are emailed and sent as documents follows it.
  api.put(
    "/api/v1/me/language",
    {
      config: { action: "me.update" },
      schema: { body: LanguageInput, response: { 200: MeView, ...problems(400) } },
    },
    async (request) => {
      const actor = actorOf(request);
      await setPersonLanguage(db, actor, actor.personId!, request.body.language);
      return presentMe(db, actor);
    },
  );

  // Invite everyone without an account, or those the directory's filters pick, at once.
  api.post(
    "/api/v1/invitations",
    {
      config: { action: "people.invite" },
      schema: {
        querystring: DryRunQuery,
        body: BulkInvitationInput,
        response: { 200: BulkInvitationView, ...problems(400) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const school = await getSchool(db, actor.schoolId);
      const result = await inviteMany(
        db,
        actor,
        request.body,
        config.publicUrl,
        school.name,
        request.query.dryRun,
      );
      return { ...result, delivery: mailDelivery(config) };
    },
  );

  api.get(
    "/api/v1/invitations/:token",
    {
      config: { action: "public" },
      schema: { params: TokenParams, response: { 200: InvitationView, ...problems(400, 404, 410) } },
    },
    async (request) => {
      const inv = await describeInvitation(db, request.params.token);
      const school = await getSchool(db, inv.schoolId);
      return { name: inv.name, email: inv.email, schoolName: school.name };
    },
  );

  api.post(
    "/api/v1/invitations/:token/accept",
    {
      config: { action: "public" },
      schema: {
        params: TokenParams,
        body: AcceptInvitationInput,
        response: { 204: NoContent, ...problems(400, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      await acceptInvitation(db, request.params.token, request.body.password, request.ip);
      return reply.status(204).send();
    },
  );

  api.get(
    "/api/v1/api-tokens",
    { config: { action: "apiTokens.manage" }, schema: { response: { 200: ApiTokenListView } } },
    async (request) => ({
      tokens: await listApiTokens(db, actorOf(request)),
    }),
  );

  api.post(
    "/api/v1/api-tokens",
    {
      config: { action: "apiTokens.manage" },
      schema: { body: ApiTokenInput, response: { 201: ApiTokenCreatedView, ...problems(400) } },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(db, actorOf(request), request.body)),
  );

  api.delete(
    "/api/v1/api-tokens/:id",
    {
      config: { action: "apiTokens.manage" },
      schema: { params: IdParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await revokeApiToken(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  await mfaRoutes(app, { database, config }, presentMe);
}
