import { Button, Paper, PasswordInput, Stack, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FlashMessage } from "../../ui/FlashMessage";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { RouterLink } from "../../ui/RouterLink";
import { useRouteState } from "../session/flash";
import { useMe } from "../session/sessionApi";
import { type Credentials, useSignIn } from "./authApi";

function safeReturnPath(from: string | undefined): string {
  // Only ever return to a path inside this app.
  if (!from?.startsWith("/") || from.startsWith("//") || from.startsWith("/sign-in")) return "/";
  return from;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { from } = useRouteState();
  const { data: me } = useMe();
  const signIn = useSignIn();
  // Two fields need no form library: the sign-in page is the first most people load, and
  // @mantine/form would add ~6 kB gzipped to it (bench/bundle.ts).
  const [values, setValues] = useState<Credentials>({ email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Credentials>>({});
  const field = (name: keyof Credentials) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Credentials> = {
      email: values.email.trim() ? undefined : t("validation.required"),
      password: values.password ? undefined : t("validation.required"),
    };
    setErrors(found);
    if (found.email || found.password) return;
    signIn.mutate(
      { ...values, email: values.email.trim() },
      { onSuccess: () => navigate(safeReturnPath(from), { replace: true }) },
    );
  };

  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={safeReturnPath(from)} replace />;

  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("signIn.title")}</PageTitle>
        <FlashMessage />
        <Paper withBorder p="lg">
          <form noValidate onSubmit={submit}>
            <Stack>
              <ErrorAlert error={signIn.error} />
              <TextInput
                label={t("fields.email")}
                type="email"
                autoComplete="username"
                required
                {...field("email")}
              />
              <PasswordInput
                label={t("fields.password")}
                autoComplete="current-password"
                required
                {...field("password")}
              />
              <Button type="submit" loading={signIn.isPending}>
                {t("signIn.submit")}
              </Button>
              <RouterLink to="/forgot-password" size="sm">
                {t("signIn.forgotLink")}
              </RouterLink>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
