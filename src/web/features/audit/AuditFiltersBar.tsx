import { SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export interface AuditFilters {
  q: string;
  action: string;
  entityType: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { q: "", action: "", entityType: "", from: "", to: "" };

/** Text filters wait for a pause in typing; date filters apply at once. */
export function AuditFiltersBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(emptyAuditFilters);
  const [debounced] = useDebouncedValue(filters, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only react to new filter values
  useEffect(() => onChange(debounced), [debounced]);

  const field = (name: keyof AuditFilters) => ({
    value: filters[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setFilters((previous) => ({ ...previous, [name]: value }));
    },
  });

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
      <TextInput label={t("audit.filters.q")} type="search" {...field("q")} />
      <TextInput label={t("audit.filters.action")} {...field("action")} />
      <TextInput label={t("audit.filters.entityType")} {...field("entityType")} />
      <TextInput label={t("audit.filters.from")} type="date" {...field("from")} />
      <TextInput label={t("audit.filters.to")} type="date" {...field("to")} />
    </SimpleGrid>
  );
}
