import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { OutboxView } from "./schema.js";
import { listOutbox } from "./service.js";

export async function mailRoutes(app: FastifyInstance, { database, config }: Deps) {
  typed(app).get(
    "/api/v1/mail/outbox",
    { config: { action: "mail.read" }, schema: { response: { 200: OutboxView } } },
    async (request) => ({
      smtpConfigured: config.smtpUrl !== null,
      messages: await listOutbox(database.db, actorOf(request).schoolId),
    }),
  );
}
