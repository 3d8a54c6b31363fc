import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AttentionCard } from "./AttentionCard";
import { useAttention } from "./homeApi";
import { SchoolGlance } from "./SchoolGlance";

export function HomePage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useAttention();
  const { data: me } = useMe();
  return (
    <Stack>
      <Group justify="space-between" align="center" gap="sm">
        <PageTitle>{t("home.title")}</PageTitle>
        {/* On a phone the menu is folded away: reporting a concern stays one tap from home. */}
        {can(me, "incidents.report") && (
          <Button component={Link} to="/incidents/report" color="red">
            {t("nav.reportConcern")}
          </Button>
        )}
      </Group>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data?.glance && <SchoolGlance glance={data.glance} />}
      {data && data.attention.length === 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h4">
            {t("home.empty.title")}
          </Title>
          <Text mt="xs">{t("home.empty.hint")}</Text>
        </Paper>
      )}
      {data?.attention.map((item) => (
        <AttentionCard key={`${item.key}:${item.href}`} item={item} />
      ))}
    </Stack>
  );
}
