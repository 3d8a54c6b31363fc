import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { reviewState } from "./reviewDue";

/** The next review date, flagged red when overdue and orange when due within a month. */
export function ReviewDue({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const state = reviewState(due, overdue);
  if (state === "none") return <Text size="sm">{t("policies.review.notSet")}</Text>;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" component="span">
        {formatDate(due)}
      </Text>
      {state === "overdue" && (
        <Badge color="red" size="sm">
          {t("policies.review.overdue")}
        </Badge>
      )}
      {state === "dueSoon" && (
        <Badge color="orange" size="sm">
          {t("policies.review.dueSoon")}
        </Badge>
      )}
    </Group>
  );
}
