import { useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type { ComplianceFilters, ComplianceMatrix, VisitorRange, VisitorRegister } from "./types";

const path = "/compliance/agreements";
const visitorsPath = "/compliance/visitors";

export function useCompliance(filters: ComplianceFilters) {
  return useQuery({
    queryKey: ["compliance", filters],
    queryFn: () => api.get<ComplianceMatrix>(path, { ...filters }),
  });
}

/** The same view as a CSV download, for inspectors and spreadsheets. */
export const complianceCsvHref = (filters: ComplianceFilters) =>
  `/api/v1${withQuery(path, { ...filters, format: "csv" })}`;

/** Who signed at a reception kiosk between two dates. */
export function useVisitorRegister(range: VisitorRange) {
  return useQuery({
    queryKey: ["compliance", "visitors", range],
    queryFn: () => api.get<VisitorRegister>(visitorsPath, { ...range }),
  });
}

export const visitorsCsvHref = (range: VisitorRange) =>
  `/api/v1${withQuery(visitorsPath, { ...range, format: "csv" })}`;
