import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useStartKiosk } from "./kioskApi";
import { ScreenTitle } from "./ScreenTitle";

/** Step 0 on a new tablet: the code an admin opened in Accord turns this browser into the kiosk. */
export function KioskCodeScreen({ onStarted }: { onStarted: (token: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { code: "" },
    validate: { code: (v) => (v.trim() ? null : t("kiosk.code.required")) },
  });
  const start = useStartKiosk(onStarted);
  return (
    <Stack gap="lg">
      <ScreenTitle>{t("kiosk.code.title")}</ScreenTitle>
      <Text fz="xl">{t("kiosk.code.intro")}</Text>
      <ErrorAlert error={start.error} />
      <form
        noValidate
        autoComplete="off"
        onSubmit={form.onSubmit(({ code }) => start.mutate(code.trim().toUpperCase()))}
      >
        <Stack gap="lg">
          <TextInput
            label={t("kiosk.code.label")}
            description={t("kiosk.code.hint")}
            size="xl"
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            styles={{
              input: { letterSpacing: "0.15em", textTransform: "uppercase", fontFamily: "monospace" },
            }}
            {...form.getInputProps("code")}
          />
          <Button type="submit" size="xl" loading={start.isPending} style={{ alignSelf: "flex-start" }}>
            {t("kiosk.code.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
