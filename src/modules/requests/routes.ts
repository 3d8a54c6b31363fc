import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { problems } from "../../kernel/responses.js";
import { decideRequest } from "./deciding.js";
import { confirmFollowUp } from "./follow-ups.js";
import { listRequests, makeRequest, replyToRequest, viewRequest, visibleRequest } from "./making.js";
import { permittedNow } from "./permitted.js";
import { adultsNamed } from "./queries.js";
import {
  addService,
  addSocialAccount,
  changeService,
  changeSocialAccount,
  listServices,
  listSocialAccounts,
} from "./registers.js";
import {
  AdultsQuery,
  AdultsView,
  DecisionInput,
  MadeView,
  RegisterView,
  ReplyInput,
  RequestInput,
  RequestListView,
  RequestParams,
  RequestView,
  ServiceInput,
  ServiceListView,
  ServicePatch,
  ServiceView,
  SocialAccountInput,
  SocialAccountListView,
  SocialAccountPatch,
  SocialAccountView,
  TypeInput,
  TypeKeyParams,
  TypeListView,
  TypePatch,
  TypeView,
} from "./schema.js";
import { createType, presentType, typesOf, updateType } from "./types.js";

const DecidedView = z.object({ id: z.uuid(), status: z.enum(["approved", "refused", "more_info"]) });
const RepliedView = z.object({ id: z.uuid(), status: z.literal("pending") });
const ConfirmedView = z.object({ confirmedAt: z.iso.datetime() });
const TypesQuery = z.object({ all: z.enum(["true", "false"]).optional() });

/** Permission requests and the registers (capability 5). Who sees and decides: access/requests.ts. */
export async function requestRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.get(
    "/api/v1/requests/types",
    {
      config: { action: "requests.make" },
      schema: { querystring: TypesQuery, response: { 200: TypeListView } },
    },
    async (request) => ({
      types: (await typesOf(db, actorOf(request).schoolId, request.query.all === "true")).map(presentType),
    }),
  );
  api.post(
    "/api/v1/requests/types",
    {
      config: { action: "requests.types" },
      schema: { body: TypeInput, response: { 201: TypeView, ...problems(400, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createType(db, actorOf(request), request.body)),
  );
  api.patch(
    "/api/v1/requests/types/:key",
    {
      config: { action: "requests.types" },
      schema: { params: TypeKeyParams, body: TypePatch, response: { 200: TypeView, ...problems(400, 404) } },
    },
    async (request) => updateType(db, actorOf(request), request.params.key, request.body),
  );

  api.post(
    "/api/v1/requests",
    {
      config: { action: "requests.make" },
      schema: { body: RequestInput, response: { 201: MadeView, ...problems(400) } },
    },
    async (request, reply) =>
      reply.status(201).send(await makeRequest(db, actorOf(request), request.body, config.publicUrl)),
  );
  api.get(
    "/api/v1/requests",
    { config: { action: "requests.make" }, schema: { response: { 200: RequestListView } } },
    async (request) => listRequests(db, actorOf(request)),
  );

  api.get(
    "/api/v1/requests/register",
    {
      config: { action: "requests.registers" },
      schema: { response: { 200: RegisterView, ...problems(403) } },
    },
    async (request) => permittedNow(db, actorOf(request)),
  );

  api.get(
    "/api/v1/requests/services",
    {
      config: { action: "requests.registers" },
      schema: { response: { 200: ServiceListView, ...problems(403) } },
    },
    async (request) => ({ services: await listServices(db, actorOf(request)) }),
  );
  api.post(
    "/api/v1/requests/services",
    {
      config: { action: "requests.manageRegisters" },
      schema: { body: ServiceInput, response: { 201: ServiceView, ...problems(400) } },
    },
    async (request, reply) => reply.status(201).send(await addService(db, actorOf(request), request.body)),
  );
  api.patch(
    "/api/v1/requests/services/:id",
    {
      config: { action: "requests.manageRegisters" },
      schema: {
        params: RequestParams,
        body: ServicePatch,
        response: { 200: ServiceView, ...problems(400, 404) },
      },
    },
    async (request) => changeService(db, actorOf(request), request.params.id, request.body),
  );

  api.get(
    "/api/v1/requests/social-accounts",
    {
      config: { action: "requests.registers" },
      schema: { response: { 200: SocialAccountListView, ...problems(403) } },
    },
    async (request) => ({ accounts: await listSocialAccounts(db, actorOf(request)) }),
  );
  api.post(
    "/api/v1/requests/social-accounts",
    {
      config: { action: "requests.manageRegisters" },
      schema: { body: SocialAccountInput, response: { 201: SocialAccountView, ...problems(400) } },
    },
    async (request, reply) =>
      reply.status(201).send(await addSocialAccount(db, actorOf(request), request.body)),
  );
  api.patch(
    "/api/v1/requests/social-accounts/:id",
    {
      config: { action: "requests.manageRegisters" },
      schema: {
        params: RequestParams,
        body: SocialAccountPatch,
        response: { 200: SocialAccountView, ...problems(400, 404) },
      },
    },
    async (request) => changeSocialAccount(db, actorOf(request), request.params.id, request.body),
  );
  // Adults to name as a social media account's administrators.
  api.get(
    "/api/v1/requests/adults",
    {
      config: { action: "requests.manageRegisters" },
      schema: { querystring: AdultsQuery, response: { 200: AdultsView } },
    },
    async (request) => ({ people: await adultsNamed(db, actorOf(request).schoolId, request.query.q) }),
  );

  api.get(
    "/api/v1/requests/:id",
    {
      config: { action: "requests.make" },
      schema: { params: RequestParams, response: { 200: RequestView, ...problems(404) } },
    },
    async (request) => viewRequest(db, actorOf(request), request.params.id),
  );
  api.post(
    "/api/v1/requests/:id/decision",
    {
      config: { action: "requests.decide" },
      schema: {
        params: RequestParams,
        body: DecisionInput,
        response: { 200: DecidedView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => decideRequest(db, actorOf(request), request.params.id, request.body, config.publicUrl),
  );
  api.post(
    "/api/v1/requests/:id/reply",
    {
      config: { action: "requests.make" },
      schema: {
        params: RequestParams,
        body: ReplyInput,
        response: { 200: RepliedView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      replyToRequest(db, actorOf(request), request.params.id, request.body.text, config.publicUrl),
  );
  api.post(
    "/api/v1/requests/:id/follow-up",
    {
      config: { action: "requests.make" },
      schema: { params: RequestParams, response: { 200: ConfirmedView, ...problems(403, 404, 409) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const r = await visibleRequest(db, actor, request.params.id);
      return confirmFollowUp(db, actor, r);
    },
  );
}
