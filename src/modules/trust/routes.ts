import type { FastifyInstance, FastifyRequest } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg } from "../../kernel/i18n/index.js";
import { forbidden } from "../../kernel/problem.js";
import { problems } from "../../kernel/responses.js";
import type { TrustRole } from "../access/roles.js";
import { mayAddSchools, mayReadTrust } from "../access/trust.js";
import { IdParams } from "../people/schema.js";
import { AddTrustSchoolInput, TrustSchoolAddedView, TrustSchoolsView, TrustSchoolView } from "./schema.js";
import { addTrustSchool, trustSchoolDashboard, trustSchools, trustStandingOf } from "./service.js";

/**
 * The trust (issue 20 part 5). The matrix admits any member; access/trust.ts decides with the
 * person's trust roles, which the service reads (a school role alone is a 403).
 */
export async function trustRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  // The trust roles are asked before the request's body is read (as the filtering routes do).
  const requireTrustRole =
    (may: (roles: readonly TrustRole[]) => boolean) => async (request: FastifyRequest) => {
      const standing = await trustStandingOf(db, actorOf(request));
      if (!may(standing?.roles ?? []))
        throw forbidden(
          msg`Only the trust's roles (chief executive, DSL, DPO, admin) see or change the trust.`,
        );
    };

  api.get(
    "/api/v1/trust/schools",
    {
      config: { action: "trust.read" },
      preValidation: requireTrustRole(mayReadTrust),
      schema: { response: { 200: TrustSchoolsView, ...problems(403) } },
    },
    async (request) => trustSchools(db, actorOf(request)),
  );

  api.get(
    "/api/v1/trust/schools/:id",
    {
      config: { action: "trust.read" },
      preValidation: requireTrustRole(mayReadTrust),
      schema: { params: IdParams, response: { 200: TrustSchoolView, ...problems(403, 404) } },
    },
    async (request) => trustSchoolDashboard(db, actorOf(request), request.params.id),
  );

  api.post(
    "/api/v1/trust/schools",
    {
      config: { action: "trust.manage" },
      preValidation: requireTrustRole(mayAddSchools),
      schema: {
        body: AddTrustSchoolInput,
        response: { 201: TrustSchoolAddedView, ...problems(400, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTrustSchool(db, actorOf(request), request.body, config.publicUrl)),
  );
}
