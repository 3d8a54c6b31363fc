import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { PageTitle } from "../../../ui/PageTitle";
import { SectionLoader } from "../../../ui/SectionLoader";
import { CreateTokenForm } from "./CreateTokenForm";
import { TokensTable } from "./TokensTable";
import { useApiTokens } from "./tokensApi";

export function TokensPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useApiTokens();
  return (
    <Stack>
      <PageTitle>{t("tokens.title")}</PageTitle>
      <Text>{t("tokens.intro")}</Text>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t("tokens.createHeading")}
        </Title>
        <CreateTokenForm />
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t("tokens.listHeading")}
        </Title>
        {isPending && <SectionLoader />}
        <ErrorAlert error={error} />
        {data && <TokensTable tokens={data.tokens} />}
      </Paper>
    </Stack>
  );
}
