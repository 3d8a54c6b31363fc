import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { badRequest, Problem } from "../../kernel/problem.js";
import { importPolicyDocument } from "./importing.js";
import {
  ApproverRolesInput,
  DiffParams,
  NewVersionInput,
  PolicyInput,
  PolicyParams,
  PolicyPatch,
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

export async function policyRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  const db = database.db;
  const base = "/api/v1/policies";

  api.post(`${base}/import`, { config: { action: "policies.import" } }, async (request, reply) => {
    if (!request.isMultipart()) throw badRequest('Send the document as multipart form field "file".');
    const file = await request.file({ limits: { fileSize: MAX_POLICY_BYTES } });
    if (file?.fieldname !== "file")
      throw badRequest('Attach the document in the form field named "file".', [
        { field: "file", message: "No file." },
      ]);
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE")
        throw new Problem(
          413,
          "File too large",
          `The document is larger than ${MAX_POLICY_BYTES / 1024 / 1024} MB. Save it without images and try again.`,
        );
      throw err;
    }
    return reply.status(201).send(await importPolicyDocument(db, actorOf(request), file.filename, bytes));
  });

  api.get(base, { config: { action: "policies.read" } }, async (request) => ({
    policies: await listPolicies(db, actorOf(request)),
  }));

  api.post(
    base,
    { config: { action: "policies.create" }, schema: { body: PolicyInput } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { policy } = await createPolicy(db, actor, request.body);
      return reply.status(201).send(await getPolicy(db, actor, policy.id));
    },
  );

  api.get(`${base}/settings/approvers`, { config: { action: "policies.read" } }, async (request) => ({
    roles: await approverRoles(db, actorOf(request).schoolId),
  }));
  api.put(
    `${base}/settings/approvers`,
    { config: { action: "policies.settings" }, schema: { body: ApproverRolesInput } },
    async (request) => ({
      roles: await setApproverRoles(db, actorOf(request), request.body.roles),
    }),
  );

  api.get(
    `${base}/:id`,
    { config: { action: "policies.read" }, schema: { params: PolicyParams } },
    async (request) => getPolicy(db, actorOf(request), request.params.id),
  );
  api.patch(
    `${base}/:id`,
    { config: { action: "policies.edit" }, schema: { params: PolicyParams, body: PolicyPatch } },
    async (request) => updatePolicy(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    `${base}/:id/versions`,
    { config: { action: "policies.edit" }, schema: { params: PolicyParams, body: NewVersionInput } },
    async (request, reply) =>
      reply.status(201).send(await startVersion(db, actorOf(request), request.params.id, request.body)),
  );
  api.get(
    `${base}/:id/versions/:versionId`,
    { config: { action: "policies.read" }, schema: { params: VersionParams } },
    async (request) => getVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.patch(
    `${base}/:id/versions/:versionId`,
    { config: { action: "policies.edit" }, schema: { params: VersionParams, body: VersionPatch } },
    async (request) =>
      updateVersion(db, actorOf(request), request.params.id, request.params.versionId, request.body),
  );
  api.post(
    `${base}/:id/versions/:versionId/submit`,
    { config: { action: "policies.edit" }, schema: { params: VersionParams } },
    async (request) => submitVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/:id/versions/:versionId/withdraw`,
    { config: { action: "policies.edit" }, schema: { params: VersionParams } },
    async (request) => withdrawVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/:id/versions/:versionId/approve`,
    { config: { action: "policies.approve" }, schema: { params: VersionParams } },
    async (request) => approveVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.post(
    `${base}/:id/versions/:versionId/publish`,
    { config: { action: "policies.edit" }, schema: { params: VersionParams } },
    async (request) => publishVersion(db, actorOf(request), request.params.id, request.params.versionId),
  );
  api.get(
    `${base}/:id/versions/:a/diff/:b`,
    { config: { action: "policies.read" }, schema: { params: DiffParams } },
    async (request) =>
      diffVersions(db, actorOf(request), request.params.id, request.params.a, request.params.b),
  );
}
