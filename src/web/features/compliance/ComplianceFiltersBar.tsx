import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { designatedRoles, personKinds } from "../people/types";
import type { ComplianceFilters } from "./types";

interface Props {
  filters: ComplianceFilters;
  onChange: (changes: Partial<ComplianceFilters>) => void;
  /** The school's own departments and classes: filters match exactly, so they are picked. */
  options: { departments: string[]; regGroups: string[] };
}

export function ComplianceFiltersBar({ filters, onChange, options }: Props) {
  const { t } = useTranslation();
  const any = { value: "", label: t("common.any") };
  // A value in the address that the school no longer has still shows, so it can be cleared.
  const choices = (values: string[], current: string) => [
    any,
    ...[...new Set([...values, ...(current ? [current] : [])])].map((v) => ({ value: v, label: v })),
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      <Select
        label={t("compliance.filters.kind")}
        data={[any, ...personKinds.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))]}
        value={filters.kind}
        onChange={(value) => onChange({ kind: value ?? "" })}
        allowDeselect={false}
      />
      <Select
        label={t("compliance.filters.role")}
        data={[any, ...designatedRoles.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))]}
        value={filters.role}
        onChange={(value) => onChange({ role: value ?? "" })}
        allowDeselect={false}
        searchable
      />
      <Select
        label={t("fields.department")}
        data={choices(options.departments, filters.department)}
        value={filters.department}
        onChange={(value) => onChange({ department: value ?? "" })}
        allowDeselect={false}
        searchable
      />
      <Select
        label={t("fields.regGroup")}
        data={choices(options.regGroups, filters.regGroup)}
        value={filters.regGroup}
        onChange={(value) => onChange({ regGroup: value ?? "" })}
        allowDeselect={false}
        searchable
      />
    </SimpleGrid>
  );
}
