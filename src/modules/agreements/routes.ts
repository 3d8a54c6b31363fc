import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { DryRunQuery } from "../../kernel/query.js";
import { IdParams } from "../people/schema.js";
import { remindNow } from "./chasing.js";
import { complianceCsv, complianceMatrix } from "./compliance.js";
import { correctionFor, correctSignature, withdrawSignature } from "./corrections.js";
import { memberSigningWriter } from "./member-signing.js";
import {
  declineByLink,
  describeLink,
  sendParentLinks,
  signatureForLink,
  signByLink,
} from "./parent-links.js";
import { receiptPdf } from "./receipts.js";
import {
  AgreementInput,
  AgreementParams,
  AssignmentInput,
  ComplianceQuery,
  DeclineInput,
  SignatureInput,
  TokenParams,
  WithdrawInput,
} from "./schema.js";
import { assign, createAgreement, listAgreements, myAgreements } from "./service.js";
import {
  declineAsMember,
  loadSignatureFor,
  signatureHistory,
  verifyReference,
  visitorSignatureByReference,
} from "./signatures.js";

export async function agreementRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  const memberSigning = memberSigningWriter(db, config.publicUrl);

  api.get("/api/v1/agreements", { config: { action: "agreements.manage" } }, async (request) => ({
    agreements: await listAgreements(db, actorOf(request)),
  }));

  api.post(
    "/api/v1/agreements",
    { config: { action: "agreements.manage" }, schema: { body: AgreementInput } },
    async (request, reply) => {
      const agreement = await createAgreement(db, actorOf(request), request.body);
      return reply.status(201).send(agreement);
    },
  );

  api.post(
    "/api/v1/agreements/:id/assignments",
    { config: { action: "agreements.manage" }, schema: { params: AgreementParams, body: AssignmentInput } },
    async (request, reply) =>
      reply.status(201).send(await assign(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    "/api/v1/agreements/:id/remind",
    {
      config: { action: "agreements.manage" },
      schema: { params: AgreementParams, querystring: DryRunQuery },
    },
    async (request) =>
      remindNow(db, actorOf(request), request.params.id, config.publicUrl, request.query.dryRun),
  );

  api.post(
    "/api/v1/agreements/:id/parent-links",
    {
      config: { action: "agreements.manage" },
      schema: { params: AgreementParams, querystring: DryRunQuery },
    },
    async (request) =>
      sendParentLinks(db, actorOf(request), request.params.id, config.publicUrl, request.query.dryRun),
  );

  api.get("/api/v1/me/agreements", { config: { action: "agreements.sign" } }, async (request) => ({
    agreements: await myAgreements(db, actorOf(request)),
  }));

  api.post(
    "/api/v1/agreements/:id/signatures",
    { config: { action: "agreements.sign" }, schema: { params: AgreementParams, body: SignatureInput } },
    async (request, reply) => {
      const signature = await memberSigning.submit({
        actor: actorOf(request),
        agreementId: request.params.id,
        body: request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      return reply.status(201).send(signature);
    },
  );

  api.post(
    "/api/v1/agreements/:id/decline",
    { config: { action: "agreements.sign" }, schema: { params: AgreementParams, body: DeclineInput } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await declineAsMember(db, actorOf(request), request.params.id, request.body.reason)),
  );

  api.post(
    "/api/v1/signatures/:id/withdraw",
    { config: { action: "agreements.sign" }, schema: { params: IdParams, body: WithdrawInput } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withdrawSignature(db, actorOf(request), request.params.id, request.body.reason)),
  );

  api.get(
    "/api/v1/signatures/:id/correction",
    { config: { action: "agreements.sign" }, schema: { params: IdParams } },
    async (request) => correctionFor(db, actorOf(request), request.params.id),
  );

  api.post(
    "/api/v1/signatures/:id/corrections",
    { config: { action: "agreements.sign" }, schema: { params: IdParams, body: SignatureInput } },
    async (request, reply) => {
      const signature = await correctSignature(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        { ip: request.ip, userAgent: request.headers["user-agent"] ?? null },
        config.publicUrl,
      );
      return reply.status(201).send(signature);
    },
  );

  api.get(
    "/api/v1/signatures/:id/receipt.pdf",
    { config: { action: "agreements.sign" }, schema: { params: IdParams } },
    async (request, reply) => {
      const signature = await loadSignatureFor(db, actorOf(request), request.params.id);
      const pdf = await receiptPdf(db, signature, config.publicUrl);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="receipt-${signature.verificationRef}.pdf"`)
        .send(pdf);
    },
  );

  // A person's signing history: their own, or anyone's for the compliance view's readers.
  api.get("/api/v1/me/signatures", { config: { action: "agreements.sign" } }, async (request) => {
    const actor = actorOf(request);
    return { signatures: await signatureHistory(db, actor.schoolId, actor.personId!) };
  });
  api.get(
    "/api/v1/people/:id/signatures",
    { config: { action: "compliance.read" }, schema: { params: IdParams } },
    async (request) => ({
      signatures: await signatureHistory(db, actorOf(request).schoolId, request.params.id),
    }),
  );

  api.get(
    "/api/v1/compliance/agreements",
    { config: { action: "compliance.read" }, schema: { querystring: ComplianceQuery } },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const matrix = await complianceMatrix(db, actorOf(request).schoolId, filter);
      if (format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="agreements-compliance-${new Date().toISOString().slice(0, 10)}.csv"`,
          )
          .send(`\uFEFF${complianceCsv(matrix)}`);
      return matrix;
    },
  );

  // Public: anyone holding a receipt can check it; the reference is unguessable.
  api.get(
    "/api/v1/receipts/:reference",
    { config: { action: "public" }, schema: { params: z.object({ reference: z.string().min(10).max(40) }) } },
    async (request) => verifyReference(db, request.params.reference),
  );

  // Public: the emailed parent link is the parent's identity for this one signature.
  // A visitor has no account: the reference in their email is their way back to their copy.
  api.get(
    "/api/v1/receipts/:reference/receipt.pdf",
    { config: { action: "public" }, schema: { params: z.object({ reference: z.string().min(10).max(40) }) } },
    async (request, reply) => {
      const signature = await visitorSignatureByReference(db, request.params.reference);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="receipt-${signature.verificationRef}.pdf"`)
        .send(await receiptPdf(db, signature, config.publicUrl));
    },
  );

  api.post(
    "/api/v1/sign/:token/decline",
    { config: { action: "public" }, schema: { params: TokenParams, body: DeclineInput } },
    async (request, reply) =>
      reply.status(201).send(
        await declineByLink(db, request.params.token, request.body.reason, {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        }),
      ),
  );

  api.get(
    "/api/v1/sign/:token/receipt.pdf",
    { config: { action: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const signature = await signatureForLink(db, request.params.token);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="receipt-${signature.verificationRef}.pdf"`)
        .send(await receiptPdf(db, signature, config.publicUrl));
    },
  );
  api.get(
    "/api/v1/sign/:token",
    { config: { action: "public" }, schema: { params: TokenParams } },
    async (request) => describeLink(db, request.params.token),
  );
  api.post(
    "/api/v1/sign/:token",
    {
      config: { action: "public" },
      schema: { params: TokenParams, body: SignatureInput.omit({ jobTitle: true }) },
    },
    async (request, reply) =>
      reply.status(201).send(
        await signByLink(
          db,
          request.params.token,
          request.body,
          {
            ip: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
          },
          config.publicUrl,
        ),
      ),
  );
}
