import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type Deps, typed } from "../../kernel/http.js";
import { SetupInput } from "./schema.js";
import { schoolCount, setupSchool } from "./service.js";

export async function schoolRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);

  api.get("/healthz", { config: { action: "public" }, schema: { hide: true } }, async () => ({
    status: "ok",
    database: database.kind,
  }));

  api.get("/api/v1/setup/status", { config: { action: "public" } }, async () => ({
    needed: (await schoolCount(database.db)) === 0,
  }));

  api.post(
    "/api/v1/setup",
    {
      config: { action: "public" },
      schema: {
        body: SetupInput,
        response: {
          201: z.object({
            school: z.object({ id: z.string(), name: z.string() }),
            person: z.object({ id: z.string() }),
          }),
        },
      },
    },
    async (request, reply) => {
      const created = await setupSchool(database.db, request.body, request.ip);
      return reply.status(201).send(created);
    },
  );
}
