import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { NoContent, problems } from "../../kernel/responses.js";
import type { Actor } from "../access/roles.js";
import { IdParams } from "../people/schema.js";
import { getPerson } from "../people/service.js";
import { getSchool } from "../schools/service.js";
import {
  addPasskey,
  beginTotp,
  confirmTotp,
  mfaContext,
  mySecurity,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  regenerateRecoveryCodes,
  removePasskey,
  removeTotp,
  resetMfa,
  signInWithPasskey,
  signInWithRecoveryCode,
  signInWithTotp,
} from "./mfa.js";
import {
  CodeInput,
  MeView,
  PasskeyAddedView,
  PasskeyAddInput,
  PasskeySignInInput,
  RecoveryCodesView,
  SecurityView,
  TotpSetupView,
  WebAuthnOptionsView,
} from "./schema.js";
import { actorFor } from "./service.js";
import { clearPendingCookie, pendingCookieName, setSessionCookie } from "./session-cookie.js";

type PresentMe = (db: Db, actor: Actor) => Promise<MeView>;

/**
 * Two-step sign-in. The second-step routes are public to the matrix: what admits a request is the
 * pending sign-in's own cookie, which no other route reads. The rest are a person's own methods,
 * and an admin's reset of someone else's.
 */
export async function mfaRoutes(app: FastifyInstance, { database, config }: Deps, presentMe: PresentMe) {
  const api = typed(app);
  const db = database.db;
  const ctx = mfaContext(config);
  const loadActor = (personId: string) => actorFor(db, personId, null, "session");
  const client = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers["user-agent"] ?? null,
    publicUrl: config.publicUrl,
  });
  const pendingToken = (request: FastifyRequest) => request.cookies[pendingCookieName(config)];
  // The same per-IP limit as the password: a pending sign-in also ends after a few wrong codes.
  const stepConfig = {
    action: "public" as const,
    rateLimit: { max: config.loginLimitPerIpPerMinute, timeWindow: "1 minute" },
  };
  const signedIn = async (reply: FastifyReply, token: string, actor: Actor) => {
    clearPendingCookie(reply, config);
    setSessionCookie(reply, config, token);
    return presentMe(db, actor);
  };
  const emailOf = async (actor: Actor) =>
    (await getPerson(db, actor.schoolId, actor.personId!)).email ?? actor.name ?? "Accord";

  api.post(
    "/api/v1/auth/mfa/totp",
    {
      config: stepConfig,
      schema: { body: CodeInput, response: { 200: MeView, ...problems(400, 401, 410, 429) } },
    },
    async (request, reply) => {
      const { token, actor } = await signInWithTotp(
        db,
        ctx,
        loadActor,
        pendingToken(request),
        request.body.code,
        client(request),
      );
      return signedIn(reply, token, actor);
    },
  );

  api.post(
    "/api/v1/auth/mfa/recovery-code",
    {
      config: stepConfig,
      schema: { body: CodeInput, response: { 200: MeView, ...problems(400, 401, 410, 429) } },
    },
    async (request, reply) => {
      const { token, actor } = await signInWithRecoveryCode(
        db,
        loadActor,
        pendingToken(request),
        request.body.code,
        client(request),
      );
      return signedIn(reply, token, actor);
    },
  );

  api.post(
    "/api/v1/auth/mfa/passkey/options",
    { config: stepConfig, schema: { response: { 200: WebAuthnOptionsView, ...problems(410) } } },
    async (request) => ({ ...(await passkeySignInOptions(db, ctx, pendingToken(request))) }),
  );

  api.post(
    "/api/v1/auth/mfa/passkey",
    {
      config: stepConfig,
      schema: { body: PasskeySignInInput, response: { 200: MeView, ...problems(400, 401, 410, 429) } },
    },
    async (request, reply) => {
      const { token, actor } = await signInWithPasskey(
        db,
        ctx,
        loadActor,
        pendingToken(request),
        request.body.response as unknown as AuthenticationResponseJSON,
        client(request),
      );
      return signedIn(reply, token, actor);
    },
  );

  // --- one's own methods

  api.get(
    "/api/v1/me/security",
    { config: { action: "mfa.manage" }, schema: { response: { 200: SecurityView } } },
    async (request) => mySecurity(db, actorOf(request)),
  );

  api.post(
    "/api/v1/me/security/totp",
    { config: { action: "mfa.manage" }, schema: { response: { 200: TotpSetupView, ...problems(409) } } },
    async (request) => {
      const actor = actorOf(request);
      return beginTotp(db, ctx, actor, await emailOf(actor));
    },
  );

  api.post(
    "/api/v1/me/security/totp/confirm",
    {
      config: { action: "mfa.manage" },
      schema: { body: CodeInput, response: { 200: RecoveryCodesView, ...problems(400, 409) } },
    },
    async (request) => confirmTotp(db, ctx, actorOf(request), request.sessionId, request.body.code),
  );

  api.delete(
    "/api/v1/me/security/totp",
    { config: { action: "mfa.manage" }, schema: { response: { 204: NoContent, ...problems(404) } } },
    async (request, reply) => {
      await removeTotp(db, actorOf(request));
      return reply.status(204).send();
    },
  );

  api.post(
    "/api/v1/me/security/recovery-codes",
    { config: { action: "mfa.manage" }, schema: { response: { 200: RecoveryCodesView, ...problems(409) } } },
    async (request) => regenerateRecoveryCodes(db, actorOf(request)),
  );

  api.post(
    "/api/v1/me/security/passkeys/options",
    { config: { action: "mfa.manage" }, schema: { response: { 200: WebAuthnOptionsView } } },
    async (request) => {
      const actor = actorOf(request);
      return { ...(await passkeyRegistrationOptions(db, ctx, actor, await emailOf(actor))) };
    },
  );

  api.post(
    "/api/v1/me/security/passkeys",
    {
      config: { action: "mfa.manage" },
      schema: { body: PasskeyAddInput, response: { 201: PasskeyAddedView, ...problems(400, 409) } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPasskey(
            db,
            ctx,
            actorOf(request),
            request.sessionId,
            request.body.name,
            request.body.response as unknown as RegistrationResponseJSON,
          ),
        ),
  );

  api.delete(
    "/api/v1/me/security/passkeys/:id",
    {
      config: { action: "mfa.manage" },
      schema: { params: IdParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await removePasskey(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // --- an admin resets someone's (lost phone and lost codes)

  api.delete(
    "/api/v1/people/:id/mfa",
    {
      config: { action: "mfa.reset" },
      schema: { params: IdParams, response: { 204: NoContent, ...problems(400, 403, 404) } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const school = await getSchool(db, actor.schoolId);
      await resetMfa(db, actor, request.params.id, school.name);
      return reply.status(204).send();
    },
  );
}
