import { Button, Paper, Radio, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SchoolSettingsView } from "../../../../modules/schools/schema";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { notifySuccess } from "../../../ui/notify";
import { PageTitle } from "../../../ui/PageTitle";
import { SectionLoader } from "../../../ui/SectionLoader";
import { SsoSettings } from "./SsoSettings";
import { useSaveSchoolSettings, useSchoolSettings } from "./schoolApi";

type Country = SchoolSettingsView["country"];
type Language = SchoolSettingsView["language"];

/** England or Wales: which guidance the policy health check holds the school's policies to. */
export function SchoolSettingsPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useSchoolSettings();
  const [country, setCountry] = useState<Country>("england");
  const [language, setLanguage] = useState<Language>("en-GB");
  useEffect(() => {
    if (data) {
      setCountry(data.country);
      setLanguage(data.language);
    }
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
              save.mutate({ country, language });
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
              <Radio.Group
                label={t("schoolSettings.language")}
                description={t("schoolSettings.languageHint")}
                value={language}
                onChange={(v) => setLanguage(v as Language)}
              >
                <Stack mt="xs" gap="xs">
                  <Radio value="en-GB" label={t("schoolSettings.languages.en-GB")} />
                  <Radio value="cy" label={t("schoolSettings.languages.cy")} />
                  <Radio value="bilingual" label={t("schoolSettings.languages.bilingual")} />
                </Stack>
              </Radio.Group>
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
