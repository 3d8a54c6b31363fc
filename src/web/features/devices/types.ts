// The API's own contracts (devices/schema.ts): the web app takes them from there instead of keeping copies.
import type { z } from "zod";
import type {
  AllocateInput,
  CheckedOutView,
  DeviceDetailView,
  DeviceImportView,
  DeviceInput as DeviceInputSchema,
  DeviceListView as DeviceListViewSchema,
  DeviceView as DeviceViewSchema,
  DisposeInput as DisposeInputSchema,
  LeaverChecklistView as LeaverChecklistViewSchema,
  ReportedView,
  ReportInput as ReportInputSchema,
} from "../../../modules/devices/schema";

export {
  DEVICE_STATUSES as deviceStatuses,
  DEVICE_TYPES as deviceTypes,
  type DeviceStatus,
  type DeviceType,
  REPORT_STATUSES as reportStatuses,
} from "../../../modules/devices/schema";

export type Device = z.infer<typeof DeviceViewSchema>;
export type DeviceDetail = z.infer<typeof DeviceDetailView>;
export type DeviceEvent = DeviceDetail["history"][number];
export type DeviceList = z.infer<typeof DeviceListViewSchema>;
export type DeviceInput = z.input<typeof DeviceInputSchema>;
export type CheckoutTarget = z.input<typeof AllocateInput>;
export type CheckedOut = z.infer<typeof CheckedOutView>;
export type ReportInput = z.input<typeof ReportInputSchema>;
export type Reported = z.infer<typeof ReportedView>;
export type DisposeInput = z.input<typeof DisposeInputSchema>;
export type DeviceImportReport = z.infer<typeof DeviceImportView>;
export type LeaverChecklist = z.infer<typeof LeaverChecklistViewSchema>;
export type LeaverItem = LeaverChecklist["items"][number];

/** Someone a device can go to: a member of staff (by name and job title) or a pupil. */
export interface Holder {
  id: string;
  name: string;
  detail: string | null;
}
