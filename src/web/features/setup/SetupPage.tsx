import { Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { MIN_PASSWORD_LENGTH } from "../auth/passwordRules";
import { useSetupStatus } from "../session/sessionApi";
import { useSetUpSchool } from "./setupApi";

interface SetupValues {
  schoolName: string;
  inTrust: boolean;
  trustName: string;
  name: string;
  email: string;
  password: string;
}

// The server names fields by their place in the body ("school.name", "admin.email").
const serverFieldToFormField: Record<string, keyof SetupValues> = {
  "school.name": "schoolName",
  "trust.name": "trustName",
  "admin.name": "name",
  "admin.email": "email",
  "admin.password": "password",
};

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: status } = useSetupStatus();
  const form = useForm<SetupValues>({
    initialValues: { schoolName: "", inTrust: false, trustName: "", name: "", email: "", password: "" },
    validate: {
      schoolName: (v) => (v.trim() ? null : t("validation.required")),
      trustName: (v, values) => (!values.inTrust || v.trim() ? null : t("validation.required")),
      name: (v) => (v.trim() ? null : t("validation.required")),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t("validation.email")),
      password: (v) =>
        v.length >= MIN_PASSWORD_LENGTH
          ? null
          : t("validation.passwordLength", { count: MIN_PASSWORD_LENGTH }),
    },
  });

  const setup = useSetUpSchool(() => {
    notifySuccess(t("setup.done"));
    navigate("/", { replace: true });
  });
  const submit = (values: SetupValues) =>
    setup.mutate(
      {
        school: { name: values.schoolName.trim() },
        ...(values.inTrust ? { trust: { name: values.trustName.trim() } } : {}),
        admin: { name: values.name.trim(), email: values.email.trim(), password: values.password },
      },
      { onError: (error) => applyFieldErrors(form, error, serverFieldToFormField) },
    );

  if (status && !status.needed && !setup.isSuccess) return <Navigate to="/sign-in" replace />;

  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("setup.title")}</PageTitle>
        <Text>{t("setup.intro")}</Text>
        <Paper withBorder p="lg">
          <form noValidate onSubmit={form.onSubmit(submit)}>
            <Stack>
              <ErrorAlert error={setup.error} />
              <Title order={2} size="h4">
                {t("setup.schoolSection")}
              </Title>
              <TextInput label={t("fields.schoolName")} required {...form.getInputProps("schoolName")} />
              <Checkbox label={t("setup.inTrust")} {...form.getInputProps("inTrust", { type: "checkbox" })} />
              {form.values.inTrust && (
                <TextInput
                  label={t("setup.trustName")}
                  description={t("setup.trustHelp")}
                  required
                  {...form.getInputProps("trustName")}
                />
              )}
              <Title order={2} size="h4">
                {t("setup.adminSection")}
              </Title>
              <TextInput
                label={t("fields.yourName")}
                autoComplete="name"
                required
                {...form.getInputProps("name")}
              />
              <TextInput
                label={t("fields.email")}
                type="email"
                autoComplete="email"
                required
                {...form.getInputProps("email")}
              />
              <PasswordInput
                label={t("fields.password")}
                description={t("passwordHint", { count: MIN_PASSWORD_LENGTH })}
                autoComplete="new-password"
                required
                {...form.getInputProps("password")}
              />
              <Button type="submit" loading={setup.isPending}>
                {t("setup.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
