import { Alert, Button, Paper, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { RouterLink } from "../../ui/RouterLink";
import { useRequestPasswordReset } from "./authApi";

/** "Forgot your password?": ask for a link by email. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const request = useRequestPasswordReset();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) return setError(t("validation.required"));
    request.mutate(email.trim());
  };
  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("signIn.forgot.title")}</PageTitle>
        {request.isSuccess ? (
          <Alert color="green" role="status" title={t("signIn.forgot.sentTitle")}>
            {t("signIn.forgot.sent")}
          </Alert>
        ) : (
          <>
            <Text>{t("signIn.forgot.intro")}</Text>
            <Paper withBorder p="lg">
              <form noValidate onSubmit={submit}>
                <Stack>
                  <ErrorAlert error={request.error} />
                  <TextInput
                    label={t("fields.email")}
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    error={error}
                    onChange={(e) => {
                      setEmail(e.currentTarget.value);
                      setError(undefined);
                    }}
                  />
                  <Button type="submit" loading={request.isPending}>
                    {t("signIn.forgot.submit")}
                  </Button>
                </Stack>
              </form>
            </Paper>
          </>
        )}
        <RouterLink to="/sign-in">{t("signIn.forgot.back")}</RouterLink>
      </Stack>
    </PublicLayout>
  );
}
