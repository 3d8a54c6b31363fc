import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { problems } from "../../kernel/responses.js";
import { setSessionCookie } from "../auth/service.js";
import {
  HealthView,
  SchoolSettingsInput,
  SchoolSettingsView,
  SetupDoneView,
  SetupInput,
  SetupStatusView,
} from "./schema.js";
import { schoolCount, schoolSettings, setSchoolSettings, setupSchool } from "./service.js";

export async function schoolRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);

  api.get(
    "/healthz",
    { config: { action: "public" }, schema: { hide: true, response: { 200: HealthView } } },
    async () => ({
      status: "ok" as const,
      database: database.kind,
    }),
  );

  api.get(
    "/api/v1/setup/status",
    { config: { action: "public" }, schema: { response: { 200: SetupStatusView } } },
    async () => ({
      needed: (await schoolCount(database.db)) === 0,
    }),
  );

  api.post(
    "/api/v1/setup",
    {
      config: { action: "public" },
      schema: {
        body: SetupInput,
        response: { 201: SetupDoneView, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { sessionToken, ...created } = await setupSchool(
        database.db,
        request.body,
        request.ip,
        request.headers["user-agent"] ?? null,
      );
      setSessionCookie(reply, config, sessionToken);
      return reply.status(201).send(created);
    },
  );

  // Which country's guidance the school follows (England or Wales): admins set it.
  api.get(
    "/api/v1/school/settings",
    { config: { action: "settings.manage" }, schema: { response: { 200: SchoolSettingsView } } },
    async (request) => schoolSettings(database.db, actorOf(request).schoolId),
  );
  api.put(
    "/api/v1/school/settings",
    {
      config: { action: "settings.manage" },
      schema: { body: SchoolSettingsInput, response: { 200: SchoolSettingsView, ...problems(400) } },
    },
    async (request) => setSchoolSettings(database.db, actorOf(request), request.body),
  );
}
