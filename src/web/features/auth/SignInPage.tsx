import { Button, Paper, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { api } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FlashMessage } from "../../ui/FlashMessage";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { useRouteState } from "../session/flash";
import { type Me, markSignedIn, meQueryKey, useMe } from "../session/me";

function safeReturnPath(from: string | undefined): string {
  // Only ever return to a path inside this app.
  if (!from?.startsWith("/") || from.startsWith("//") || from.startsWith("/sign-in")) return "/";
  return from;
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { from } = useRouteState();
  const { data: me } = useMe();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (v.trim() ? null : t("validation.required")),
      password: (v) => (v ? null : t("validation.required")),
    },
  });

  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => api.post<Me>("/auth/login", values),
    meta: { expectsUnauthorized: true },
    onSuccess: (signedIn) => {
      queryClient.clear();
      markSignedIn(true);
      queryClient.setQueryData(meQueryKey, signedIn);
      // The login reply may omit details /me has (permissions, school): fetch it fresh.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate(safeReturnPath(from), { replace: true });
    },
  });

  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={safeReturnPath(from)} replace />;

  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("signIn.title")}</PageTitle>
        <FlashMessage />
        <Paper withBorder p="lg">
          <form
            noValidate
            onSubmit={form.onSubmit((values) => signIn.mutate({ ...values, email: values.email.trim() }))}
          >
            <Stack>
              <ErrorAlert error={signIn.error} />
              <TextInput
                label={t("fields.email")}
                type="email"
                autoComplete="username"
                required
                {...form.getInputProps("email")}
              />
              <PasswordInput
                label={t("fields.password")}
                autoComplete="current-password"
                required
                {...form.getInputProps("password")}
              />
              <Button type="submit" loading={signIn.isPending}>
                {t("signIn.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
