import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useCompliance } from "../compliance/complianceApi";
import { AgreementAdminCard } from "./AgreementAdminCard";
import { useAgreements } from "./agreementsApi";

const everyone = { kind: "", role: "", department: "", regGroup: "" };

export function ManageAgreementsPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useAgreements();
  const compliance = useCompliance(everyone);
  const totals = new Map(compliance.data?.agreements.map((a) => [a.id, a]));
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("agreements.manage.title")}</PageTitle>
        <Button component={Link} to="/agreements/new">
          {t("agreements.manage.new")}
        </Button>
      </Group>
      <Text>{t("agreements.manage.intro")}</Text>
      <ErrorAlert error={error ?? compliance.error} />
      {isPending && <SectionLoader />}
      {data &&
        (data.agreements.length === 0 ? (
          <Paper withBorder p="lg">
            <Text>{t("agreements.manage.empty")}</Text>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {data.agreements.map((agreement) => (
              <AgreementAdminCard
                key={agreement.id}
                agreement={agreement}
                totals={totals.get(agreement.id)}
              />
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
