import type { SignableAgreement } from "../kiosk/types";

export interface ClassSessionOptions {
  regGroups: string[];
  /** Agreements for pupils. */
  agreements: SignableAgreement[];
}

/** What the teacher gets when opening a session; the token is the shared device's key. */
export interface OpenedClassSession {
  id: string;
  token: string;
  regGroup: string;
  agreementTitle: string;
  expiresAt: string;
}

export interface ClassSessionStatus {
  id: string;
  regGroup: string;
  agreementTitle: string;
  ended: boolean;
  pupils: { id: string; name: string; signed: boolean }[];
}

export interface DevicePupil {
  id: string;
  /** First name and initial, e.g. "Cai P.": enough for a child to find themselves. */
  displayName: string;
  signed: boolean;
}

export interface ClassDeviceView {
  schoolName: string;
  regGroup: string;
  agreement: SignableAgreement;
  pupils: DevicePupil[];
}

export interface PupilSignatureInput {
  pupilId: string;
  fullName: string;
  choices: Record<string, string>;
  textSha256: string;
}
