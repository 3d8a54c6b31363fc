import { Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { designatedRoles, personKinds } from "./types";
import type { PeopleFilters } from "./usePeopleSearchParams";

interface Props {
  filters: PeopleFilters;
  onChange: (changes: Partial<PeopleFilters>) => void;
}

export function PeopleFiltersBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const statusLabelId = useId();
  const [search, setSearch] = useState(filters.q);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [yearGroup, setYearGroup] = useState(filters.yearGroup);
  const [debouncedYearGroup] = useDebouncedValue(yearGroup, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the person typing
  useEffect(() => {
    if (debouncedSearch !== filters.q) onChange({ q: debouncedSearch });
  }, [debouncedSearch]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to the person typing
  useEffect(() => {
    if (debouncedYearGroup !== filters.yearGroup) onChange({ yearGroup: debouncedYearGroup });
  }, [debouncedYearGroup]);

  const any = { value: "", label: t("common.any") };
  return (
    <Stack gap="sm">
      <TextInput
        label={t("people.filters.search")}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Select
          label={t("people.filters.kind")}
          data={[any, ...personKinds.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))]}
          value={filters.kind}
          onChange={(value) => onChange({ kind: value ?? "" })}
          allowDeselect={false}
        />
        <Select
          label={t("people.filters.role")}
          data={[any, ...designatedRoles.map((r) => ({ value: r, label: t(`people.roles.${r}`) }))]}
          value={filters.role}
          onChange={(value) => onChange({ role: value ?? "" })}
          allowDeselect={false}
          searchable
        />
        <TextInput
          label={t("people.filters.yearGroup")}
          value={yearGroup}
          onChange={(event) => setYearGroup(event.currentTarget.value)}
        />
        <Select
          label={t("people.filters.account")}
          data={[
            any,
            ...["none", "invited", "active"].map((a) => ({ value: a, label: t(`people.account.${a}`) })),
          ]}
          value={filters.account}
          onChange={(value) => onChange({ account: value ?? "" })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Input.Wrapper label={t("people.filters.status")} labelElement="div" labelProps={{ id: statusLabelId }}>
        <div>
          <SegmentedControl
            aria-labelledby={statusLabelId}
            data={["current", "leavers", "all"].map((s) => ({
              value: s,
              label: t(`people.statusFilter.${s}`),
            }))}
            value={filters.status}
            onChange={(value) => onChange({ status: value })}
          />
        </div>
      </Input.Wrapper>
    </Stack>
  );
}
