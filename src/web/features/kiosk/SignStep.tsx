import { Paper, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SignaturePad } from "../../ui/SignaturePad";
import type { VisitorForm } from "./visitorForm";

/** The last step: the name given on the first step is the signature; drawing one is optional. */
export function SignStep({ form }: { form: VisitorForm }) {
  const { t } = useTranslation();
  const name = form.getValues().fullName.trim();
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" bg="indigo.0">
        <Text fz="lg" fw={700} component="p" m={0}>
          {t("kiosk.sign.signingAs", { name })}
        </Text>
        <Text fz="lg" component="p" m={0} mt={4}>
          {t("kiosk.sign.intro")}
        </Text>
      </Paper>
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
