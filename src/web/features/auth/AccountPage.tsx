import { Anchor, Button, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { MyPhotoConsent } from "../consent/MyPhotoConsent";
import type { RouteState } from "../session/flash";
import { useChangePassword } from "./authApi";
import { MIN_PASSWORD_LENGTH } from "./passwordRules";
import { SignInSecurity } from "./SignInSecurity";

export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    validate: {
      currentPassword: (v) => (v ? null : t("validation.required")),
      newPassword: (v) =>
        v.length >= MIN_PASSWORD_LENGTH
          ? null
          : t("validation.passwordLength", { count: MIN_PASSWORD_LENGTH }),
      confirmPassword: (v, values) => (v === values.newPassword ? null : t("validation.passwordsDiffer")),
    },
  });

  const change = useChangePassword();

  return (
    <Stack maw={720}>
      <PageTitle>{t("account.title")}</PageTitle>
      <Text>{t("account.intro")}</Text>
      <Anchor component={Link} to="/security">
        {t("account.twoStep")}
      </Anchor>
      <Paper withBorder p="lg">
        <form
          noValidate
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
            change.mutate(
              { currentPassword, newPassword },
              {
                onSuccess: () => {
                  const state: RouteState = { flash: "passwordChanged" };
                  navigate("/sign-in", { replace: true, state });
                },
                onError: (error) => applyFieldErrors(form, error),
              },
            ),
          )}
        >
          <Stack>
            <ErrorAlert error={change.error} />
            <PasswordInput
              label={t("fields.currentPassword")}
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("fields.newPassword")}
              description={t("passwordHint", { count: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              required
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={t("fields.confirmPassword")}
              autoComplete="new-password"
              required
              {...form.getInputProps("confirmPassword")}
            />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: "flex-start" }}>
              {t("account.submit")}
            </Button>
          </Stack>
        </form>
      </Paper>
      <SignInSecurity />
      <MyPhotoConsent />
    </Stack>
  );
}
