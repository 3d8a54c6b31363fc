import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { recentTerms } from "./terms";

/** How far back a leader can look: two school years. */
const TERMS_OFFERED = 6;

/** "2026-autumn" as the reader says it: "Autumn 2026" / "Hydref 2026". */
export function useTermName() {
  const { t } = useTranslation();
  return (name: string) => {
    const [year, season] = name.split("-");
    return t(`reports.terms.${season}`, { year });
  };
}

/** Choose a term: today's first, then the five before it. */
export function TermPicker({ value, onChange }: { value: string; onChange: (term: string) => void }) {
  const { t } = useTranslation();
  const termName = useTermName();
  const terms = recentTerms(TERMS_OFFERED);
  return (
    <Select
      label={t("reports.term")}
      data={terms.map((name) => ({ value: name, label: termName(name) }))}
      value={value || terms[0]}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={220}
    />
  );
}
