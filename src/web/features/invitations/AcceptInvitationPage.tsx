import { Button, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { SectionLoader } from "../../ui/SectionLoader";
import { MIN_PASSWORD_LENGTH } from "../auth/passwordRules";
import type { RouteState } from "../session/flash";
import { useAcceptInvitation, useInvitation } from "./invitationsApi";

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
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
  const accept = useAcceptInvitation(token, () => {
    const state: RouteState = { flash: "passwordSet" };
    navigate("/sign-in", { replace: true, state });
  });
  const submit = form.onSubmit(({ password }) =>
    accept.mutate(password, { onError: (error) => applyFieldErrors(form, error) }),
  );

  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("invitation.title")}</PageTitle>
        {invitation.isPending && <SectionLoader />}
        <ErrorAlert error={invitation.error} />
        {invitation.data && (
          <>
            <Text>{t("invitation.intro", { ...invitation.data })}</Text>
            <Paper withBorder p="lg">
              <form noValidate onSubmit={submit}>
                <Stack>
                  <ErrorAlert error={accept.error} />
                  {/* Lets password managers save the new password against the right account. */}
                  <input
                    type="hidden"
                    name="username"
                    autoComplete="username"
                    value={invitation.data.email}
                  />
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
                  <Button type="submit" loading={accept.isPending}>
                    {t("invitation.submit")}
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
