import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { useVersion } from "../policies/policiesApi";
import { StatementsList } from "../policies/StatementsList";

/** The statements the agreement will carry: those of the policy's published version. */
export function VersionStatementsPreview({ policyId, versionId }: { policyId: string; versionId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useVersion(policyId, versionId);
  if (isPending) return <SectionLoader />;
  if (error) return <ErrorAlert error={error} />;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t("agreements.form.statementsHint", { number: data.number })}
      </Text>
      <StatementsList statements={data.statements} />
    </>
  );
}
