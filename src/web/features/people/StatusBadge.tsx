import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonStatus } from "./types";

const colours: Record<PersonStatus, string> = { current: "green", leaving: "orange", left: "gray" };

export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} size="sm">
      {t(`people.status.${status}`)}
    </Badge>
  );
}
