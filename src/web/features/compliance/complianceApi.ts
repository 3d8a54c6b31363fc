import { useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../api";
import type { ComplianceFilters, ComplianceMatrix } from "./types";

const path = "/compliance/agreements";

export function useCompliance(filters: ComplianceFilters) {
  return useQuery({
    queryKey: ["compliance", filters],
    queryFn: () => api.get<ComplianceMatrix>(path, { ...filters }),
  });
}

/** The same view as a CSV download, for inspectors and spreadsheets. */
export const complianceCsvHref = (filters: ComplianceFilters) =>
  `/api/v1${withQuery(path, { ...filters, format: "csv" })}`;
