import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RequestStatus } from "./types";

const COLOUR: Record<RequestStatus, string> = {
  pending: "indigo",
  approved: "green",
  refused: "red",
  more_info: "orange",
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOUR[status]} tt="none" variant="light">
      {t(`requests.status.${status}`)}
    </Badge>
  );
}
