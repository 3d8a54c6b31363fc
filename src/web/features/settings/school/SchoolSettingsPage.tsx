import { Button, Paper, Radio, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { notifySuccess } from "../../../ui/notify";
import { PageTitle } from "../../../ui/PageTitle";
import { SectionLoader } from "../../../ui/SectionLoader";
import { SsoSettings } from "./SsoSettings";
import { useSaveSchoolSettings, useSchoolSettings } from "./schoolApi";

type Country = "england" | "wales";

/** England or Wales: which guidance the policy health check holds the school's policies to. */
export function SchoolSettingsPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useSchoolSettings();
  const [country, setCountry] = useState<Country>("england");
  useEffect(() => {
    if (data) setCountry(data.country);
  }, [data]);
  const save = useSaveSchoolSettings(() => notifySuccess(t("schoolSettings.saved")));
  return (
    <Stack>
      <PageTitle>{t("schoolSettings.title")}</PageTitle>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data && (
        <Paper withBorder p="lg">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save.mutate({ country });
            }}
          >
            <Stack>
              <ErrorAlert error={save.error} />
              <Radio.Group
                label={t("schoolSettings.country")}
                description={t("schoolSettings.countryHint")}
                value={country}
                onChange={(v) => setCountry(v as Country)}
              >
                <Stack mt="xs" gap="xs">
                  <Radio value="england" label={t("policyHealth.countries.england")} />
                  <Radio value="wales" label={t("policyHealth.countries.wales")} />
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                {t("schoolSettings.recheck")}
              </Text>
              <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
                {t("common.save")}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <SsoSettings />
    </Stack>
  );
}
