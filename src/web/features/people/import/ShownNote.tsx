import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The preview lists stop at 200 people; say so when there are more. */
export function ShownNote({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <Text size="sm" c="dimmed">
      {t("import.shown", { shown, count: total })}
    </Text>
  );
}
