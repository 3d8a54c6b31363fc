import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { problems } from "../../kernel/responses.js";
import {
  DismissalInput,
  DismissalParams,
  HealthParams,
  PolicyHealthView,
  VersionHealthParams,
} from "./schema.js";
import { dismissFinding, policyHealth, reinstateFinding } from "./service.js";

export async function policyHealthRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  const db = database.db;
  const base = "/api/v1/policies/:id/health";

  api.get(
    base,
    {
      config: { action: "policyHealth.read" },
      schema: { params: HealthParams, response: { 200: PolicyHealthView, ...problems(400, 404) } },
    },
    async (request) => policyHealth(db, actorOf(request), request.params.id),
  );
  api.get(
    "/api/v1/policies/:id/versions/:versionId/health",
    {
      config: { action: "policyHealth.read" },
      schema: { params: VersionHealthParams, response: { 200: PolicyHealthView, ...problems(400, 404) } },
    },
    async (request) => policyHealth(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/dismissals`,
    {
      config: { action: "policyHealth.dismiss" },
      schema: {
        params: HealthParams,
        body: DismissalInput,
        response: { 201: PolicyHealthView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await dismissFinding(db, actorOf(request), request.params.id, request.body)),
  );
  api.post(
    `${base}/dismissals/:dismissalId/reinstate`,
    {
      config: { action: "policyHealth.dismiss" },
      schema: {
        params: DismissalParams,
        response: { 200: PolicyHealthView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => reinstateFinding(db, actorOf(request), request.params.id, request.params.dismissalId),
  );
}
