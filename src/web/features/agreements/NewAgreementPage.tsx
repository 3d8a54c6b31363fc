import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { usePolicies } from "../policies/policiesApi";
import { AgreementForm } from "./AgreementForm";

export function NewAgreementPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = usePolicies();
  // "Make an agreement for this version", from a version just published, chooses its policy.
  const [searchParams] = useSearchParams();
  return (
    <Stack>
      <RouterLink to="/agreements" size="sm">
        {t("agreements.manage.back")}
      </RouterLink>
      <PageTitle>{t("agreements.form.pageTitle")}</PageTitle>
      <Text>{t("agreements.form.intro")}</Text>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data && (
        <Paper withBorder p="lg">
          <AgreementForm policies={data.policies} initialPolicyId={searchParams.get("policy")} />
        </Paper>
      )}
    </Stack>
  );
}
