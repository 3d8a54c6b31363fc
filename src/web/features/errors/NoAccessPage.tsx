import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../ui/PageTitle";

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageTitle>{t("noAccess.title")}</PageTitle>
      <Text>{t("noAccess.body")}</Text>
      <Button component={Link} to="/">
        {t("notFound.home")}
      </Button>
    </Stack>
  );
}
