import type { TFunction } from "i18next";
import { formatDate } from "../../../ui/format";

/** One value in an update preview, as a person would write it. */
export function formatChangeValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === "") return t("import.changes.blank");
  if (typeof value === "boolean") return value ? t("import.changes.yes") : t("import.changes.no");
  if (Array.isArray(value) && field === "kinds")
    return value.map((kind) => t(`people.kinds.${kind}`, { defaultValue: String(kind) })).join(", ");
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

/** "Class: Oak → Willow", with the field's translated label. */
export function formatChange(field: string, change: { from: unknown; to: unknown }, t: TFunction): string {
  return t("import.changes.line", {
    field: t(`import.fields.${field}`, { defaultValue: field }),
    from: formatChangeValue(field, change.from, t),
    to: formatChangeValue(field, change.to, t),
  });
}
