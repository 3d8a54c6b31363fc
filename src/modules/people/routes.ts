import type { FastifyInstance } from "fastify";
import { mailDelivery } from "../../kernel/config.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { problems } from "../../kernel/responses.js";
import { createInvitation } from "../auth/service.js";
import { getSchool } from "../schools/service.js";
import {
  IdParams,
  InvitationSentView,
  LeaverInput,
  PeopleListView,
  PeopleQuery,
  PersonDetailView,
  PersonInput,
  PersonPatch,
  RolesInput,
} from "./schema.js";
import { createPerson, getPerson, listPeople, markLeaver, setRoles, updatePerson } from "./service.js";

export async function peopleRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.get(
    "/api/v1/people",
    {
      config: { action: "people.read" },
      schema: { querystring: PeopleQuery, response: { 200: PeopleListView, ...problems(400) } },
    },
    async (request) => listPeople(db, actorOf(request).schoolId, request.query),
  );

  api.post(
    "/api/v1/people",
    {
      config: { action: "people.manage" },
      schema: { body: PersonInput, response: { 201: PersonDetailView, ...problems(400, 403) } },
    },
    async (request, reply) => reply.status(201).send(await createPerson(db, actorOf(request), request.body)),
  );

  api.get(
    "/api/v1/people/:id",
    {
      config: { action: "people.read" },
      schema: { params: IdParams, response: { 200: PersonDetailView, ...problems(400, 404) } },
    },
    async (request) => getPerson(db, actorOf(request).schoolId, request.params.id),
  );

  api.patch(
    "/api/v1/people/:id",
    {
      config: { action: "people.manage" },
      schema: {
        params: IdParams,
        body: PersonPatch,
        response: { 200: PersonDetailView, ...problems(400, 404) },
      },
    },
    async (request) => updatePerson(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/people/:id/leaver",
    {
      config: { action: "people.manage" },
      schema: {
        params: IdParams,
        body: LeaverInput,
        response: { 200: PersonDetailView, ...problems(400, 404) },
      },
    },
    async (request) => markLeaver(db, actorOf(request), request.params.id, request.body.leaveDate),
  );

  api.put(
    "/api/v1/people/:id/roles",
    {
      config: { action: "roles.assign" },
      schema: {
        params: IdParams,
        body: RolesInput,
        response: { 200: PersonDetailView, ...problems(400, 404) },
      },
    },
    async (request) => setRoles(db, actorOf(request), request.params.id, request.body.roles),
  );

  api.post(
    "/api/v1/people/:id/invite",
    {
      config: { action: "people.invite" },
      schema: { params: IdParams, response: { 201: InvitationSentView, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const school = await getSchool(db, actor.schoolId);
      const { expiresAt } = await db.transaction((tx) =>
        createInvitation(tx, actor, request.params.id, config.publicUrl, school.name),
      );
      return reply.status(201).send({
        expiresAt: expiresAt.toISOString(),
        delivery: mailDelivery(config),
      });
    },
  );
}
