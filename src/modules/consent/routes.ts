import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { mailDelivery } from "../../kernel/config.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg, say } from "../../kernel/i18n/index.js";
import { file, jsonOr, problems } from "../../kernel/responses.js";
import { recordStaffAnswers } from "./answers.js";
import { createPurpose, presentPurpose, purposesOf, updatePurpose } from "./purposes.js";
import { confirmRemoval, listRemovals } from "./removals.js";
import { answerByLink, linkForm, requestConsent } from "./requests.js";
import { liftRestriction, restrictImages } from "./restrictions.js";
import {
  CheckInput,
  CheckView,
  CollectionQuery,
  CollectionView,
  ExportQuery,
  ExportView,
  LinkAnsweredView,
  LinkAnswersInput,
  LinkFormView,
  MyAnswersInput,
  MyConsentView,
  PupilConsentView,
  PupilListView,
  PupilParams,
  PupilSearchQuery,
  PurposeInput,
  PurposeKeyParams,
  PurposeListView,
  PurposePatch,
  PurposeView,
  RecordedView,
  RemovalListView,
  RemovalParams,
  RequestInput,
  RequestQuery,
  RequestSentView,
  RestrictionInput,
  SettingsInput,
  SettingsView,
  StaffAnswerInput,
  StaffAnswersInput,
  StaffConsentView,
  TokenParams,
} from "./schema.js";
import { saveSettings, settingsView } from "./settings.js";
import { classSheetPdf, paperFormsPdf } from "./sheets.js";
import { answerMyPhotoConsent, myPhotoConsent, staffPhotoConsent } from "./staff.js";
import { checkPhoto, collection, exportCsv, exportStatuses, pupilConsent, pupilSearch } from "./views.js";

const SheetQuery = z.object({
  class: z.string().max(40).optional(),
  yearGroup: z.string().max(40).optional(),
  pupilId: z.uuid().optional(),
});

/** Photo and video consent (capability 3): purposes, answers, the restriction, the check, requests. */
export async function consentRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  const pdf = file("application/pdf", "A PDF to print");

  api.get(
    "/api/v1/consent/purposes",
    { config: { action: "consent.read" }, schema: { response: { 200: PurposeListView } } },
    async (request) => ({
      purposes: (await purposesOf(db, actorOf(request).schoolId, true)).map(presentPurpose),
    }),
  );

  api.post(
    "/api/v1/consent/purposes",
    {
      config: { action: "consent.manage" },
      schema: { body: PurposeInput, response: { 201: PurposeView, ...problems(400, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createPurpose(db, actorOf(request), request.body)),
  );

  api.patch(
    "/api/v1/consent/purposes/:key",
    {
      config: { action: "consent.manage" },
      schema: {
        params: PurposeKeyParams,
        body: PurposePatch,
        response: { 200: PurposeView, ...problems(400, 404) },
      },
    },
    async (request) => updatePurpose(db, actorOf(request), request.params.key, request.body),
  );

  api.get(
    "/api/v1/consent/settings",
    { config: { action: "consent.manage" }, schema: { response: { 200: SettingsView } } },
    async (request) => settingsView(db, actorOf(request).schoolId),
  );

  api.put(
    "/api/v1/consent/settings",
    {
      config: { action: "consent.manage" },
      schema: { body: SettingsInput, response: { 200: SettingsView, ...problems(400) } },
    },
    async (request) => saveSettings(db, actorOf(request), request.body),
  );

  api.post(
    "/api/v1/consent/answers",
    {
      config: { action: "consent.record" },
      schema: { body: StaffAnswerInput, response: { 201: RecordedView, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const { pupilId, purposeKey, answer, ...how } = request.body;
      const recorded = await recordStaffAnswers(
        db,
        actorOf(request),
        pupilId,
        { ...how, answers: [{ purposeKey, answer }] },
        config.publicUrl,
      );
      return reply.status(201).send(recorded);
    },
  );

  api.post(
    "/api/v1/consent/pupils/:id/answers",
    {
      config: { action: "consent.record" },
      schema: {
        params: PupilParams,
        body: StaffAnswersInput,
        response: { 201: RecordedView, ...problems(400, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordStaffAnswers(db, actorOf(request), request.params.id, request.body, config.publicUrl),
        ),
  );

  api.get(
    "/api/v1/consent/pupils",
    {
      config: { action: "consent.check" },
      schema: { querystring: PupilSearchQuery, response: { 200: PupilListView, ...problems(400) } },
    },
    async (request) => pupilSearch(db, actorOf(request), request.query),
  );

  api.get(
    "/api/v1/consent/pupils/:id",
    {
      config: { action: "consent.read" },
      schema: { params: PupilParams, response: { 200: PupilConsentView, ...problems(404) } },
    },
    async (request) => pupilConsent(db, actorOf(request), request.params.id),
  );

  api.put(
    "/api/v1/consent/pupils/:id/restriction",
    {
      config: { action: "consent.restrict" },
      schema: {
        params: PupilParams,
        body: RestrictionInput,
        response: { 200: PupilConsentView, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await restrictImages(db, actor, request.params.id, request.body.reason, config.publicUrl);
      return pupilConsent(db, actor, request.params.id);
    },
  );

  api.delete(
    "/api/v1/consent/pupils/:id/restriction",
    {
      config: { action: "consent.restrict" },
      schema: { params: PupilParams, response: { 200: PupilConsentView, ...problems(404, 409) } },
    },
    async (request) => {
      const actor = actorOf(request);
      await liftRestriction(db, actor, request.params.id);
      return pupilConsent(db, actor, request.params.id);
    },
  );

  api.post(
    "/api/v1/consent/check",
    {
      config: { action: "consent.check" },
      schema: { body: CheckInput, response: { 200: CheckView, ...problems(400, 404) } },
    },
    async (request) => checkPhoto(db, actorOf(request), request.body.purposeKey, request.body.pupilIds),
  );

  api.post(
    "/api/v1/consent/requests",
    {
      config: { action: "consent.manage" },
      schema: {
        querystring: RequestQuery,
        body: RequestInput,
        response: { 200: RequestSentView, ...problems(400, 409) },
      },
    },
    async (request) => ({
      ...(await requestConsent(db, actorOf(request), request.body, config.publicUrl, request.query.dryRun)),
      delivery: mailDelivery(config),
    }),
  );

  api.get(
    "/api/v1/consent/collection",
    {
      config: { action: "consent.read" },
      schema: { querystring: CollectionQuery, response: { 200: CollectionView, ...problems(400) } },
    },
    async (request) =>
      collection(db, actorOf(request), {
        classes: request.query.class ? [request.query.class] : undefined,
        yearGroups: request.query.yearGroup ? [request.query.yearGroup] : undefined,
      }),
  );

  api.get(
    "/api/v1/consent/class-sheet.pdf",
    {
      config: { action: "consent.read" },
      schema: { querystring: SheetQuery, response: { 200: pdf, ...problems(400) } },
    },
    async (request, reply) => {
      const q = request.query;
      // The sheet follows the screen of whoever prints it; the file's name stays in English.
      const group = q.class ?? (q.yearGroup ? msg`Year ${q.yearGroup}` : msg`Whole school`);
      const label = typeof group === "string" ? group : say("en-GB", group);
      const bytes = await classSheetPdf(
        db,
        actorOf(request),
        {
          classes: q.class ? [q.class] : undefined,
          yearGroups: q.yearGroup ? [q.yearGroup] : undefined,
          pupilIds: q.pupilId ? [q.pupilId] : undefined,
          label: group,
        },
        request.language,
      );
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `inline; filename="photo-consent-${label.replace(/[^A-Za-z0-9]+/g, "-")}.pdf"`,
        )
        .send(bytes);
    },
  );

  api.get(
    "/api/v1/consent/forms.pdf",
    {
      config: { action: "consent.manage" },
      schema: { querystring: SheetQuery, response: { 200: pdf, ...problems(400) } },
    },
    async (request, reply) => {
      const q = request.query;
      const bytes = await paperFormsPdf(db, actorOf(request), {
        classes: q.class ? [q.class] : undefined,
        yearGroups: q.yearGroup ? [q.yearGroup] : undefined,
        pupilIds: q.pupilId ? [q.pupilId] : undefined,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="photo-consent-forms.pdf"`)
        .send(bytes);
    },
  );

  api.get(
    "/api/v1/consent/export",
    {
      config: { action: "consent.read" },
      schema: {
        querystring: ExportQuery,
        response: {
          200: jsonOr(ExportView, "text/csv", "Status per pupil per purpose: JSON, or CSV with ?format=csv"),
        },
      },
    },
    async (request, reply) => {
      const data = await exportStatuses(db, actorOf(request));
      if (request.query.format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="photo-consent-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(`\uFEFF${exportCsv(data)}`);
      return { pupils: data.pupils };
    },
  );

  api.get(
    "/api/v1/consent/removals",
    { config: { action: "consent.confirmRemoval" }, schema: { response: { 200: RemovalListView } } },
    async (request) => ({ removals: await listRemovals(db, actorOf(request)) }),
  );

  api.post(
    "/api/v1/consent/removals/:id/confirm",
    {
      config: { action: "consent.confirmRemoval" },
      schema: {
        params: RemovalParams,
        response: { 200: z.object({ confirmed: z.boolean() }), ...problems(403, 404, 409) },
      },
    },
    async (request) => confirmRemoval(db, actorOf(request), request.params.id),
  );

  api.get(
    "/api/v1/consent/me",
    { config: { action: "consent.mine" }, schema: { response: { 200: MyConsentView } } },
    async (request) => myPhotoConsent(db, actorOf(request)),
  );
  api.put(
    "/api/v1/consent/me",
    {
      config: { action: "consent.mine" },
      schema: { body: MyAnswersInput, response: { 200: MyConsentView, ...problems(400) } },
    },
    async (request) => answerMyPhotoConsent(db, actorOf(request), request.body.answers, config.publicUrl),
  );
  api.get(
    "/api/v1/consent/staff",
    { config: { action: "consent.manage" }, schema: { response: { 200: StaffConsentView } } },
    async (request) => staffPhotoConsent(db, actorOf(request)),
  );

  // The carer's link: no account; the token (256 random bits, only its hash stored) is the key.
  // Like a parent's signing link, it is not rate-limited: a school office may enter many at once.
  api.get(
    "/api/v1/consent/links/:token",
    {
      config: { action: "public" },
      schema: { params: TokenParams, response: { 200: LinkFormView, ...problems(404, 410) } },
    },
    async (request) => linkForm(db, request.params.token),
  );

  api.post(
    "/api/v1/consent/links/:token",
    {
      config: { action: "public" },
      schema: {
        params: TokenParams,
        body: LinkAnswersInput,
        response: { 200: LinkAnsweredView, ...problems(400, 404, 409, 410) },
      },
    },
    async (request) =>
      answerByLink(db, request.params.token, request.body, { ip: request.ip }, config.publicUrl),
  );
}
