import { Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VisitorForm } from "./visitorForm";

// autoComplete="off" everywhere: a shared tablet must never offer the last visitor's answers.
export function AboutYouStep({ form }: { form: VisitorForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <TextInput
        label={t("kiosk.about.fullName")}
        size="xl"
        required
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps("fullName")}
      />
      <TextInput
        label={t("kiosk.about.organisation")}
        description={t("kiosk.about.organisationHint")}
        size="xl"
        required
        autoComplete="off"
        {...form.getInputProps("organisation")}
      />
      <TextInput
        label={t("kiosk.about.visiting")}
        description={t("kiosk.about.visitingHint")}
        size="xl"
        required
        autoComplete="off"
        {...form.getInputProps("visiting")}
      />
    </Stack>
  );
}
