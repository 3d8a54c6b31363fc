import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { forbidden } from "../../kernel/problem.js";
import { file, problems } from "../../kernel/responses.js";
import { canReadFilteringReviews, canRecordFilteringReview } from "../access/filtering.js";
import { reviewPdf } from "./pdf.js";
import { responsiblesOf } from "./queries.js";
import { nameResponsibles, viewResponsibles } from "./responsibles.js";
import { listReviews, markActionDone, myActions, recordReview, viewReview } from "./reviews.js";
import {
  ActionParams,
  ActionView,
  DoneInput,
  MyActionsView,
  RecordedView,
  ResponsiblesInput,
  ResponsiblesView,
  ReviewInput,
  ReviewListView,
  ReviewParams,
  ReviewView,
  StatusView,
} from "./schema.js";
import { filteringStatus } from "./status.js";

/**
 * The school's rule for reading or recording reviews (access/filtering.ts), asked before the
 * request's body is read: being the named leader or governor is not a role the matrix can see.
 */
function requireStanding(db: Db, may: "read" | "record") {
  const rule = may === "read" ? canReadFilteringReviews : canRecordFilteringReview;
  return async (request: FastifyRequest) => {
    const actor = actorOf(request);
    if (!rule(actor, await responsiblesOf(db, actor.schoolId))) throw forbidden();
  };
}

/** Filtering and monitoring reviews (capability 8). Who may do what: access/filtering.ts. */
export async function filteringRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  const db = database.db;
  const readers = {
    config: { action: "filtering.read" as const },
    preValidation: requireStanding(db, "read"),
  };
  const recorders = {
    config: { action: "filtering.record" as const },
    preValidation: requireStanding(db, "record"),
  };

  api.get(
    "/api/v1/filtering-reviews/status",
    { ...readers, schema: { response: { 200: StatusView, ...problems(403) } } },
    async (request) => filteringStatus(db, actorOf(request)),
  );
  api.get(
    "/api/v1/filtering-reviews",
    { ...readers, schema: { response: { 200: ReviewListView, ...problems(403) } } },
    async (request) => listReviews(db, actorOf(request)),
  );
  api.post(
    "/api/v1/filtering-reviews",
    { ...recorders, schema: { body: ReviewInput, response: { 201: RecordedView, ...problems(400, 403) } } },
    async (request, reply) => reply.status(201).send(await recordReview(db, actorOf(request), request.body)),
  );

  api.get(
    "/api/v1/filtering-reviews/responsibles",
    { ...readers, schema: { response: { 200: ResponsiblesView, ...problems(403) } } },
    async (request) => viewResponsibles(db, actorOf(request).schoolId),
  );
  api.put(
    "/api/v1/filtering-reviews/responsibles",
    {
      ...recorders,
      schema: { body: ResponsiblesInput, response: { 200: ResponsiblesView, ...problems(400, 403) } },
    },
    async (request) => nameResponsibles(db, actorOf(request), request.body),
  );

  // The actions given to the signed-in person, whether or not they may read the reviews.
  api.get(
    "/api/v1/filtering-reviews/actions/mine",
    { config: { action: "filtering.actions" }, schema: { response: { 200: MyActionsView } } },
    async (request) => myActions(db, actorOf(request)),
  );

  api.get(
    "/api/v1/filtering-reviews/:id",
    { ...readers, schema: { params: ReviewParams, response: { 200: ReviewView, ...problems(403, 404) } } },
    async (request) => viewReview(db, actorOf(request), request.params.id),
  );
  api.get(
    "/api/v1/filtering-reviews/:id/review.pdf",
    {
      ...readers,
      schema: {
        params: ReviewParams,
        response: { 200: file("application/pdf", "The review, for governors"), ...problems(403, 404) },
      },
    },
    async (request, reply) => {
      const pdf = await reviewPdf(db, actorOf(request), request.params.id, request.language);
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="filtering-review.pdf"')
        .send(pdf);
    },
  );
  api.post(
    "/api/v1/filtering-reviews/:id/actions/:actionId/done",
    {
      config: { action: "filtering.actions" },
      schema: {
        params: ActionParams,
        body: DoneInput,
        response: { 200: ActionView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      markActionDone(db, actorOf(request), request.params.id, request.params.actionId, request.body),
  );
}
