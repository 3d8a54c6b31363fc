import { Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../../ui/PageTitle";
import { reviewState } from "./reviewDue";
import type { PolicyDetail } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

/** The policy's title with its state at a glance: current version, work in progress, review. */
export function PolicyHeader({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const published = policy.versions.find((v) => v.status === "published");
  const open = policy.versions.find((v) => ["draft", "submitted", "approved"].includes(v.status));
  const review = reviewState(policy.nextReviewDue, policy.reviewOverdue);
  return (
    <Stack gap="xs">
      <PageTitle>{policy.title}</PageTitle>
      <Group gap="xs">
        {published ? (
          <Badge color="green" size="md">
            {t("policies.header.published", { number: published.number })}
          </Badge>
        ) : (
          <Badge color="gray" size="md">
            {t("policies.notPublished")}
          </Badge>
        )}
        {open && (
          <Group gap={4}>
            <Badge color="gray" variant="outline" size="md">
              {t("policies.versionNumber", { number: open.number })}
            </Badge>
            <VersionStatusBadge status={open.status} />
          </Group>
        )}
        {review === "overdue" && (
          <Badge color="red" size="md">
            {t("policies.review.overdue")}
          </Badge>
        )}
        {review === "dueSoon" && (
          <Badge color="orange" size="md">
            {t("policies.review.dueSoon")}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
