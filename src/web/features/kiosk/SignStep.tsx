import { Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SignaturePad } from "../../ui/SignaturePad";
import type { VisitorForm } from "./visitorForm";

export function SignStep({ form }: { form: VisitorForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Text fz="lg">{t("kiosk.sign.intro")}</Text>
      <TextInput
        label={t("kiosk.sign.typedName")}
        description={t("kiosk.sign.typedNameHint")}
        size="xl"
        required
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps("signedName")}
      />
      <SignaturePad
        size="xl"
        hint={t("kiosk.sign.drawnHint")}
        onChange={(image) => form.setFieldValue("signatureImage", image ?? "")}
      />
      <TextInput
        type="email"
        inputMode="email"
        label={t("kiosk.sign.email")}
        description={t("kiosk.sign.emailHint")}
        size="xl"
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps("email")}
      />
    </Stack>
  );
}
