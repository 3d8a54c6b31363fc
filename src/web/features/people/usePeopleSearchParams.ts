import { useSearchParams } from "react-router";

export const peopleFilterNames = [
  "q",
  "kind",
  "role",
  "status",
  "yearGroup",
  "department",
  "account",
] as const;
export type PeopleFilterName = (typeof peopleFilterNames)[number];
export type PeopleFilters = Record<PeopleFilterName, string>;

/** The directory's filters live in the address bar, so a filtered list can be linked to. */
export function usePeopleSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(
    peopleFilterNames.map((name) => [name, searchParams.get(name) ?? (name === "status" ? "current" : "")]),
  ) as PeopleFilters;
  const page = Math.max(1, Number(searchParams.get("page")) || 1);

  const update = (changes: Partial<PeopleFilters> & { page?: number }) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === "" || (key === "page" && value === 1)) next.delete(key);
          else next.set(key, String(value));
        }
        // Any new filter starts again from the first page.
        if (changes.page === undefined) next.delete("page");
        return next;
      },
      { replace: true },
    );
  };

  return { filters, page, update };
}
