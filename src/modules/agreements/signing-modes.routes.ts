import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import {
  classSessionOptions,
  classView,
  describeClassSession,
  endClassSession,
  openClassSession,
  signInClass,
} from "./class-sessions.js";
import { closeKiosk, kioskAgreement, listKiosks, openKiosk, signAtKiosk, startKiosk } from "./kiosk.js";
import { AgreementParams, SignatureInput, TokenParams } from "./schema.js";

const VisitorInput = SignatureInput.omit({ jobTitle: true }).extend({
  organisation: z.string().trim().min(1, "Type your organisation, or 'None'.").max(200),
  visiting: z.string().trim().min(1, "Type who you are visiting.").max(200),
  email: z
    .union([z.literal(""), z.email("Enter a valid email address.")])
    .optional()
    .transform((v) => v || undefined),
});
const ClassSignatureInput = SignatureInput.omit({ jobTitle: true, signatureImage: true }).extend({
  pupilId: z.uuid(),
});

/** Visitors at a reception kiosk and pupils in a class session: the two ways to sign without an account or link. */
export async function signingModeRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  const ctx = (r: { ip: string; headers: Record<string, unknown> }) => ({
    ip: r.ip,
    userAgent: (r.headers["user-agent"] as string) ?? null,
  });
  const kioskToken = (r: { headers: Record<string, unknown> }) =>
    r.headers["x-kiosk-token"] as string | undefined;

  api.post(
    "/api/v1/kiosks",
    { config: { action: "agreements.manage" }, schema: { body: z.object({ agreementId: z.uuid() }) } },
    async (request, reply) =>
      reply.status(201).send(await openKiosk(db, actorOf(request), request.body.agreementId)),
  );
  api.get("/api/v1/kiosks", { config: { action: "agreements.manage" } }, async (request) => ({
    kiosks: await listKiosks(db, actorOf(request)),
  }));
  api.post(
    "/api/v1/kiosks/:id/close",
    { config: { action: "agreements.manage" }, schema: { params: AgreementParams } },
    async (request, reply) => {
      await closeKiosk(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.post(
    "/api/v1/kiosk/start",
    {
      config: { action: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { body: z.object({ code: z.string().trim().min(4).max(20) }) },
    },
    async (request) => startKiosk(db, request.body.code),
  );
  api.get("/api/v1/kiosk/agreement", { config: { action: "public" } }, async (request) =>
    kioskAgreement(db, kioskToken(request)),
  );
  api.post(
    "/api/v1/kiosk/signatures",
    { config: { action: "public" }, schema: { body: VisitorInput } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await signAtKiosk(db, kioskToken(request), request.body, ctx(request), config.publicUrl)),
  );

  api.get("/api/v1/class-sessions/options", { config: { action: "classSessions.run" } }, async (request) =>
    classSessionOptions(db, actorOf(request)),
  );
  api.post(
    "/api/v1/class-sessions",
    {
      config: { action: "classSessions.run" },
      schema: { body: z.object({ agreementId: z.uuid(), regGroup: z.string().trim().min(1).max(40) }) },
    },
    async (request, reply) =>
      reply.status(201).send(await openClassSession(db, actorOf(request), request.body)),
  );
  api.get(
    "/api/v1/class-sessions/:id",
    { config: { action: "classSessions.run" }, schema: { params: AgreementParams } },
    async (request) => describeClassSession(db, actorOf(request), request.params.id),
  );
  api.post(
    "/api/v1/class-sessions/:id/end",
    { config: { action: "classSessions.run" }, schema: { params: AgreementParams } },
    async (request, reply) => {
      await endClassSession(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    "/api/v1/class/:token",
    { config: { action: "public" }, schema: { params: TokenParams } },
    async (request) => classView(db, request.params.token),
  );
  api.post(
    "/api/v1/class/:token/signatures",
    { config: { action: "public" }, schema: { params: TokenParams, body: ClassSignatureInput } },
    async (request, reply) =>
      reply.status(201).send(await signInClass(db, request.params.token, request.body, ctx(request))),
  );
}
