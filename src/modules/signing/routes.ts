import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { mailDelivery } from "../../kernel/config.js";
import { todayInLondon } from "../../kernel/dates.js";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { DryRunQuery } from "../../kernel/query.js";
import { file, NoContent, problems } from "../../kernel/responses.js";
import { IdParams, LanguageInput } from "../people/schema.js";
import {
  classSessionOptions,
  classView,
  describeClassSession,
  endClassSession,
  openClassByCode,
  openClassSession,
  signInClass,
} from "./class-sessions.js";
import { correctionFor, correctSignature, withdrawSignature } from "./corrections.js";
import { closeKiosk, kioskAgreement, listKiosks, openKiosk, signAtKiosk, startKiosk } from "./kiosk.js";
import { memberSigningWriter } from "./member-signing.js";
import { paperFormOptions, paperFormsPdf, recordPaperForm } from "./paper-forms.js";
import {
  declineByLink,
  describeLink,
  sendParentLinks,
  setLanguageByLink,
  signatureForLink,
  signByLink,
} from "./parent-links.js";
import { receiptPdf } from "./receipts.js";
import {
  ClassCodeInput,
  ClassCodeOpenedView,
  ClassDeviceView,
  ClassSessionOptionsView,
  ClassSessionView,
  ClassSignatureInput,
  CorrectionView,
  DeclineInput,
  KioskListView,
  KioskStartedView,
  KioskView,
  OpenedClassSessionView,
  OpenedKioskView,
  OpenKioskInput,
  PaperFormInput,
  PaperFormOptionsView,
  PaperFormRecordedView,
  PaperFormsQuery,
  ParentLinksSentView,
  ReferenceParams,
  SignatureHistoryView,
  SignatureInput,
  SignatureView,
  SignedReceiptView,
  SigningLinkView,
  SubjectParams,
  TokenParams,
  VerificationView,
  VisitorInput,
  WithdrawInput,
} from "./schema.js";
import {
  declineAsMember,
  loadSignatureFor,
  signatureHistory,
  verifyReference,
  visitorSignatureByReference,
} from "./signatures.js";

/** A receipt PDF, downloaded under its verification reference (the same for every way back to it). */
const sendReceipt = (reply: FastifyReply, reference: string, pdf: Buffer) =>
  reply
    .type("application/pdf")
    .header("content-disposition", `attachment; filename="receipt-${reference}.pdf"`)
    .send(pdf);

/**
 * Every way to sign: signed in (group commit), by a parent's emailed link, at the reception kiosk
 * and in a class session; receipts, verification, withdrawal and correction. Routes name the
 * subject type in their address (/agreements/:id/signatures) and pass it on.
 */
export async function signingRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;
  const ctx = (r: { ip: string; headers: Record<string, unknown> }) => ({
    ip: r.ip,
    userAgent: (r.headers["user-agent"] as string) ?? null,
  });
  const memberSigning = memberSigningWriter(db, config.publicUrl);
  const kioskToken = (r: { headers: Record<string, unknown> }) =>
    r.headers["x-kiosk-token"] as string | undefined;
  const receipt = file("application/pdf", "The signer's receipt (PDF)");

  api.post(
    "/api/v1/kiosks",
    {
      config: { action: "agreements.manage" },
      schema: {
        body: OpenKioskInput,
        response: { 201: OpenedKioskView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await openKiosk(db, actorOf(request), "agreement", {
          agreementId: request.body.agreementId,
          deviceName: request.body.deviceName,
          until: request.body.until ?? todayInLondon(),
          offlineMinutes: request.body.offlineMinutes,
        }),
      ),
  );
  api.get(
    "/api/v1/kiosks",
    { config: { action: "agreements.manage" }, schema: { response: { 200: KioskListView } } },
    async (request) => ({ kiosks: await listKiosks(db, actorOf(request)) }),
  );
  api.post(
    "/api/v1/kiosks/:id/close",
    {
      config: { action: "agreements.manage" },
      schema: { params: SubjectParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await closeKiosk(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.post(
    "/api/v1/kiosk/start",
    {
      config: { action: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        body: z.object({ code: z.string().trim().min(4).max(20) }),
        response: { 200: KioskStartedView, ...problems(400, 404, 409, 410, 429) },
      },
    },
    async (request) => startKiosk(db, request.body.code),
  );
  api.get(
    "/api/v1/kiosk/agreement",
    { config: { action: "public" }, schema: { response: { 200: KioskView, ...problems(400, 410) } } },
    async (request) => kioskAgreement(db, kioskToken(request)),
  );
  api.post(
    "/api/v1/kiosk/signatures",
    {
      config: { action: "public" },
      schema: { body: VisitorInput, response: { 201: SignedReceiptView, ...problems(400, 409, 410, 429) } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await signAtKiosk(db, kioskToken(request), request.body, ctx(request), config.publicUrl)),
  );

  api.get(
    "/api/v1/class-sessions/options",
    {
      config: { action: "classSessions.run" },
      schema: { response: { 200: ClassSessionOptionsView, ...problems(403) } },
    },
    async (request) => classSessionOptions(db, actorOf(request)),
  );
  api.post(
    "/api/v1/class-sessions",
    {
      config: { action: "classSessions.run" },
      schema: {
        body: z.object({ agreementId: z.uuid(), regGroup: z.string().trim().min(1).max(40) }),
        response: { 201: OpenedClassSessionView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openClassSession(db, actorOf(request), "agreement", request.body)),
  );
  api.get(
    "/api/v1/class-sessions/:id",
    {
      config: { action: "classSessions.run" },
      schema: { params: SubjectParams, response: { 200: ClassSessionView, ...problems(400, 404, 410) } },
    },
    async (request) => describeClassSession(db, actorOf(request), request.params.id),
  );
  api.post(
    "/api/v1/class-sessions/:id/end",
    {
      config: { action: "classSessions.run" },
      schema: { params: SubjectParams, response: { 204: NoContent, ...problems(400, 404) } },
    },
    async (request, reply) => {
      await endClassSession(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  // Public, typed on a classroom device: ten tries a minute per address, like the kiosk's code.
  api.post(
    "/api/v1/class/open",
    {
      config: { action: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { body: ClassCodeInput, response: { 200: ClassCodeOpenedView, ...problems(400, 429) } },
    },
    async (request) => openClassByCode(db, request.body.code),
  );
  api.get(
    "/api/v1/class/:token",
    {
      config: { action: "public" },
      schema: { params: TokenParams, response: { 200: ClassDeviceView, ...problems(400, 404, 410) } },
    },
    async (request) => classView(db, request.params.token),
  );
  api.post(
    "/api/v1/class/:token/signatures",
    {
      config: { action: "public" },
      schema: {
        params: TokenParams,
        body: ClassSignatureInput,
        response: { 201: SignedReceiptView, ...problems(400, 404, 409, 410) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await signInClass(db, request.params.token, request.body, ctx(request))),
  );
  api.post(
    "/api/v1/agreements/:id/parent-links",
    {
      config: { action: "agreements.manage" },
      schema: {
        params: SubjectParams,
        querystring: DryRunQuery,
        response: { 200: ParentLinksSentView, ...problems(400, 404, 409) },
      },
    },
    async (request) => ({
      ...(await sendParentLinks(
        db,
        actorOf(request),
        "agreement",
        request.params.id,
        config.publicUrl,
        request.query.dryRun,
      )),
      delivery: mailDelivery(config),
    }),
  );
  api.post(
    "/api/v1/agreements/:id/signatures",
    {
      config: { action: "agreements.sign" },
      schema: {
        params: SubjectParams,
        body: SignatureInput,
        response: { 201: SignatureView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const signature = await memberSigning.submit({
        actor: actorOf(request),
        subjectType: "agreement",
        subjectId: request.params.id,
        body: request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      return reply.status(201).send(signature);
    },
  );
  api.post(
    "/api/v1/agreements/:id/decline",
    {
      config: { action: "agreements.sign" },
      schema: {
        params: SubjectParams,
        body: DeclineInput,
        response: { 201: SignatureView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await declineAsMember(db, actorOf(request), "agreement", request.params.id, request.body.reason),
        ),
  );
  api.post(
    "/api/v1/signatures/:id/withdraw",
    {
      config: { action: "agreements.sign" },
      schema: {
        params: IdParams,
        body: WithdrawInput,
        response: { 201: SignatureView, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withdrawSignature(db, actorOf(request), request.params.id, request.body.reason)),
  );
  api.get(
    "/api/v1/signatures/:id/correction",
    {
      config: { action: "agreements.sign" },
      schema: { params: IdParams, response: { 200: CorrectionView, ...problems(400, 404, 409) } },
    },
    async (request) => correctionFor(db, actorOf(request), request.params.id),
  );
  api.post(
    "/api/v1/signatures/:id/corrections",
    {
      config: { action: "agreements.sign" },
      schema: {
        params: IdParams,
        body: SignatureInput,
        response: { 201: SignatureView, ...problems(400, 404, 409) },
      },
    },
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
    {
      config: { action: "agreements.sign" },
      schema: { params: IdParams, response: { 200: receipt, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const signature = await loadSignatureFor(db, actorOf(request), request.params.id);
      const pdf = await receiptPdf(db, signature, config.publicUrl);
      return sendReceipt(reply, signature.verificationRef, pdf);
    },
  );
  // A person's signing history: their own, or anyone's for the compliance view's readers.
  api.get(
    "/api/v1/me/signatures",
    {
      config: { action: "agreements.sign" },
      schema: { response: { 200: SignatureHistoryView, ...problems(404) } },
    },
    async (request) => {
      const actor = actorOf(request);
      return { signatures: await signatureHistory(db, actor.schoolId, actor.personId!) };
    },
  );
  api.get(
    "/api/v1/people/:id/signatures",
    {
      config: { action: "compliance.read" },
      schema: { params: IdParams, response: { 200: SignatureHistoryView, ...problems(400, 404) } },
    },
    async (request) => ({
      signatures: await signatureHistory(db, actorOf(request).schoolId, request.params.id),
    }),
  );
  // Public: anyone holding a receipt can check it; the reference is unguessable.
  api.get(
    "/api/v1/receipts/:reference",
    {
      config: { action: "public" },
      schema: { params: ReferenceParams, response: { 200: VerificationView, ...problems(400) } },
    },
    async (request) => verifyReference(db, request.params.reference),
  );
  // Public: the emailed parent link is the parent's identity for this one signature.
  // A visitor has no account: the reference in their email is their way back to their copy.
  api.get(
    "/api/v1/receipts/:reference/receipt.pdf",
    {
      config: { action: "public" },
      schema: { params: ReferenceParams, response: { 200: receipt, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const signature = await visitorSignatureByReference(db, request.params.reference);
      return sendReceipt(reply, signature.verificationRef, await receiptPdf(db, signature, config.publicUrl));
    },
  );
  api.post(
    "/api/v1/sign/:token/decline",
    {
      config: { action: "public" },
      schema: {
        params: TokenParams,
        body: DeclineInput,
        response: { 201: SignatureView, ...problems(400, 404, 409, 410) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await declineByLink(db, request.params.token, request.body.reason, {
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        }),
      ),
  );
  // The language switch on a parent's link page: remembered for what the school sends them.
  api.put(
    "/api/v1/sign/:token/language",
    {
      config: { action: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        params: TokenParams,
        body: LanguageInput,
        response: { 204: NoContent, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      await setLanguageByLink(db, request.params.token, request.body.language, request.ip);
      return reply.status(204).send();
    },
  );
  api.get(
    "/api/v1/sign/:token/receipt.pdf",
    {
      config: { action: "public" },
      schema: { params: TokenParams, response: { 200: receipt, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const signature = await signatureForLink(db, request.params.token);
      return sendReceipt(reply, signature.verificationRef, await receiptPdf(db, signature, config.publicUrl));
    },
  );
  api.get(
    "/api/v1/sign/:token",
    {
      config: { action: "public" },
      schema: { params: TokenParams, response: { 200: SigningLinkView, ...problems(400, 404, 410) } },
    },
    async (request) => describeLink(db, request.params.token),
  );
  api.post(
    "/api/v1/sign/:token",
    {
      config: { action: "public" },
      schema: {
        params: TokenParams,
        body: SignatureInput.omit({ jobTitle: true }),
        response: { 201: SignatureView, ...problems(400, 404, 409, 410) },
      },
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

  // Printed forms for carers no link can reach, and the office recording what came back.
  api.get(
    "/api/v1/agreements/:id/paper-forms",
    {
      config: { action: "agreements.manage" },
      schema: { params: SubjectParams, response: { 200: PaperFormOptionsView, ...problems(400, 404, 409) } },
    },
    async (request) => paperFormOptions(db, actorOf(request), "agreement", request.params.id),
  );
  api.get(
    "/api/v1/agreements/:id/paper-forms.pdf",
    {
      config: { action: "agreements.manage" },
      schema: {
        params: SubjectParams,
        querystring: PaperFormsQuery,
        response: { 200: file("application/pdf", "Printed forms to sign (PDF)"), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const pdf = await paperFormsPdf(db, actorOf(request), "agreement", request.params.id, request.query);
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="printed-forms-${request.params.id.slice(0, 8)}.pdf"`,
        )
        .send(pdf);
    },
  );
  api.post(
    "/api/v1/agreements/:id/paper-forms",
    {
      config: { action: "agreements.recordPaper" },
      schema: {
        params: SubjectParams,
        body: PaperFormInput,
        response: { 201: PaperFormRecordedView, ...problems(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordPaperForm(
            db,
            actorOf(request),
            "agreement",
            request.params.id,
            request.body,
            ctx(request),
          ),
        ),
  );
}
