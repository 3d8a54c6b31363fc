import { Select, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { can, useMe } from "../session/me";

interface Props {
  label: string;
  kind: "staff" | "governor";
  value: string | null;
  /** The chosen person's name as the server last reported it. */
  currentName: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string | null;
}

/** Choose a person from the directory by typing part of their name. */
export function PersonPicker({ label, kind, value, currentName, onChange, error }: Props) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = can(me, "people.read");
  const [search, setSearch] = useState(currentName ?? "");
  const [query] = useDebouncedValue(search, 250);
  const people = useQuery({
    queryKey: ["people", "picker", kind, query],
    queryFn: () =>
      api.get<{ people: { id: string; name: string }[] }>("/people", { q: query, kind, limit: 20 }),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });

  if (!allowed)
    return (
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text>{currentName || t("common.notRecorded")}</Text>
      </div>
    );

  const options = (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (value && currentName && !options.some((o) => o.value === value))
    options.unshift({ value, label: currentName });

  return (
    <Select
      label={label}
      placeholder={t("policies.fields.personPlaceholder")}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t("common.loading") : t("policies.fields.nobodyFound")}
      onChange={(id, option) => onChange(id, option ? option.label : null)}
      error={error}
    />
  );
}
