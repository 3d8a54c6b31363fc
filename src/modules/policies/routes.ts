import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, Problem } from "../../kernel/problem.js";
import { problems } from "../../kernel/responses.js";
import { importPolicyDocument } from "./importing.js";
import {
  ApproverRolesInput,
  ApproverRolesView,
  DiffParams,
  NewVersionInput,
  PolicyDetailView,
  PolicyImportView,
  PolicyInput,
  PolicyListView,
  PolicyParams,
  PolicyPatch,
  VersionDetailView,
  VersionDiffView,
  VersionParams,
  VersionPatch,
} from "./schema.js";
import {
  approverRoles,
  approveVersion,
  createPolicy,
  diffVersions,
  getPolicy,
  getVersion,
  listPolicies,
  publishVersion,
  setApproverRoles,
  startVersion,
  submitVersion,
  updatePolicy,
  updateVersion,
  withdrawVersion,
} from "./service.js";

/** Word documents with images run to a few MB; policies are text. */
const MAX_POLICY_BYTES = 10 * 1024 * 1024;

export async function policyRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  const base = "/api/v1/policies";

  const importRoute = {
    config: { action: "policies.import" as const },
    schema: { response: { 201: PolicyImportView, ...problems(400, 413) } },
  };
  api.post(`${base}/import`, importRoute, async (request, reply) => {
    if (!request.isMultipart()) throw badRequest(msg`Send the document as multipart form field "file".`);
    const file = await request.file({ limits: { fileSize: MAX_POLICY_BYTES } });
    if (file?.fieldname !== "file")
      throw badRequest(msg`Attach the document in the form field named "file".`, [
        { field: "file", message: msg`No file.` },
      ]);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
        throw new Problem(
          413,
          msg`File too large`,
          msg`The document is larger than ${MAX_POLICY_BYTES / 1024 / 1024} MB. Save it without images and try again.`,
        );
      throw err;
    }
    return reply.status(201).send(await importPolicyDocument(db, actorOf(request), file.filename, bytes));
  });

  const listRoute = {
    config: { action: "policies.read" as const },
    schema: { response: { 200: PolicyListView } },
  };
  api.get(base, listRoute, async (request) => ({
    policies: await listPolicies(db, actorOf(request)),
  }));

  api.post(
    base,
    {
      config: { action: "policies.create" },
      schema: { body: PolicyInput, response: { 201: PolicyDetailView, ...problems(400) } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { policy } = await createPolicy(db, actor, request.body);
      return reply.status(201).send(await getPolicy(db, actor, policy.id));
    },
  );

  const approversRoute = {
    config: { action: "policies.read" as const },
    schema: { response: { 200: ApproverRolesView } },
  };
  api.get(`${base}/settings/approvers`, approversRoute, async (request) => ({
    roles: await approverRoles(db, actorOf(request).schoolId),
  }));
  api.put(
    `${base}/settings/approvers`,
    {
      config: { action: "policies.settings" },
      schema: { body: ApproverRolesInput, response: { 200: ApproverRolesView, ...problems(400) } },
    },
    async (request) => ({
      roles: await setApproverRoles(db, actorOf(request), request.body.roles),
    }),
  );

  api.get(
    `${base}/:id`,
    {
      config: { action: "policies.read" },
      schema: { params: PolicyParams, response: { 200: PolicyDetailView, ...problems(400, 404) } },
    },
    async (request) => getPolicy(db, actorOf(request), request.params.id),
  );
  api.patch(
    `${base}/:id`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: PolicyParams,
        body: PolicyPatch,
        response: { 200: PolicyDetailView, ...problems(400, 403, 404) },
      },
    },
    async (request) => updatePolicy(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    `${base}/:id/versions`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: PolicyParams,
        body: NewVersionInput,
        response: { 201: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startVersion(db, actorOf(request), request.params.id, request.body)),
  );
  api.get(
    `${base}/:id/versions/:versionId`,
    {
      config: { action: "policies.read" },
      schema: { params: VersionParams, response: { 200: VersionDetailView, ...problems(400, 404) } },
    },
    async (request) => getVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.patch(
    `${base}/:id/versions/:versionId`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: VersionParams,
        body: VersionPatch,
        response: { 200: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      updateVersion(db, actorOf(request), request.params.id, request.params.versionId, request.body),
  );
  api.post(
    `${base}/:id/versions/:versionId/submit`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: VersionParams,
        response: { 200: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) =>
      submitVersion(db, actorOf(request), request.params.id, request.params.versionId, config.publicUrl),
  );
  api.post(
    `${base}/:id/versions/:versionId/withdraw`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: VersionParams,
        response: { 200: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => withdrawVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/:id/versions/:versionId/approve`,
    {
      config: { action: "policies.approve" },
      schema: {
        params: VersionParams,
        response: { 200: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => approveVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/:id/versions/:versionId/publish`,
    {
      config: { action: "policies.edit" },
      schema: {
        params: VersionParams,
        response: { 200: VersionDetailView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request) => publishVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.get(
    `${base}/:id/versions/:a/diff/:b`,
    {
      config: { action: "policies.read" },
      schema: { params: DiffParams, response: { 200: VersionDiffView, ...problems(400, 404) } },
    },
    async (request) =>
      diffVersions(db, actorOf(request), request.params.id, request.params.a, request.params.b),
  );
}
