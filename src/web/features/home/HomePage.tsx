import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { AttentionCard } from "./AttentionCard";
import { useAttention } from "./homeApi";

export function HomePage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useAttention();
  return (
    <Stack>
      <PageTitle>{t("home.title")}</PageTitle>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data && data.attention.length === 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h4">
            {t("home.empty.title")}
          </Title>
          <Text mt="xs">{t("home.empty.hint")}</Text>
        </Paper>
      )}
      {data?.attention.map((item) => (
        <AttentionCard key={item.key} item={item} />
      ))}
    </Stack>
  );
}
