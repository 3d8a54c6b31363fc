import { Select, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePersonChoices } from "../people/peopleApi";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";

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
  const people = usePersonChoices(kind, query, allowed);

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
