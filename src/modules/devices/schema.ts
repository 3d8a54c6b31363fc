import { z } from "zod";
import { isoDate } from "../../kernel/dates.js";
import { Id, IsoDay, IsoMoment } from "../../kernel/responses.js";

/** The device register: what the school owns, who has it, and what happened to it. */
export const DEVICE_TYPES = ["tablet", "laptop", "phone", "camera", "removable_media", "other"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export const DEVICE_STATUSES = [
  "in_store",
  "allocated",
  "on_loan",
  "lost",
  "stolen",
  "damaged",
  "disposed",
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const REPORT_STATUSES = ["lost", "stolen", "damaged"] as const;

const tag = z
  .string()
  .trim()
  .min(1, "Give the asset tag written on the device.")
  .max(40)
  // An empty tag is the min() message alone, not this one as well.
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, "Use letters, digits, spaces and . _ / - in an asset tag.");

export const DeviceInput = z.object({
  assetTag: tag,
  type: z.enum(DEVICE_TYPES, "Choose the kind of device."),
  serial: z.string().trim().max(100).optional(),
  makeModel: z.string().trim().max(200).optional(),
  encrypted: z.boolean().optional(),
  pinSet: z.boolean().optional(),
  labelled: z.boolean().optional(),
  location: z.string().trim().max(200).optional(),
});
export type DeviceInput = z.infer<typeof DeviceInput>;
export const DevicePatch = DeviceInput.partial();

export const DeviceParams = z.object({ id: z.uuid() });
export const DeviceQuery = z.object({
  q: z.string().max(100).optional(),
  status: z.enum(DEVICE_STATUSES).optional(),
  type: z.enum(DEVICE_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const HolderView = z.object({
  personId: Id.nullable(),
  name: z.string().nullable(),
  class: z.string().nullable(),
  kind: z.enum(["allocation", "loan"]),
  since: IsoMoment,
  dueDate: IsoDay.nullable(),
  overdue: z.boolean(),
});

export const DeviceView = z.object({
  id: Id,
  assetTag: z.string(),
  type: z.enum(DEVICE_TYPES),
  serial: z.string().nullable(),
  makeModel: z.string().nullable(),
  encrypted: z.boolean(),
  pinSet: z.boolean(),
  labelled: z.boolean(),
  location: z.string().nullable(),
  status: z.enum(DEVICE_STATUSES),
  holder: HolderView.nullable(),
});
export type DeviceView = z.infer<typeof DeviceView>;
export const DeviceListView = z.object({ total: z.number().int(), devices: z.array(DeviceView) });

export const DeviceEventView = z.object({
  id: Id,
  kind: z.string(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
  at: IsoMoment,
  incidentId: Id.nullable(),
});
/** Where a pupil's device agreement stands (pupil-agreement.ts): null parts are not asked for. */
export const DeviceAgreementView = z.object({
  pupil: z.object({ id: Id, name: z.string() }),
  pupilPledge: z.object({ agreementId: Id, title: z.string(), signedAt: IsoMoment.nullable() }).nullable(),
  parentSignature: z
    .object({ agreementId: Id, title: z.string(), signedBy: z.string().nullable() })
    .nullable(),
  complete: z.boolean(),
});
export type DeviceAgreementView = z.infer<typeof DeviceAgreementView>;

export const DeviceDetailView = DeviceView.extend({
  history: z.array(DeviceEventView),
  /** For a device held by a pupil, or waiting in store for one: their device agreement. */
  agreement: DeviceAgreementView.nullable(),
});

export const DeviceSettingsInput = z.object({
  pupilAgreementId: z.uuid("Choose an agreement.").nullable(),
  parentAgreementId: z.uuid("Choose an agreement.").nullable(),
});
export type DeviceSettingsInput = z.infer<typeof DeviceSettingsInput>;
const AgreementRef = z.object({ id: Id, title: z.string() }).nullable();
export const DeviceSettingsView = z.object({
  pupilAgreement: AgreementRef,
  parentAgreement: AgreementRef,
  /** The agreements in force that could be chosen: pupils' for the pledge, parents' for the signature. */
  choices: z.object({
    pupils: z.array(z.object({ id: Id, title: z.string() })),
    parents: z.array(z.object({ id: Id, title: z.string() })),
  }),
});
export const AskAgreementInput = z.object({ personId: z.uuid("Choose the pupil.") });
export const AgreementAskedView = z.object({ linksSent: z.number().int(), pledgeAsked: z.boolean() });

/** Going ahead without a pupil's device agreement needs a reason, kept on the device's history. */
const override = z
  .string()
  .trim()
  .min(10, "Say in a sentence why the device goes out before the agreement is signed.")
  .max(500)
  .optional();

export const AllocateInput = z
  .object({
    personId: z.uuid().optional(),
    class: z.string().trim().min(1).max(40).optional(),
    /** A loan (a trip) has a due date; an allocation (a member of staff's laptop) has none. */
    dueDate: isoDate.optional(),
    override,
  })
  .refine((a) => Boolean(a.personId) !== Boolean(a.class), {
    message: "Give a person or a class, not both.",
    path: ["personId"],
  });
export const CheckoutInput = z
  .object({
    deviceIds: z.array(z.uuid()).min(1, "Choose the devices.").max(200),
    personId: z.uuid().optional(),
    class: z.string().trim().min(1).max(40).optional(),
    dueDate: isoDate.optional(),
    override,
  })
  .refine((a) => Boolean(a.personId) !== Boolean(a.class), {
    message: "Give a person or a class, not both.",
    path: ["personId"],
  });
export const CheckedOutView = z.object({ checkedOut: z.number().int() });

export const ReportInput = z.object({
  status: z.enum(REPORT_STATUSES),
  heldPersonalData: z.boolean(),
  note: z.string().trim().min(5, "Say what happened.").max(5000),
});
export const ReportedView = z.object({ incidentId: Id });

export const DisposeInput = z.object({
  wipeMethod: z.string().trim().min(3, "Say how the device was wiped or destroyed.").max(500),
  disposedOn: isoDate,
  note: z.string().trim().max(2000).optional(),
});

export const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});
/** The people import's report shape (API.md), for devices. */
export const DeviceImportView = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  preview: z.object({
    create: z.array(z.object({ row: z.number().int(), name: z.string() })),
    update: z.array(
      z.object({
        row: z.number().int(),
        id: Id,
        name: z.string(),
        changes: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
});

export const LEAVER_ITEM_KINDS = [
  "device_return",
  "logon_disabled",
  "social_admin",
  "permission_ended",
] as const;

/**
 * One thing to do when someone leaves. `label` is English; the parts that name it (a device's tag
 * and type, a system, an account, a permission's type) come with it, for other languages.
 * `tickable` items are ticked by hand; the others tick themselves from the records.
 */
export const LeaverItem = z.object({
  key: z.string(),
  kind: z.enum(LEAVER_ITEM_KINDS),
  label: z.string(),
  done: z.boolean(),
  doneAt: IsoMoment.nullable(),
  tickable: z.boolean(),
  deviceId: Id.optional(),
  assetTag: z.string().optional(),
  deviceType: z.string().optional(),
  systemKey: z.string().optional(),
  systemName: z.string().optional(),
  accountId: Id.optional(),
  platform: z.string().optional(),
  handle: z.string().optional(),
  /** How many other administrators the account has: 0 means nobody could take it over yet. */
  otherAdmins: z.number().int().optional(),
  requestId: Id.optional(),
  requestType: z.string().optional(),
  validUntil: IsoDay.nullable().optional(),
});
export type LeaverItem = z.infer<typeof LeaverItem>;

export const LeaverChecklistView = z.object({
  person: z.object({ id: Id, name: z.string(), leaveDate: IsoDay.nullable() }),
  items: z.array(LeaverItem),
  /** Statements about returning equipment in agreements the leaver signed (policies/duties.ts). */
  agreed: z.array(
    z.object({ agreementId: Id, agreement: z.string(), signedAt: IsoMoment, statement: z.string() }),
  ),
});
export type LeaverChecklistView = z.infer<typeof LeaverChecklistView>;

export const LeaverSystemInput = z.object({
  name: z.string().trim().min(1, "Name the system.").max(120, "Keep the name under 120 characters."),
});
export type LeaverSystemInput = z.infer<typeof LeaverSystemInput>;
export const LeaverSystemParams = z.object({ key: z.string().min(1).max(60) });
export const LeaverSystemsView = z.object({
  systems: z.array(z.object({ key: z.string(), name: z.string() })),
});

export const ChecklistItemParams = z.object({ id: z.uuid(), key: z.string().min(1).max(200) });
export const LabelsQuery = z.object({ ids: z.string().max(20_000).optional() });
