import type { FastifyInstance } from "fastify";
import { mailDelivery } from "../../kernel/config.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { DryRunQuery } from "../../kernel/query.js";
import { jsonOr, problems } from "../../kernel/responses.js";
import { remindNow } from "./chasing.js";
import { complianceCsv, complianceMatrix } from "./compliance.js";
import {
  AgreementInput,
  AgreementListView,
  AgreementParams,
  AgreementView,
  AssignedView,
  AssignmentInput,
  ComplianceQuery,
  ComplianceView,
  MyAgreementsView,
  RemindedView,
  VisitorQuery,
  VisitorRegisterView,
} from "./schema.js";
import { assign, createAgreement, listAgreements, myAgreements } from "./service.js";
import { visitorRegister, visitorRegisterCsv } from "./visitor-register.js";

/** Agreements, who must sign them, chasing, and the compliance view. Signing itself: signing/routes.ts. */
export async function agreementRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.get(
    "/api/v1/agreements",
    { config: { action: "agreements.manage" }, schema: { response: { 200: AgreementListView } } },
    async (request) => ({ agreements: await listAgreements(db, actorOf(request)) }),
  );

  api.post(
    "/api/v1/agreements",
    {
      config: { action: "agreements.manage" },
      schema: { body: AgreementInput, response: { 201: AgreementView, ...problems(400, 404, 409) } },
    },
    async (request, reply) => {
      const agreement = await createAgreement(db, actorOf(request), request.body);
      return reply.status(201).send(agreement);
    },
  );

  api.post(
    "/api/v1/agreements/:id/assignments",
    {
      config: { action: "agreements.manage" },
      schema: {
        params: AgreementParams,
        body: AssignmentInput,
        response: { 201: AssignedView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await assign(db, actorOf(request), request.params.id, request.body, config.publicUrl)),
  );

  api.post(
    "/api/v1/agreements/:id/remind",
    {
      config: { action: "agreements.manage" },
      schema: {
        params: AgreementParams,
        querystring: DryRunQuery,
        response: { 200: RemindedView, ...problems(400, 404) },
      },
    },
    async (request) => ({
      ...(await remindNow(db, actorOf(request), request.params.id, config.publicUrl, request.query.dryRun)),
      delivery: mailDelivery(config),
    }),
  );

  api.get(
    "/api/v1/me/agreements",
    { config: { action: "agreements.sign" }, schema: { response: { 200: MyAgreementsView } } },
    async (request) => ({ agreements: await myAgreements(db, actorOf(request)) }),
  );

  api.get(
    "/api/v1/compliance/agreements",
    {
      config: { action: "compliance.read" },
      schema: {
        querystring: ComplianceQuery,
        response: {
          200: jsonOr(ComplianceView, "text/csv", "People × agreements: JSON, or CSV with ?format=csv"),
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const matrix = await complianceMatrix(db, actorOf(request).schoolId, filter);
      if (format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="agreements-compliance-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(`\uFEFF${complianceCsv(matrix)}`);
      return matrix;
    },
  );

  api.get(
    "/api/v1/compliance/visitors",
    {
      config: { action: "visitors.read" },
      schema: {
        querystring: VisitorQuery,
        response: {
          200: jsonOr(
            VisitorRegisterView,
            "text/csv",
            "The visitors' register: who signed at a reception kiosk. JSON, or CSV with ?format=csv",
          ),
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      const { format, ...range } = request.query;
      const visitors = await visitorRegister(db, actorOf(request), range);
      if (format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="visitors-register-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(`\uFEFF${visitorRegisterCsv(visitors)}`);
      return { visitors };
    },
  );
}
