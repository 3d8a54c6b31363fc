import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { KindBadges } from "../people/KindBadges";
import { CurrentVersion } from "./CurrentVersion";
import { ReviewDue } from "./ReviewDue";
import type { PolicySummary } from "./types";

/** A policy in the library on a narrow screen, where the table would scroll sideways. */
export function PolicyCard({ policy }: { policy: PolicySummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <RouterLink to={`/policies/${policy.id}`} fw={500}>
        {policy.title}
      </RouterLink>
      <KindBadges kinds={policy.audiences} />
      <CurrentVersion policy={policy} />
      <Text size="sm">
        {t("policies.columns.owner")}: {policy.ownerName || t("common.notRecorded")}
      </Text>
      <div>
        <Text size="sm" c="dimmed">
          {t("policies.columns.nextReview")}
        </Text>
        <ReviewDue due={policy.nextReviewDue} overdue={policy.reviewOverdue} />
      </div>
    </Stack>
  );
}
