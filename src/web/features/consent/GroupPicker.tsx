import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PupilGroup } from "./types";

/** One class or one year group, as a single choice: "class:3A" or "year:3". */
export function GroupPicker({
  classes,
  yearGroups,
  value,
  onChange,
}: {
  classes: string[];
  yearGroups: string[];
  value: PupilGroup;
  onChange: (group: PupilGroup) => void;
}) {
  const { t } = useTranslation();
  const data = [
    { group: t("consent.group.classes"), items: classes.map((c) => ({ value: `class:${c}`, label: c })) },
    {
      group: t("consent.group.yearGroups"),
      items: yearGroups.map((y) => ({ value: `year:${y}`, label: yearLabel(t, y) })),
    },
  ].filter((g) => g.items.length > 0);
  const selected = value.class ? `class:${value.class}` : value.yearGroup ? `year:${value.yearGroup}` : null;
  return (
    <Select
      label={t("consent.group.label")}
      placeholder={t("consent.group.placeholder")}
      data={data}
      value={selected}
      searchable
      allowDeselect={false}
      maw={320}
      onChange={(v) => {
        if (!v) return;
        const [kind, ...rest] = v.split(":");
        const name = rest.join(":");
        onChange(kind === "class" ? { class: name } : { yearGroup: name });
      }}
    />
  );
}

export function groupLabel(t: (key: string, options?: Record<string, unknown>) => string, group: PupilGroup) {
  if (group.class) return group.class;
  if (group.yearGroup) return yearLabel(t, group.yearGroup);
  return t("consent.group.wholeSchool");
}

/** A year group as the MIS wrote it ("Year 3", "Reception"); a bare number gets the word "Year". */
export function yearLabel(t: (key: string, options?: Record<string, unknown>) => string, yearGroup: string) {
  return /^\d+$/.test(yearGroup.trim()) ? t("consent.group.year", { year: yearGroup.trim() }) : yearGroup;
}
