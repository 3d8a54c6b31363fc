import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import { file, jsonOr, problems } from "../../kernel/responses.js";
import { alertToIncident, dismissAlert, importAlerts, listAlerts } from "./alerts.js";
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from "./attachments.js";
import {
  addPeople,
  addTimelineEntry,
  closeIncident,
  listIncidents,
  recordIcoDecision,
  reopenIncident,
  viewIncident,
} from "./handling.js";
import { breachCsv, breachRegister, chronology, incidentStats } from "./registers.js";
import { adultsNamed, reportIncident } from "./reporting.js";
import {
  AddPeopleInput,
  AlertImportedView,
  AlertImportInput,
  AlertListView,
  AlertToIncidentInput,
  BreachQuery,
  BreachView,
  ChronologyView,
  CloseInput,
  DismissInput,
  EntryInput,
  EntryView,
  IcoDecisionInput,
  IncidentListView,
  IncidentOrReporterView,
  IncidentParams,
  IncidentView,
  ListQuery,
  ReopenInput,
  ReportedView,
  ReportInput,
  SettingsInput,
  SettingsView,
  StatsQuery,
  StatsView,
} from "./schema.js";
import { incidentSettingsOf, saveIncidentSettings } from "./settings.js";

const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });
const PeopleQuery = z.object({ q: z.string().max(100).default("") });
const AdultsView = z.object({
  people: z.array(z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() })),
});

/** Online-safety incidents (capability 4). Who sees each incident: access/incidents.ts. */
export async function incidentRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.post(
    "/api/v1/incidents",
    {
      config: { action: "incidents.report" },
      schema: { body: ReportInput, response: { 201: ReportedView, ...problems(400) } },
    },
    async (request, reply) =>
      reply.status(201).send(await reportIncident(db, actorOf(request), request.body, config.publicUrl)),
  );

  api.get(
    "/api/v1/incidents",
    {
      config: { action: "incidents.report" },
      schema: { querystring: ListQuery, response: { 200: IncidentListView } },
    },
    async (request) => ({ incidents: await listIncidents(db, actorOf(request), request.query.status) }),
  );

  api.get(
    "/api/v1/incidents/people",
    {
      config: { action: "incidents.report" },
      schema: { querystring: PeopleQuery, response: { 200: AdultsView } },
    },
    async (request) => ({ people: await adultsNamed(db, actorOf(request).schoolId, request.query.q) }),
  );

  api.get(
    "/api/v1/incidents/stats",
    {
      config: { action: "incidents.stats" },
      schema: { querystring: StatsQuery, response: { 200: StatsView } },
    },
    async (request) => incidentStats(db, actorOf(request), request.query),
  );

  api.get(
    "/api/v1/incidents/breaches",
    {
      config: { action: "incidents.breaches" },
      schema: {
        querystring: BreachQuery,
        response: {
          200: jsonOr(BreachView, "text/csv", "The data breach register: JSON, or CSV with ?format=csv"),
        },
      },
    },
    async (request, reply) => {
      const breaches = await breachRegister(db, actorOf(request));
      if (request.query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="data-breach-register-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(`\uFEFF${breachCsv(breaches)}`);
      return { breaches };
    },
  );

  api.get(
    "/api/v1/incidents/settings",
    { config: { action: "incidents.settings" }, schema: { response: { 200: SettingsView } } },
    async (request) => incidentSettingsOf(db, actorOf(request).schoolId),
  );
  api.put(
    "/api/v1/incidents/settings",
    {
      config: { action: "incidents.settings" },
      schema: { body: SettingsInput, response: { 200: SettingsView, ...problems(400) } },
    },
    async (request) => saveIncidentSettings(db, actorOf(request), request.body),
  );

  api.post(
    "/api/v1/incidents/alerts/import",
    {
      config: { action: "incidents.alerts" },
      schema: { body: AlertImportInput, response: { 200: AlertImportedView, ...problems(400) } },
    },
    async (request) => importAlerts(db, actorOf(request), request.body),
  );
  api.get(
    "/api/v1/incidents/alerts",
    { config: { action: "incidents.alerts" }, schema: { response: { 200: AlertListView } } },
    async (request) => ({ alerts: await listAlerts(db, actorOf(request)) }),
  );
  api.post(
    "/api/v1/incidents/alerts/:id/dismiss",
    {
      config: { action: "incidents.alerts" },
      schema: {
        params: IncidentParams,
        body: DismissInput,
        response: { 200: z.object({ dismissed: z.boolean() }), ...problems(404, 409) },
      },
    },
    async (request) => dismissAlert(db, actorOf(request), request.params.id, request.body.reason),
  );
  api.post(
    "/api/v1/incidents/alerts/:id/incident",
    {
      config: { action: "incidents.alerts" },
      schema: {
        params: IncidentParams,
        body: AlertToIncidentInput,
        response: { 201: ReportedView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await alertToIncident(db, actorOf(request), request.params.id, request.body, config.publicUrl)),
  );

  api.get(
    "/api/v1/incidents/chronology/:id",
    {
      config: { action: "incidents.chronology" },
      schema: { params: IncidentParams, response: { 200: ChronologyView, ...problems(404) } },
    },
    async (request) => chronology(db, actorOf(request), request.params.id),
  );

  api.get(
    "/api/v1/incidents/:id",
    {
      config: { action: "incidents.report" },
      schema: { params: IncidentParams, response: { 200: IncidentOrReporterView, ...problems(404) } },
    },
    async (request) => viewIncident(db, actorOf(request), request.params.id),
  );

  api.post(
    "/api/v1/incidents/:id/entries",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        body: EntryInput,
        response: { 201: EntryView, ...problems(400, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTimelineEntry(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    "/api/v1/incidents/:id/close",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        body: CloseInput,
        response: { 200: IncidentView, ...problems(400, 404, 409) },
      },
    },
    async (request) => closeIncident(db, actorOf(request), request.params.id, request.body.outcome),
  );
  api.post(
    "/api/v1/incidents/:id/reopen",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        body: ReopenInput,
        response: { 200: IncidentView, ...problems(400, 404, 409) },
      },
    },
    async (request) => reopenIncident(db, actorOf(request), request.params.id, request.body.reason),
  );
  api.post(
    "/api/v1/incidents/:id/people",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        body: AddPeopleInput,
        response: { 200: IncidentView, ...problems(400, 404) },
      },
    },
    async (request) =>
      addPeople(db, actorOf(request), request.params.id, request.body.personIds, request.body.reason),
  );
  api.post(
    "/api/v1/incidents/:id/ico-decision",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        body: IcoDecisionInput,
        response: { 200: IncidentView, ...problems(400, 404, 409) },
      },
    },
    async (request) => recordIcoDecision(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/incidents/:id/attachments",
    {
      config: { action: "incidents.report" },
      schema: {
        params: IncidentParams,
        response: { 201: z.object({ id: z.uuid() }), ...problems(400, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest(msg`Send the file as multipart form field "file".`);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
      if (!part) throw badRequest(msg`Send the file as multipart form field "file".`);
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw badRequest(msg`Attachments may be up to 10 MB.`);
      const made = await addAttachment(db, actorOf(request), request.params.id, {
        fileName: part.filename || "attachment",
        contentType: part.mimetype || "application/octet-stream",
        bytes,
      });
      return reply.status(201).send(made);
    },
  );

  api.get(
    "/api/v1/incidents/:id/attachments/:attachmentId",
    {
      config: { action: "incidents.report" },
      schema: {
        params: AttachmentParams,
        response: { 200: file("application/octet-stream", "The attached file"), ...problems(404) },
      },
    },
    async (request, reply) => {
      const f = await readAttachment(db, actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .type(f.contentType)
        .header("content-disposition", `attachment; filename="${f.fileName.replace(/[^\w. -]+/g, "_")}"`)
        .header("x-content-type-options", "nosniff")
        .send(f.content);
    },
  );
}
