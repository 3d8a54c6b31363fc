// The API's own contracts (agreements/schema.ts): the web app takes them from there.
import type {
  ComplianceAgreementView,
  ComplianceCellView,
  CompliancePersonView,
  ComplianceView,
} from "../../../modules/agreements/schema";

export type { AgreementStatus as ComplianceStatus } from "../../../modules/agreements/schema";
export type ComplianceAgreement = ComplianceAgreementView;
export type ComplianceCell = ComplianceCellView;
export type CompliancePerson = CompliancePersonView;
export type ComplianceMatrix = ComplianceView;

export interface ComplianceFilters {
  kind: string;
  role: string;
  department: string;
  regGroup: string;
}

export const complianceFilterNames = ["kind", "role", "department", "regGroup"] as const;
