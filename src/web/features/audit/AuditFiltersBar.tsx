import { Button, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_EVENT_GROUPS, type AuditEventGroup, usePersonChoices } from "./auditApi";

export interface AuditFilters {
  q: string;
  personId: string;
  action: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { q: "", personId: "", action: "", from: "", to: "" };

/** Choose a person by typing part of their name; the log then shows what they did and what was done about them. */
function PersonFilter({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const people = usePersonChoices("", query, true);
  const options = (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (value && chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={t("audit.filters.person")}
      description={t("audit.filters.personHint")}
      placeholder={t("audit.filters.personPlaceholder")}
      searchable
      clearable
      data={options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t("common.loading") : t("audit.filters.noPeople")}
      onChange={(id, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(id ?? "");
      }}
    />
  );
}

/** Search waits for a pause in typing; the person, kind and dates apply at once. */
export function AuditFiltersBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(emptyAuditFilters);
  const [q] = useDebouncedValue(filters.q, 300);
  const set = (name: keyof AuditFilters, value: string) =>
    setFilters((previous) => ({ ...previous, [name]: value }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to new filter values
  useEffect(
    () => onChange({ ...filters, q }),
    [q, filters.personId, filters.action, filters.from, filters.to],
  );

  const kinds = (Object.keys(AUDIT_EVENT_GROUPS) as AuditEventGroup[]).map((group) => ({
    group: t(`audit.groups.${group}`),
    items: AUDIT_EVENT_GROUPS[group].map((kind) => ({ value: kind, label: t(`audit.kinds.${kind}`) })),
  }));
  const anySet = Object.values(filters).some(Boolean);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <PersonFilter value={filters.personId} onChange={(id) => set("personId", id)} />
        <Select
          label={t("audit.filters.kind")}
          placeholder={t("audit.filters.kindPlaceholder")}
          data={kinds}
          searchable
          clearable
          value={filters.action || null}
          onChange={(kind) => set("action", kind ?? "")}
        />
        <TextInput
          label={t("audit.filters.q")}
          type="search"
          value={filters.q}
          onChange={(event) => set("q", event.currentTarget.value)}
        />
        <TextInput
          label={t("audit.filters.from")}
          type="date"
          value={filters.from}
          onChange={(event) => set("from", event.currentTarget.value)}
        />
        <TextInput
          label={t("audit.filters.to")}
          type="date"
          value={filters.to}
          onChange={(event) => set("to", event.currentTarget.value)}
        />
      </SimpleGrid>
      {anySet && (
        <Button
          variant="subtle"
          onClick={() => setFilters(emptyAuditFilters)}
          style={{ alignSelf: "flex-start" }}
        >
          {t("audit.filters.clear")}
        </Button>
      )}
    </Stack>
  );
}
