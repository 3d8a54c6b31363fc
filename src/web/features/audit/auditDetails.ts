import type { TFunction } from "i18next";
import { KINDS, ROLES } from "../../../modules/access/roles";
import { formatDate, formatDateTime } from "../../ui/format";
import { optionLabel } from "../agreements/optionLabel";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Said by the sentence already (the subject's name), or kept for the technical details only. */
const NOT_SHOWN = new Set(["title", "name", "agreement", "regGroup", "signer", "onBehalfOf"]);
const kinds = new Set<string>(KINDS);
const roles = new Set<string>(ROLES);

/** An id or a hash means nothing to a reader: it stays in the technical details. */
const isTechnical = (value: unknown) => typeof value === "string" && (UUID.test(value) || SHA256.test(value));

/** "rowsWithErrors" → "Rows with errors", for a detail no label was written for. */
const humanise = (key: string) => {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const label = (key: string, t: TFunction) => t(`audit.fields.${key}`, { defaultValue: humanise(key) });
/** Recorded values with words of their own: how a signer was identified. */
const WORDED: Record<string, string> = { authMethod: "audit.authMethods" };
/** jsonb keeps keys in its own order: "before" reads before "after". */
const ORDER: Record<string, number> = { from: -2, to: -1 };
const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

function readable(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === "") return t("audit.values.none");
  if (typeof value === "boolean") return t(value ? "audit.values.yes" : "audit.values.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (DAY.test(value)) return formatDate(value);
    if (MOMENT.test(value)) return formatDateTime(value);
    if (kinds.has(value)) return t(`people.kinds.${value}`);
    if (roles.has(value)) return t(`people.roles.${value}`);
    return value;
  }
  if (Array.isArray(value))
    return value.length === 0 ? t("audit.values.none") : value.map((v) => readable(v, t)).join(", ");
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("from" in object && "to" in object)
      return t("audit.values.arrow", {
        from: readable(object.from, t),
        to: readable(object.to, t),
        interpolation: { escapeValue: false },
      });
    return Object.entries(object)
      .map(([k, v]) => `${label(k, t)}: ${readable(v, t)}`)
      .join("; ");
  }
  return String(value);
}

/** A signer's answers in the words they chose ("Photo: I agree"), as the receipt prints them. */
const answersInWords = (choices: Record<string, unknown>, t: TFunction) =>
  Object.entries(choices)
    .map(([k, v]) => `${humanise(k)}: ${typeof v === "string" ? optionLabel(t, v) : readable(v, t)}`)
    .join("; ");

/** An event's recorded details as labelled, readable values (ids, hashes and blanks left out). */
export function readableDetails(summary: Record<string, unknown> | null, t: TFunction) {
  return Object.entries(summary ?? {})
    .filter(([key, value]) => !NOT_SHOWN.has(key) && !isTechnical(value) && !isEmpty(value))
    .sort(([a], [b]) => (ORDER[a] ?? 0) - (ORDER[b] ?? 0))
    .map(([key, value]) => ({
      key,
      label: label(key, t),
      value:
        key in WORDED && typeof value === "string"
          ? t(`${WORDED[key]}.${value}`, { defaultValue: value })
          : key === "choices" && typeof value === "object" && !Array.isArray(value)
            ? answersInWords(value as Record<string, unknown>, t)
            : readable(value, t),
    }));
}
