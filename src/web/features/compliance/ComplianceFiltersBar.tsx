import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { designatedRoles, personKinds } from "../people/types";
import type { ComplianceFilters } from "./types";

interface Props {
  filters: ComplianceFilters;
  onChange: (changes: Partial<ComplianceFilters>) => void;
}

/** A free-text filter that waits for the person to stop typing. */
function useTypedFilter(value: string, apply: (value: string) => void) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the person typing
  useEffect(() => {
    if (debounced !== value) apply(debounced);
  }, [debounced]);
  return [text, setText] as const;
}

export function ComplianceFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const [department, setDepartment] = useTypedFilter(filters.department, (v) => onChange({ department: v }));
  const [regGroup, setRegGroup] = useTypedFilter(filters.regGroup, (v) => onChange({ regGroup: v }));
  const any = { value: "", label: t("common.any") };
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
      <TextInput
        label={t("fields.department")}
        value={department}
        onChange={(event) => setDepartment(event.currentTarget.value)}
      />
      <TextInput
        label={t("fields.regGroup")}
        value={regGroup}
        onChange={(event) => setRegGroup(event.currentTarget.value)}
      />
    </SimpleGrid>
  );
}
