import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClassSessionStatus } from "./types";

/** Every pupil in the class with ✓ signed or not yet; announced politely as it changes. */
export function PupilProgressList({ status }: { status: ClassSessionStatus }) {
  const { t } = useTranslation();
  const signed = status.pupils.filter((p) => p.signed).length;
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t("classSessions.progress.heading")}
        </Title>
        <Text fw={600} aria-live="polite" data-testid="class-progress">
          {t("classSessions.progress.count", { signed, count: status.pupils.length })}
        </Text>
      </Group>
      {status.pupils.length === 0 ? (
        <Text>{t("classSessions.progress.empty")}</Text>
      ) : (
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: "none" }}>
          {status.pupils.map((pupil) => (
            <Group
              component="li"
              key={pupil.id}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              py="xs"
              style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
            >
              <Text>{pupil.name}</Text>
              {pupil.signed ? (
                <Badge color="green">{t("classSessions.progress.signed")}</Badge>
              ) : (
                <Badge color="gray">{t("classSessions.progress.notYet")}</Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
