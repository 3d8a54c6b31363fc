export type ComplianceStatus =
  | "signed"
  | "signed_older"
  | "pending"
  | "overdue"
  | "declined"
  | "not_required";

export interface ComplianceAgreement {
  id: string;
  title: string;
  audience: string;
  versionNumber: string;
  required: number;
  signed: number;
  signed_older: number;
  pending: number;
  overdue: number;
  declined: number;
  percentSigned: number | null;
}

export interface ComplianceCell {
  status: ComplianceStatus;
  signedAt?: string;
  versionNumber?: string;
  signatureId?: string;
}

export interface CompliancePerson {
  id: string;
  name: string;
  kinds: string[];
  department: string | null;
  regGroup: string | null;
  jobTitle: string | null;
  cells: Record<string, ComplianceCell>;
}

export interface ComplianceMatrix {
  agreements: ComplianceAgreement[];
  people: CompliancePerson[];
  /** The school's departments and classes, for the filters. */
  options: { departments: string[]; regGroups: string[] };
}

export interface ComplianceFilters {
  kind: string;
  role: string;
  department: string;
  regGroup: string;
}

export const complianceFilterNames = ["kind", "role", "department", "regGroup"] as const;
