import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { KiosksTable } from "./KiosksTable";
import { useKiosks } from "./kioskApi";
import { OpenKioskForm } from "./OpenKioskForm";

/** Admin page: open a reception kiosk for a visitors' agreement, see kiosks and close them. */
export function KiosksPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useKiosks();
  return (
    <Stack>
      <PageTitle>{t("kiosks.title")}</PageTitle>
      <Text>{t("kiosks.intro")}</Text>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t("kiosks.openHeading")}
        </Title>
        <OpenKioskForm />
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t("kiosks.listHeading")}
        </Title>
        {isPending && <SectionLoader />}
        <ErrorAlert error={error} />
        {data && <KiosksTable kiosks={data.kiosks} />}
      </Paper>
    </Stack>
  );
}
