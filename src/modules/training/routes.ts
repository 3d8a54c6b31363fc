import type { FastifyInstance } from "fastify";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest, notFound } from "../../kernel/problem.js";
import { DryRunQuery } from "../../kernel/query.js";
import { file, jsonOr, NoContent, problems } from "../../kernel/responses.js";
import { matchAttendance, staffList } from "./attendance.js";
import {
  MAX_CERTIFICATE_BYTES,
  personTraining,
  readCertificate,
  recordCompletions,
  uploadCertificate,
  withdrawCompletion,
} from "./completions.js";
import { createCourse, deleteCourse, listCourses, updateCourse } from "./courses.js";
import { importCompletions } from "./import.js";
import { matrixCsv, trainingMatrix } from "./matrix.js";
import {
  AttendanceInput,
  AttendanceMatchView,
  CertificateParams,
  CertificateView,
  CompletionInput,
  CompletionParams,
  CourseInput,
  CourseKeyParams,
  CourseListView,
  CoursePatch,
  CoursesQuery,
  CourseView,
  MatrixQuery,
  MatrixView,
  PersonParams,
  PersonTrainingView,
  RecordedView,
  StaffListView,
  TrainingImportView,
  WithdrawInput,
} from "./schema.js";

const MAX_TRAINING_CSV = 5 * 1024 * 1024;

/** Training (capability 7): courses, completions, certificates, the matrix. Who may: access/training.ts. */
export async function trainingRoutes(app: FastifyInstance, { database }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.get(
    "/api/v1/training/courses",
    {
      config: { action: "training.mine" },
      schema: { querystring: CoursesQuery, response: { 200: CourseListView } },
    },
    async (request) => ({
      courses: await listCourses(db, actorOf(request).schoolId, request.query.all === "true"),
    }),
  );
  api.post(
    "/api/v1/training/courses",
    {
      config: { action: "training.manage" },
      schema: { body: CourseInput, response: { 201: CourseView, ...problems(400, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createCourse(db, actorOf(request), request.body)),
  );
  api.patch(
    "/api/v1/training/courses/:key",
    {
      config: { action: "training.manage" },
      schema: {
        params: CourseKeyParams,
        body: CoursePatch,
        response: { 200: CourseView, ...problems(400, 404) },
      },
    },
    async (request) => updateCourse(db, actorOf(request), request.params.key, request.body),
  );
  api.delete(
    "/api/v1/training/courses/:key",
    {
      config: { action: "training.manage" },
      schema: { params: CourseKeyParams, response: { 204: NoContent, ...problems(404, 409) } },
    },
    async (request, reply) => {
      await deleteCourse(db, actorOf(request), request.params.key);
      return reply.status(204).send();
    },
  );

  // One person's own record, or a whole INSET: access/training decides whom the caller may record.
  api.post(
    "/api/v1/training/completions",
    {
      config: { action: "training.mine" },
      schema: { body: CompletionInput, response: { 200: RecordedView, ...problems(400, 403) } },
    },
    async (request) => recordCompletions(db, actorOf(request), request.body),
  );
  api.post(
    "/api/v1/training/completions/:id/withdraw",
    {
      config: { action: "training.mine" },
      schema: {
        params: CompletionParams,
        body: WithdrawInput,
        response: { 204: NoContent, ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawCompletion(db, actorOf(request), request.params.id, request.body.reason);
      return reply.status(204).send();
    },
  );

  api.get(
    "/api/v1/me/training",
    {
      config: { action: "training.mine" },
      schema: { response: { 200: PersonTrainingView, ...problems(404) } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.personId) throw notFound(msg`person`);
      return personTraining(db, actor, actor.personId);
    },
  );
  api.get(
    "/api/v1/people/:id/training",
    {
      config: { action: "training.mine" },
      schema: { params: PersonParams, response: { 200: PersonTrainingView, ...problems(404) } },
    },
    async (request) => personTraining(db, actorOf(request), request.params.id),
  );

  api.post(
    "/api/v1/training/certificates",
    {
      config: { action: "training.mine" },
      schema: { response: { 201: CertificateView, ...problems(400, 413) } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest(msg`Send the certificate as multipart form field "file".`);
      // Not thrown: a file over the limit is cut short and refused below with a sentence to act on.
      const part = await request.file({
        limits: { fileSize: MAX_CERTIFICATE_BYTES },
        throwFileSizeLimit: false,
      });
      if (!part) throw badRequest(msg`Send the certificate as multipart form field "file".`);
      const bytes = await part.toBuffer();
      if (part.file.truncated)
        throw badRequest(msg`A certificate may be up to 5 MB.`, [
          { field: "file", message: msg`Larger than 5 MB.` },
        ]);
      const made = await uploadCertificate(db, actorOf(request), { fileName: part.filename, bytes });
      return reply.status(201).send(made);
    },
  );
  api.get(
    "/api/v1/training/certificates/:id",
    {
      config: { action: "training.mine" },
      schema: {
        params: CertificateParams,
        response: {
          200: file("application/octet-stream", "The certificate (PDF, JPEG or PNG)"),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      const f = await readCertificate(db, actorOf(request), request.params.id);
      return reply
        .type(f.contentType)
        .header("content-disposition", `attachment; filename="${f.fileName.replace(/[^\w. -]+/g, "_")}"`)
        .header("x-content-type-options", "nosniff")
        .send(f.content);
    },
  );

  api.get(
    "/api/v1/training/staff",
    { config: { action: "training.manage" }, schema: { response: { 200: StaffListView } } },
    async (request) => staffList(db, actorOf(request)),
  );
  // A pasted sign-in sheet matched to the directory, for the person recording to check first.
  api.post(
    "/api/v1/training/attendance/match",
    {
      config: { action: "training.manage" },
      schema: { body: AttendanceInput, response: { 200: AttendanceMatchView, ...problems(400) } },
    },
    async (request) => matchAttendance(db, actorOf(request), request.body.text),
  );
  api.post(
    "/api/v1/training/import",
    {
      config: { action: "training.manage" },
      schema: { querystring: DryRunQuery, response: { 200: TrainingImportView, ...problems(400, 413) } },
    },
    async (request) => {
      let csv: string;
      if (request.isMultipart()) {
        const part = await request.file({ limits: { fileSize: MAX_TRAINING_CSV } });
        if (!part) throw badRequest(msg`Send the CSV file as multipart field "file".`);
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw badRequest(msg`The file is larger than 5 MB.`);
        csv = bytes.toString("utf8");
      } else if (Buffer.isBuffer(request.body)) csv = request.body.toString("utf8");
      else if (typeof request.body === "string") csv = request.body;
      else throw badRequest(msg`Send the CSV file as multipart field "file" or as a text/csv body.`);
      return importCompletions(db, actorOf(request), csv, request.query.dryRun, request.language);
    },
  );

  api.get(
    "/api/v1/compliance/training",
    {
      config: { action: "training.read" },
      schema: {
        querystring: MatrixQuery,
        response: {
          200: jsonOr(MatrixView, "text/csv", "People × courses: in_date, expiring, expired, never"),
        },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const matrix = await trainingMatrix(db, actorOf(request), filters);
      if (format === "csv")
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="training.csv"')
          .send(matrixCsv(matrix));
      return matrix;
    },
  );
}
