import type { FastifyInstance } from "fastify";
import { todayInLondon } from "../../kernel/dates.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { file, problems } from "../../kernel/responses.js";
import { IdParams } from "../people/schema.js";
import {
  RecordParams,
  RecordTypeParams,
  RetentionDeleteInput,
  RetentionHoldView,
  RetentionKeepInput,
  RetentionQueueView,
  RetentionRuleInput,
  RetentionRulesView,
  RetentionRuleView,
  TombstoneView,
} from "./schema.js";
import {
  dueRecords,
  keepDueRecord,
  removeDueRecord,
  retentionRulesOf,
  setRetentionRule,
  subjectAccessExport,
} from "./service.js";

/** Subject access and retention (issue 15 parts 7 and 8, decision 034). Who may: access/privacy.ts. */
export async function privacyRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.get(
    "/api/v1/people/:id/subject-access.zip",
    {
      config: { action: "privacy.subjectAccess" },
      schema: {
        params: IdParams,
        response: {
          200: file(
            "application/zip",
            "Everything held about one person as JSON, their receipts as PDF, a README and summary; third parties flagged for redaction review",
          ),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const out = await subjectAccessExport(db, actorOf(request), request.params.id, config.publicUrl);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${out.fileName}"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(out.zip));
    },
  );

  api.get(
    "/api/v1/retention/rules",
    { config: { action: "retention.rules" }, schema: { response: { 200: RetentionRulesView } } },
    async (request) => ({ rules: await retentionRulesOf(db, actorOf(request).schoolId) }),
  );

  api.put(
    "/api/v1/retention/rules/:recordType",
    {
      config: { action: "retention.rules" },
      schema: {
        params: RecordTypeParams,
        body: RetentionRuleInput,
        response: { 200: RetentionRuleView, ...problems(400) },
      },
    },
    async (request) =>
      db.transaction((tx) => setRetentionRule(tx, actorOf(request), request.params.recordType, request.body)),
  );

  api.get(
    "/api/v1/retention/queue",
    { config: { action: "retention.review" }, schema: { response: { 200: RetentionQueueView } } },
    async (request) => {
      const today = todayInLondon();
      return { today, records: await dueRecords(db, actorOf(request).schoolId, today) };
    },
  );

  api.post(
    "/api/v1/retention/records/:recordType/:id/delete",
    {
      config: { action: "retention.review" },
      schema: {
        params: RecordParams,
        body: RetentionDeleteInput,
        response: { 200: TombstoneView, ...problems(400, 404) },
      },
    },
    async (request) =>
      removeDueRecord(
        db,
        actorOf(request),
        request.params.recordType,
        request.params.id,
        request.body.reason,
        todayInLondon(),
      ),
  );

  api.post(
    "/api/v1/retention/records/:recordType/:id/keep",
    {
      config: { action: "retention.review" },
      schema: {
        params: RecordParams,
        body: RetentionKeepInput,
        response: { 200: RetentionHoldView, ...problems(400, 404) },
      },
    },
    async (request) =>
      keepDueRecord(
        db,
        actorOf(request),
        request.params.recordType,
        request.params.id,
        request.body,
        todayInLondon(),
      ),
  );
}
