import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { DeviceLayout } from "../kiosk/DeviceLayout";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import { useOpenClassByCode } from "./classSessionsApi";

/**
 * /class on a classroom device that cannot scan the QR code: type the short code the teacher's
 * screen shows, and the device becomes the class's signing device for the rest of the session.
 */
export function ClassCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenClassByCode();
  const form = useForm({
    initialValues: { code: "" },
    validate: { code: (v) => (v.trim() ? null : t("classDevice.code.required")) },
  });
  const submit = form.onSubmit(({ code }) =>
    open.mutate(code.trim().toUpperCase(), {
      onSuccess: ({ token }) => navigate(`/class/${encodeURIComponent(token)}`, { replace: true }),
      // Said in the device's language, not the server's words.
      onError: (error) => {
        if (isApiError(error, 400)) form.setFieldError("code", t("classDevice.code.notOpen"));
      },
    }),
  );
  return (
    <DeviceLayout label={t("classDevice.labelPlain")}>
      <Stack gap="lg">
        <ScreenTitle>{t("classDevice.code.title")}</ScreenTitle>
        <Text fz="xl">{t("classDevice.code.intro")}</Text>
        {!isApiError(open.error, 400) && <ErrorAlert error={open.error} />}
        <form noValidate autoComplete="off" onSubmit={submit}>
          <Stack gap="lg">
            <TextInput
              label={t("classDevice.code.label")}
              description={t("classDevice.code.hint")}
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
            <Button type="submit" size="xl" loading={open.isPending} style={{ alignSelf: "flex-start" }}>
              {t("classDevice.code.submit")}
            </Button>
          </Stack>
        </form>
      </Stack>
    </DeviceLayout>
  );
}
