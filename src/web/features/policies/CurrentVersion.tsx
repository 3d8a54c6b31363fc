import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { RouterLink } from "../../ui/RouterLink";
import type { PolicySummary } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

/** The published version (with its issue date) and any version still in progress. */
export function CurrentVersion({ policy }: { policy: PolicySummary }) {
  const { t } = useTranslation();
  const { published, open } = policy;
  return (
    <Stack gap={4} align="flex-start">
      {published ? (
        <Text size="sm">
          <RouterLink to={`/policies/${policy.id}/versions/${published.id}`}>
            {t("policies.versionNumber", { number: published.number })}
          </RouterLink>
          {published.issueDate && ` · ${t("policies.issued", { date: formatDate(published.issueDate) })}`}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t("policies.notPublished")}
        </Text>
      )}
      {open && (
        <Text size="sm" component="div">
          <RouterLink to={`/policies/${policy.id}/versions/${open.id}`}>
            {t("policies.versionNumber", { number: open.number })}
          </RouterLink>{" "}
          <VersionStatusBadge status={open.status} />
        </Text>
      )}
    </Stack>
  );
}
