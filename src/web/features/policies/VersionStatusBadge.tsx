import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VersionStatus } from "./types";

const colours: Record<VersionStatus, string> = {
  draft: "gray",
  submitted: "blue",
  approved: "teal",
  published: "green",
  superseded: "dark",
};

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} size="sm">
      {t(`policies.status.${status}`)}
    </Badge>
  );
}
