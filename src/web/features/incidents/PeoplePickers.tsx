import { MultiSelect, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PersonSearchKind, usePersonSearch } from "./incidentsApi";
import type { PersonChoice } from "./types";

const optionLabel = (p: PersonChoice) => (p.detail ? `${p.name} (${p.detail})` : p.name);

/** Options from a search, keeping the people already chosen (their names stay on their chips). */
function optionsFor(found: PersonChoice[] | undefined, chosen: PersonChoice[]) {
  const all = new Map<string, PersonChoice>();
  for (const p of chosen) all.set(p.id, p);
  for (const p of found ?? []) all.set(p.id, p);
  return [...all.values()].map((p) => ({ value: p.id, label: optionLabel(p) }));
}

function PeopleMultiSelect({
  label,
  description,
  value,
  onChange,
  kind,
  maxValues,
}: {
  label: string;
  description?: string;
  value: PersonChoice[];
  onChange: (people: PersonChoice[]) => void;
  kind: PersonSearchKind;
  maxValues?: number;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [query] = useDebouncedValue(typed, 250);
  const found = usePersonSearch(kind, query);
  const data = optionsFor(found.data, value);
  const byId = new Map([...value, ...(found.data ?? [])].map((p) => [p.id, p]));
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t("incidents.people.typeToSearch")}
      searchable
      data={data}
      value={value.map((p) => p.id)}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options }) => options}
      maxValues={maxValues}
      hidePickedOptions
      nothingFoundMessage={
        query.trim().length < 2
          ? t("incidents.people.typeMore")
          : found.isFetching
            ? t("common.loading")
            : t("incidents.people.nobodyFound")
      }
      onChange={(ids) => {
        onChange(ids.map((id) => byId.get(id)).filter((p): p is PersonChoice => Boolean(p)));
        setTyped("");
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

type PickerProps = {
  label: string;
  description?: string;
  value: PersonChoice[];
  onChange: (people: PersonChoice[]) => void;
};

export function PupilPicker(props: PickerProps) {
  return <PeopleMultiSelect {...props} kind="pupils" />;
}

export function AdultsPicker(props: PickerProps) {
  return <PeopleMultiSelect {...props} kind="adults" maxValues={20} />;
}

/** One adult: who a concern about a member of staff, a volunteer or a governor is about. */
export function AdultPicker({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: PersonChoice | null;
  onChange: (person: PersonChoice | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value ? optionLabel(value) : "");
  const [query] = useDebouncedValue(typed, 250);
  const found = usePersonSearch("adults", query);
  const data = optionsFor(found.data, value ? [value] : []);
  const byId = new Map([...(value ? [value] : []), ...(found.data ?? [])].map((p) => [p.id, p]));
  return (
    <Select
      label={label}
      description={description}
      placeholder={t("incidents.people.typeToSearch")}
      searchable
      clearable
      data={data}
      value={value?.id ?? null}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options }) => options}
      nothingFoundMessage={
        query.trim().length < 2
          ? t("incidents.people.typeMore")
          : found.isFetching
            ? t("common.loading")
            : t("incidents.people.nobodyFound")
      }
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      error={error}
    />
  );
}
