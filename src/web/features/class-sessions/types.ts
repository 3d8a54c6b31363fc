// The API's own contracts (signing/schema.ts): the web app takes them from there.
import type { z } from "zod";
import type {
  ClassDeviceView as ClassDeviceViewSchema,
  ClassSessionOptionsView,
  ClassSessionView,
  ClassSignatureInput,
  OpenedClassSessionView,
} from "../../../modules/signing/schema";

export type ClassSessionOptions = ClassSessionOptionsView;
/** What the teacher gets when opening a session; the token is the shared device's key. */
export type OpenedClassSession = OpenedClassSessionView;
export type ClassSessionStatus = ClassSessionView;
export type ClassDeviceView = ClassDeviceViewSchema;
/** A pupil on the shared device: first name and initial, e.g. "Cai P.", and whether they signed. */
export type DevicePupil = ClassDeviceView["pupils"][number];
export type PupilSignatureInput = z.input<typeof ClassSignatureInput>;
