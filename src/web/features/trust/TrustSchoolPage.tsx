import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { DashboardBody } from "../reports/DashboardPage";
import { useTrustSchool } from "./trustApi";

/** One school of the trust, drilled into: its dashboard as its own leaders see it (counts only). */
export function TrustSchoolPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const school = useTrustSchool(id);
  if (school.error) return <ErrorAlert error={school.error} />;
  if (!school.data) return <SectionLoader />;
  return (
    <Stack>
      <RouterLink to="/trust">{t("trust.back")}</RouterLink>
      <DashboardBody
        data={school.data.dashboard}
        term={null}
        title={school.data.school.name}
        controls={<Text size="sm">{t("trust.drillIntro")}</Text>}
      />
    </Stack>
  );
}
