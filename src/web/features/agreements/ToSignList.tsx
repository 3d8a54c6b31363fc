import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { DueText } from "./DueText";
import type { AgreementToSign } from "./types";

export function ToSignList({ agreements }: { agreements: AgreementToSign[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {agreements.map((agreement) => (
        <Paper
          key={agreement.id}
          component="li"
          withBorder
          p="md"
          style={agreement.overdue ? { borderLeft: "4px solid var(--mantine-color-red-7)" } : undefined}
        >
          <Stack gap={6}>
            <Group gap="xs">
              <RouterLink to={`/agreements/${agreement.id}/sign`} fw={600}>
                {agreement.title}
              </RouterLink>
              {agreement.previouslySigned && (
                <Badge color="indigo" variant="light" size="sm">
                  {t("agreements.list.newVersion")}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t("agreements.text.from", {
                policy: agreement.policy.title,
                number: agreement.policy.versionNumber,
              })}
            </Text>
            <DueText dueDate={agreement.dueDate} overdue={agreement.overdue} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
