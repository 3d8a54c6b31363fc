import { Alert, Anchor, Button, Divider, Paper, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FlashMessage } from "../../ui/FlashMessage";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { RouterLink } from "../../ui/RouterLink";
import { useRouteState } from "../session/flash";
import type { Me } from "../session/sessionApi";
import { useMe } from "../session/sessionApi";
import {
  type Credentials,
  isChallenge,
  type MfaChallenge,
  ssoStartHref,
  useSecondStep,
  useSignIn,
  useSsoChoices,
} from "./authApi";

/** Where a fresh session goes: the two-step set-up first for someone who must have it and has not. */
function afterSignIn(me: Me, from: string | undefined) {
  return me.mfa.required && !me.mfa.enrolled ? "/security" : safeReturnPath(from);
}

/** The second step of a sign-in: a code from the app, a recovery code, or a passkey. */
function SecondStep({ challenge, onDone }: { challenge: MfaChallenge; onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const step = useSecondStep();
  const [useRecovery, setUseRecovery] = useState(!challenge.methods.includes("totp"));
  const [code, setCode] = useState("");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    step.mutate({ method: useRecovery ? "recovery_code" : "totp", code }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <ErrorAlert error={step.error} />
        <Text>{useRecovery ? t("signIn.recoveryIntro") : t("signIn.codeIntro")}</Text>
        {(useRecovery || challenge.methods.includes("totp")) && (
          <TextInput
            label={useRecovery ? t("signIn.recoveryCode") : t("signIn.code")}
            autoComplete="one-time-code"
            inputMode={useRecovery ? "text" : "numeric"}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            data-autofocus
          />
        )}
        <Button type="submit" loading={step.isPending && step.variables?.method !== "passkey"}>
          {t("signIn.verify")}
        </Button>
        {challenge.methods.includes("passkey") && (
          <Button
            variant="light"
            loading={step.isPending && step.variables?.method === "passkey"}
            onClick={() => step.mutate({ method: "passkey" }, { onSuccess: onDone })}
          >
            {t("signIn.usePasskey")}
          </Button>
        )}
        {challenge.methods.includes("recovery_code") && (
          <Anchor component="button" type="button" onClick={() => setUseRecovery((v) => !v)}>
            {useRecovery ? t("signIn.useApp") : t("signIn.useRecovery")}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}

/** The ways named in the SSO callback's redirect, kept to those the second step knows. */
function secondStepMethods(list: string): MfaChallenge["methods"] {
  const known: readonly string[] = ["totp", "passkey", "recovery_code"];
  return list.split(",").filter((m) => known.includes(m)) as MfaChallenge["methods"];
}

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
  const [search] = useSearchParams();
  const refused = search.get("sso");
  // Signed in with Google or Microsoft, the second step still to do: the callback says which ways.
  const ssoSecondStep = search.get("second-step");
  const [challenge, setChallenge] = useState<MfaChallenge | null>(
    ssoSecondStep ? { mfaRequired: true, methods: secondStepMethods(ssoSecondStep) } : null,
  );
  const [done, setDone] = useState(false);
  const signedIn = (reply: Me) => {
    setDone(true);
    // The two-step set-up page is given where the person was going, for its "not now".
    navigate(afterSignIn(reply, from), { replace: true, state: { from: safeReturnPath(from) } });
  };
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
      { onSuccess: (reply) => (isChallenge(reply) ? setChallenge(reply) : signedIn(reply)) },
    );
  };

  const sso = useSsoChoices(values.email);
  const providers = sso.data?.providers ?? [];
  const schools = new Set(providers.map((p) => p.schoolName));

  if (me && !signIn.isPending && !signIn.isSuccess && !done)
    return <Navigate to={afterSignIn(me, from)} replace state={{ from: safeReturnPath(from) }} />;

  return (
    <PublicLayout>
      <Stack>
        <PageTitle>{t("signIn.title")}</PageTitle>
        <FlashMessage />
        {refused && (
          <Alert color="red" role="alert">
            {t(`signIn.sso.refused.${refused}`, { defaultValue: t("signIn.sso.refused.unavailable") })}
          </Alert>
        )}
        <Paper withBorder p="lg">
          {challenge ? (
            <SecondStep challenge={challenge} onDone={signedIn} />
          ) : (
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
          )}
          {!challenge && providers.length > 0 && (
            <Stack mt="md">
              <Divider label={t("signIn.sso.or")} labelPosition="center" />
              {providers.map((p) => (
                <Button key={p.id} component="a" variant="default" href={ssoStartHref(p.id, values.email)}>
                  {t(`signIn.sso.${p.provider}`)}
                  {schools.size > 1 ? ` · ${p.schoolName}` : ""}
                </Button>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
