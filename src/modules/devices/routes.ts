import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { actorOf, type Deps, typed } from "../../kernel/http.js";
import { msg } from "../../kernel/i18n/index.js";
import { badRequest } from "../../kernel/problem.js";
import { file, problems } from "../../kernel/responses.js";
import { importDevices } from "./import.js";
import { labelsPdf } from "./labels.js";
import {
  addLeaverSystem,
  leaverChecklist,
  leaverSystemsOf,
  retireLeaverSystem,
  setLeaverItem,
} from "./leavers.js";
import { checkIn, checkOut, disposeDevice, reportDevice } from "./loans.js";
import { askForDeviceAgreement, deviceSettingsOf, saveDeviceSettings } from "./pupil-agreement.js";
import { addDevice, deviceDetail, deviceFor, listDevices, myDevices, updateDevice } from "./register.js";
import {
  AgreementAskedView,
  AllocateInput,
  AskAgreementInput,
  CheckedOutView,
  ChecklistItemParams,
  CheckoutInput,
  DeviceDetailView,
  DeviceImportView,
  DeviceInput,
  DeviceListView,
  DeviceParams,
  DevicePatch,
  DeviceQuery,
  DeviceSettingsInput,
  DeviceSettingsView,
  DeviceView,
  DisposeInput,
  ImportQuery,
  LabelsQuery,
  LeaverChecklistView,
  LeaverSystemInput,
  LeaverSystemParams,
  LeaverSystemsView,
  ReportedView,
  ReportInput,
} from "./schema.js";

const MAX_DEVICE_CSV = 5 * 1024 * 1024;

/** The device register (capability 6): devices, loans, reports, disposal, labels; leavers' checklists. */
export async function deviceRoutes(app: FastifyInstance, { database, config }: Deps) {
  const api = typed(app);
  const db = database.db;

  api.post(
    "/api/v1/devices",
    {
      config: { action: "devices.manage" },
      schema: { body: DeviceInput, response: { 201: z.object({ id: z.uuid() }), ...problems(400, 409) } },
    },
    async (request, reply) => reply.status(201).send(await addDevice(db, actorOf(request), request.body)),
  );

  api.get(
    "/api/v1/devices",
    {
      config: { action: "devices.read" },
      schema: { querystring: DeviceQuery, response: { 200: DeviceListView, ...problems(400) } },
    },
    async (request) => listDevices(db, actorOf(request), request.query),
  );

  api.get(
    "/api/v1/me/devices",
    {
      config: { action: "devices.mine" },
      schema: { response: { 200: z.object({ devices: z.array(DeviceView) }) } },
    },
    async (request) => ({ devices: await myDevices(db, actorOf(request)) }),
  );

  api.post(
    "/api/v1/devices/import",
    {
      config: { action: "devices.manage" },
      schema: { querystring: ImportQuery, response: { 200: DeviceImportView, ...problems(400, 413) } },
    },
    async (request) => {
      let csv: string;
      if (request.isMultipart()) {
        const part = await request.file({ limits: { fileSize: MAX_DEVICE_CSV } });
        if (!part) throw badRequest(msg`Send the CSV file as multipart field "file".`);
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw badRequest(msg`The file is larger than 5 MB.`);
        csv = bytes.toString("utf8");
      } else if (Buffer.isBuffer(request.body)) csv = request.body.toString("utf8");
      else if (typeof request.body === "string") csv = request.body;
      else throw badRequest(msg`Send the CSV file as multipart field "file" or as a text/csv body.`);
      return importDevices(db, actorOf(request), csv, request.query.dryRun, request.language);
    },
  );

  api.get(
    "/api/v1/devices/labels.pdf",
    {
      config: { action: "devices.manage" },
      schema: {
        querystring: LabelsQuery,
        response: { 200: file("application/pdf", "Asset labels, 21 to an A4 sheet") },
      },
    },
    async (request, reply) => {
      const ids = request.query.ids ? request.query.ids.split(",").filter(Boolean) : null;
      if (ids?.some((id) => !z.uuid().safeParse(id).success))
        throw badRequest(msg`Give device ids separated by commas.`);
      const pdf = await labelsPdf(db, actorOf(request), ids, config.publicUrl, request.language);
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="asset-labels.pdf"')
        .send(pdf);
    },
  );

  api.post(
    "/api/v1/devices/checkout",
    {
      config: { action: "devices.manage" },
      schema: { body: CheckoutInput, response: { 200: CheckedOutView, ...problems(400, 404, 409) } },
    },
    async (request) => {
      const { deviceIds, ...to } = request.body;
      return checkOut(db, actorOf(request), deviceIds, to);
    },
  );

  // One device: read by the register's readers and by whoever holds it (the QR label opens this).
  api.get(
    "/api/v1/devices/:id",
    {
      config: { action: "devices.mine" },
      schema: { params: DeviceParams, response: { 200: DeviceDetailView, ...problems(404) } },
    },
    async (request) => deviceDetail(db, actorOf(request), request.params.id),
  );

  api.patch(
    "/api/v1/devices/:id",
    {
      config: { action: "devices.manage" },
      schema: {
        params: DeviceParams,
        body: DevicePatch,
        response: { 200: DeviceView, ...problems(400, 404, 409) },
      },
    },
    async (request) => updateDevice(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/devices/:id/allocate",
    {
      config: { action: "devices.manage" },
      schema: {
        params: DeviceParams,
        body: AllocateInput,
        response: { 200: DeviceView, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await checkOut(db, actor, [request.params.id], request.body);
      return deviceFor(db, actor, request.params.id);
    },
  );

  api.post(
    "/api/v1/devices/:id/return",
    {
      config: { action: "devices.manage" },
      schema: { params: DeviceParams, response: { 200: DeviceView, ...problems(404, 409) } },
    },
    async (request) => checkIn(db, actorOf(request), request.params.id),
  );

  // Whoever holds a device may report it lost, stolen or damaged, as may the register's managers.
  api.post(
    "/api/v1/devices/:id/report",
    {
      config: { action: "devices.mine" },
      schema: {
        params: DeviceParams,
        body: ReportInput,
        response: { 200: ReportedView, ...problems(400, 404, 409) },
      },
    },
    async (request) => reportDevice(db, actorOf(request), request.params.id, request.body, config.publicUrl),
  );

  api.post(
    "/api/v1/devices/:id/dispose",
    {
      config: { action: "devices.manage" },
      schema: {
        params: DeviceParams,
        body: DisposeInput,
        response: { 200: DeviceView, ...problems(400, 404, 409) },
      },
    },
    async (request) => disposeDevice(db, actorOf(request), request.params.id, request.body),
  );

  api.get(
    "/api/v1/people/:id/leaver-checklist",
    {
      config: { action: "leavers.checklist" },
      schema: { params: DeviceParams, response: { 200: LeaverChecklistView, ...problems(404) } },
    },
    async (request) => {
      return leaverChecklist(db, actorOf(request), request.params.id);
    },
  );

  // A tick is a POST (kept for scripts that tick); DELETE takes a mistaken tick back.
  for (const [method, done] of [
    ["post", true],
    ["delete", false],
  ] as const)
    api[method](
      "/api/v1/people/:id/leaver-checklist/:key",
      {
        config: { action: "leavers.checklist" },
        schema: {
          params: ChecklistItemParams,
          response: { 200: LeaverChecklistView, ...problems(400, 404, 409) },
        },
      },
      async (request) => setLeaverItem(db, actorOf(request), request.params.id, request.params.key, done),
    );

  api.get(
    "/api/v1/devices/settings",
    { config: { action: "devices.read" }, schema: { response: { 200: DeviceSettingsView } } },
    async (request) => deviceSettingsOf(db, actorOf(request).schoolId),
  );

  api.put(
    "/api/v1/devices/settings",
    {
      config: { action: "devices.manage" },
      schema: { body: DeviceSettingsInput, response: { 200: DeviceSettingsView, ...problems(400) } },
    },
    async (request) => saveDeviceSettings(db, actorOf(request), request.body),
  );

  api.post(
    "/api/v1/devices/:id/ask-agreement",
    {
      config: { action: "devices.manage" },
      schema: {
        params: DeviceParams,
        body: AskAgreementInput,
        response: { 200: AgreementAskedView, ...problems(400, 404, 409) },
      },
    },
    async (request) =>
      askForDeviceAgreement(db, actorOf(request), request.params.id, request.body.personId, config.publicUrl),
  );

  const systemsView = (rows: { key: string; name: string }[]) => ({
    systems: rows.map(({ key, name }) => ({ key, name })),
  });

  api.get(
    "/api/v1/leaver-systems",
    { config: { action: "leavers.checklist" }, schema: { response: { 200: LeaverSystemsView } } },
    async (request) => systemsView(await leaverSystemsOf(db, actorOf(request).schoolId)),
  );

  api.post(
    "/api/v1/leaver-systems",
    {
      config: { action: "leavers.checklist" },
      schema: { body: LeaverSystemInput, response: { 201: LeaverSystemsView, ...problems(400) } },
    },
    async (request, reply) =>
      reply.status(201).send(systemsView(await addLeaverSystem(db, actorOf(request), request.body))),
  );

  api.delete(
    "/api/v1/leaver-systems/:key",
    {
      config: { action: "leavers.checklist" },
      schema: { params: LeaverSystemParams, response: { 200: LeaverSystemsView, ...problems(404) } },
    },
    async (request) => systemsView(await retireLeaverSystem(db, actorOf(request), request.params.key)),
  );
}
