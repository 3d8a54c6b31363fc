import { useSearchParams } from "react-router";
import { type ComplianceFilters, complianceFilterNames } from "./types";

/** The compliance view's filters live in the address bar, so a filtered view can be shared. */
export function useComplianceFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    complianceFilterNames.map((name) => [name, searchParams.get(name) ?? ""]),
  ) as unknown as ComplianceFilters;
  const update = (changes: Partial<ComplianceFilters>) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete("page");
        return next;
      },
      { replace: true },
    );
  return { filters, update };
}
