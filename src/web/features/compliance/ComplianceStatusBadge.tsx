import { Badge, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatShortDate } from "../../ui/format";
import type { ComplianceCell, ComplianceStatus } from "./types";

const colours: Record<Exclude<ComplianceStatus, "not_required">, string> = {
  signed: "green",
  // Done for the family, but not by this person: a different colour from their own signature.
  covered: "teal",
  signed_older: "yellow",
  pending: "gray",
  overdue: "red",
  declined: "orange",
};

/** One person's standing on one agreement, in words first and colour second. */
export function ComplianceStatusBadge({ cell }: { cell: ComplianceCell }) {
  const { t } = useTranslation();
  if (cell.status === "not_required")
    return (
      <Text span c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>{t("compliance.status.not_required")}</VisuallyHidden>
      </Text>
    );
  const label =
    cell.status === "signed"
      ? t("compliance.status.signedOn", {
          number: cell.versionNumber,
          date: formatShortDate(cell.signedAt),
        })
      : cell.status === "covered"
        ? t("compliance.status.coveredBy", { name: cell.coveredBy })
        : cell.status === "signed_older"
          ? t("compliance.status.signedOlder", { number: cell.versionNumber })
          : t(`compliance.status.${cell.status}`);
  return (
    <Badge
      color={colours[cell.status]}
      tt="none"
      size="md"
      // A long carer's name wraps rather than being cut off ("Covered by …" is the longest label).
      styles={{
        root: { height: "auto", minHeight: "var(--badge-height)", paddingBlock: 2 },
        label: { whiteSpace: "normal", overflow: "visible", textAlign: "start" },
      }}
    >
      {label}
    </Badge>
  );
}
