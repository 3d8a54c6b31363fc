import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { problems } from "../../kernel/responses.js";
import { listRefusals } from "./refusals.js";
import { AuditListView, ChainCheckView, RefusalListView } from "./schema.js";
import { listEvents, verifyChain } from "./service.js";

const date = isoDate;
const AuditQuery = z.object({
  /** One kind of event (AUDIT_EVENT_KINDS), e.g. "agreement.signed". */
  action: z.string().max(100).optional(),
  /** Events by a person, about them, or about a child they signed for. */
  personId: z.uuid("Choose a person from the list.").optional(),
  entityType: z.string().max(100).optional(),
  q: z.string().trim().max(100).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const RefusalQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function auditRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  api.get(
    "/api/v1/audit",
    {
      config: { action: "audit.read" },
      schema: { querystring: AuditQuery, response: { 200: AuditListView, ...problems(400) } },
    },
    async (request) => listEvents(database.db, actorOf(request).schoolId, request.query),
  );
  api.get(
    "/api/v1/audit/refusals",
    {
      config: { action: "audit.refusals" },
      schema: { querystring: RefusalQuery, response: { 200: RefusalListView, ...problems(400) } },
    },
    async (request) => listRefusals(database.db, actorOf(request).schoolId, request.query),
  );
  api.get(
    "/api/v1/audit/verify",
    { config: { action: "audit.verify" }, schema: { response: { 200: ChainCheckView } } },
    async (request) => verifyChain(database.db, actorOf(request).schoolId),
  );
}
