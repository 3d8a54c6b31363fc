import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Answer } from "./types";

/** Yes or no in words with a tick or a cross: the colour is never the only sign. */
export function StatusMark({ status, restricted = false }: { status: Answer; restricted?: boolean }) {
  const { t } = useTranslation();
  if (restricted)
    return (
      <Badge color="grape" tt="none" size="lg" leftSection={<span aria-hidden="true">⊘</span>}>
        {t("consent.status.restricted")}
      </Badge>
    );
  const yes = status === "yes";
  return (
    <Badge
      color={yes ? "green" : "red"}
      tt="none"
      size="lg"
      leftSection={<span aria-hidden="true">{yes ? "✓" : "✗"}</span>}
    >
      {t(yes ? "consent.status.yes" : "consent.status.no")}
    </Badge>
  );
}
