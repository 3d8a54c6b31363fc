import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: "open" | "closed" }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "open" ? "blue" : "gray"} variant="light">
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}
