import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { addedStyle, removedStyle } from "./diff.css";

export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" aria-label={t("policies.diff.legend")} role="group">
      <Text size="sm">
        <ins style={addedStyle}>{t("policies.diff.legendAdded")}</ins>
      </Text>
      <Text size="sm">
        <del style={removedStyle}>{t("policies.diff.legendRemoved")}</del>
      </Text>
    </Group>
  );
}
