import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { useMyAgreements, useMySignatures } from "./agreementsApi";
import { SignatureHistory } from "./SignatureHistory";
import { ToSignList } from "./ToSignList";

export function MyAgreementsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mine = useMyAgreements();
  const history = useMySignatures();
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("agreements.mine.title")}</PageTitle>
        {can(me, "agreements.manage") && (
          <Button component={Link} to="/agreements" variant="default">
            {t("nav.manageAgreements")}
          </Button>
        )}
      </Group>
      <Stack component="section" aria-labelledby="to-sign-heading">
        <Title order={2} size="h3" id="to-sign-heading">
          {t("agreements.mine.toSign")}
        </Title>
        {mine.isPending && <SectionLoader />}
        <ErrorAlert error={mine.error} />
        {mine.data &&
          (mine.data.agreements.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{t("agreements.mine.nothing")}</Text>
            </Paper>
          ) : (
            <ToSignList agreements={mine.data.agreements} />
          ))}
      </Stack>
      <Stack component="section" aria-labelledby="signed-heading">
        <Title order={2} size="h3" id="signed-heading">
          {t("agreements.mine.signed")}
        </Title>
        <Text size="sm">{t("agreements.mine.signedHint")}</Text>
        {history.isPending && <SectionLoader />}
        <ErrorAlert error={history.error} />
        {history.data && <SignatureHistory signatures={history.data.signatures} actions="signer" />}
      </Stack>
    </Stack>
  );
}
