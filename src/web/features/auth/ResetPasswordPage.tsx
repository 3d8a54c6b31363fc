import { Button, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import type { RouteState } from "../session/flash";
import { usePasswordResetLink, useResetPassword } from "./authApi";
import { MIN_PASSWORD_LENGTH } from "./passwordRules";

/** The emailed reset link: choose a new password, then sign in with it (the reset does not sign in). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const link = usePasswordResetLink(token);
  const reset = useResetPassword(token);
  const form = useForm({
    initialValues: { password: "", confirmPassword: "" },
    validate: {
      password: (v) =>
        v.length >= MIN_PASSWORD_LENGTH
          ? null
          : t("validation.passwordLength", { count: MIN_PASSWORD_LENGTH }),
      confirmPassword: (v, values) => (v === values.password ? null : t("validation.passwordsDiffer")),
    },
  });
  const submit = form.onSubmit(({ password }) =>
    reset.mutate(password, {
      onSuccess: () => {
        const state: RouteState = { flash: "passwordReset" };
        navigate("/sign-in", { replace: true, state });
      },
      onError: (error) => applyFieldErrors(form, error),
    }),
  );
  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("signIn.reset.title")}</PageTitle>
        {link.isPending && <SectionLoader />}
        <ErrorAlert error={link.error} />
        {link.error && <RouterLink to="/forgot-password">{t("signIn.reset.askAgain")}</RouterLink>}
        {link.data && (
          <>
            <Text>{t("signIn.reset.intro", { email: link.data.email })}</Text>
            <Paper withBorder p="lg">
              <form noValidate onSubmit={submit}>
                <Stack>
                  <ErrorAlert error={reset.error} />
                  <input type="hidden" name="username" autoComplete="username" value={link.data.email} />
                  <PasswordInput
                    label={t("fields.newPassword")}
                    description={t("passwordHint", { count: MIN_PASSWORD_LENGTH })}
                    autoComplete="new-password"
                    required
                    {...form.getInputProps("password")}
                  />
                  <PasswordInput
                    label={t("fields.confirmPassword")}
                    autoComplete="new-password"
                    required
                    {...form.getInputProps("confirmPassword")}
                  />
                  <Button type="submit" loading={reset.isPending}>
                    {t("signIn.reset.submit")}
                  </Button>
                </Stack>
              </form>
            </Paper>
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
