// The API's own contracts (agreements/schema.ts): the web app takes them from there.
import type {
  ComplianceAgreementView,
  ComplianceCellView,
  CompliancePersonView,
  ComplianceView,
  UncoveredChildView,
  VisitorEntryView,
  VisitorRegisterView,
} from "../../../modules/agreements/schema";

export type { ComplianceStatus } from "../../../modules/agreements/schema";
export type ComplianceAgreement = ComplianceAgreementView;
export type ComplianceCell = ComplianceCellView;
export type CompliancePerson = CompliancePersonView;
export type ComplianceMatrix = ComplianceView;
export type UncoveredChild = UncoveredChildView;
export type VisitorEntry = VisitorEntryView;
export type VisitorRegister = VisitorRegisterView;

export interface ComplianceFilters {
  kind: string;
  role: string;
  department: string;
  regGroup: string;
}

export const complianceFilterNames = ["kind", "role", "department", "regGroup"] as const;

/** The visitors' register's dates (YYYY-MM-DD, inclusive); empty means no limit. */
export interface VisitorRange {
  from: string;
  to: string;
}
