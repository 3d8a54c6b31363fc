import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";

/** "Due 1 October 2026", with an Overdue badge (text, not colour alone) when it has passed. */
export function DueText({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {dueDate && <Text size="sm">{t("agreements.due", { date: formatDate(dueDate) })}</Text>}
      {overdue && (
        <Badge color="red" size="sm">
          {t("agreements.overdue")}
        </Badge>
      )}
    </Group>
  );
}
