import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatShortDate } from "../../ui/format";
import type { CellView, TrainingStatus } from "./types";

const colours: Record<TrainingStatus, string> = {
  in_date: "green",
  expiring: "yellow",
  expired: "red",
  never: "gray",
};

/** One person's standing on one course, in words first (with its date) and colour second. */
export function TrainingStatusBadge({ cell }: { cell: CellView }) {
  const { t } = useTranslation();
  const label =
    cell.status === "never"
      ? cell.dueOn
        ? t("training.status.neverDue", { date: formatShortDate(cell.dueOn) })
        : t("training.status.never")
      : cell.expiresOn
        ? t(`training.status.${cell.status}Until`, { date: formatShortDate(cell.expiresOn) })
        : t("training.status.noExpiry");
  return (
    <Badge
      color={colours[cell.status]}
      tt="none"
      size="md"
      styles={{
        root: { height: "auto", minHeight: "var(--badge-height)", paddingBlock: 2 },
        label: { whiteSpace: "normal", overflow: "visible", textAlign: "start" },
      }}
    >
      {label}
    </Badge>
  );
}
