import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SecurityView, TotpSetupView } from "../../../modules/auth/schema";
import { api } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { PublicLayout } from "../../ui/PublicLayout";
import { QrCode } from "../class-sessions/QrCode";
import { useRouteState } from "../session/flash";
import { meQueryKey } from "../session/sessionApi";

const securityKey = ["me", "security"] as const;

/** Recovery codes, shown this once. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t("twoStep.recoveryTitle")}>
      <Stack gap="xs">
        <Text size="sm">{t("twoStep.recoveryIntro")}</Text>
        <SimpleGrid cols={2} spacing={4} data-testid="recovery-codes">
          {codes.map((c) => (
            <Code key={c}>{c}</Code>
          ))}
        </SimpleGrid>
      </Stack>
    </Alert>
  );
}

/**
 * Two-step sign-in: set it up (an authenticator app or a passkey), and later manage it. Shown
 * straight after the password to someone who must have it; within the grace they may put it off.
 */
export function TwoStepPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  // Sent here straight after signing in: carrying on goes where the person was going.
  const { from } = useRouteState();
  const onward = from?.startsWith("/") && !from.startsWith("//") ? from : "/";
  const queryClient = useQueryClient();
  const security = useQuery({ queryKey: securityKey, queryFn: () => api.get<SecurityView>("/me/security") });
  const [setup, setSetup] = useState<TotpSetupView | null>(null);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[]>([]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: securityKey });
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
  const begin = useMutation({
    mutationFn: () => api.post<TotpSetupView>("/me/security/totp"),
    onSuccess: setSetup,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>("/me/security/totp/confirm", { code }),
    onSuccess: (r) => {
      setSetup(null);
      setCodes(r.recoveryCodes);
      // Shown at once as set up, not only once the page's data has been fetched again.
      queryClient.setQueryData<SecurityView>(
        securityKey,
        (old) => old && { ...old, totp: true, enrolled: true },
      );
      refresh();
    },
  });
  const addPasskey = useMutation({
    mutationFn: async () => {
      const { startRegistration } = await import("@simplewebauthn/browser");
      const optionsJSON = await api.post<never>("/me/security/passkeys/options");
      const response = await startRegistration({ optionsJSON });
      return api.post<{ recoveryCodes: string[] }>("/me/security/passkeys", {
        name: t("twoStep.passkeyName"),
        response,
      });
    },
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      refresh();
    },
  });
  const removePasskey = useMutation({
    mutationFn: (id: string) => api.delete<void>(`/me/security/passkeys/${id}`),
    onSuccess: refresh,
  });
  const renew = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>("/me/security/recovery-codes"),
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      refresh();
    },
  });

  const s = security.data;
  const daysLeft = s?.enrolBy ? Math.ceil((Date.parse(s.enrolBy) - Date.now()) / 86_400_000) : null;
  const when = s?.enrolBy
    ? new Date(s.enrolBy).toLocaleDateString(i18n.language, { timeZone: "Europe/London", dateStyle: "long" })
    : "";

  return (
    <PublicLayout>
      <Stack maw={560}>
        <PageTitle>{t("twoStep.title")}</PageTitle>
        <ErrorAlert
          error={security.error ?? begin.error ?? confirm.error ?? addPasskey.error ?? renew.error}
        />
        {s && !s.enrolled && (
          <Text>
            {s.required
              ? daysLeft !== null && daysLeft > 0
                ? t("twoStep.requiredBy", { date: when })
                : t("twoStep.requiredNow")
              : t("twoStep.optional")}
          </Text>
        )}
        {codes.length > 0 && <RecoveryCodes codes={codes} />}
        {s && !s.totp && (
          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h4">
                {t("twoStep.appTitle")}
              </Title>
              {!setup ? (
                <>
                  <Text size="sm">{t("twoStep.appIntro")}</Text>
                  <Button onClick={() => begin.mutate()} loading={begin.isPending}>
                    {t("twoStep.appStart")}
                  </Button>
                </>
              ) : (
                <>
                  <Text size="sm">{t("twoStep.scan")}</Text>
                  <Group align="flex-start" wrap="wrap">
                    <QrCode value={setup.uri} label={t("twoStep.qrLabel")} size={200} />
                    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm">{t("twoStep.typeInstead")}</Text>
                      <Code data-testid="totp-secret" style={{ wordBreak: "break-all" }}>
                        {setup.secret}
                      </Code>
                    </Stack>
                  </Group>
                  <TextInput
                    label={t("twoStep.codeLabel")}
                    autoComplete="one-time-code"
                    inputMode="numeric"
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                  />
                  <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
                    {t("twoStep.confirm")}
                  </Button>
                </>
              )}
            </Stack>
          </Paper>
        )}
        {s?.totp && <Text>{t("twoStep.appDone")}</Text>}
        {s && (
          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h4">
                {t("twoStep.passkeysTitle")}
              </Title>
              <Text size="sm">{t("twoStep.passkeysIntro")}</Text>
              {s.passkeys.length > 0 && (
                <List>
                  {s.passkeys.map((p) => (
                    <List.Item key={p.id}>
                      <Group gap="xs">
                        {p.name}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => removePasskey.mutate(p.id)}
                        >
                          {t("twoStep.remove")}
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              <Button variant="light" onClick={() => addPasskey.mutate()} loading={addPasskey.isPending}>
                {t("twoStep.addPasskey")}
              </Button>
            </Stack>
          </Paper>
        )}
        {s?.enrolled && (
          <Group>
            <Button variant="default" onClick={() => renew.mutate()} loading={renew.isPending}>
              {t("twoStep.renewCodes")}
            </Button>
            <Button onClick={() => navigate(onward)}>{t("twoStep.continue")}</Button>
          </Group>
        )}
        {s && !s.enrolled && s.required && daysLeft !== null && daysLeft > 0 && (
          <Button variant="subtle" onClick={() => navigate(onward)}>
            {t("twoStep.notNow", { days: daysLeft })}
          </Button>
        )}
        {s && !s.enrolled && !s.required && (
          <Button variant="subtle" onClick={() => navigate(onward)}>
            {t("twoStep.back")}
          </Button>
        )}
      </Stack>
    </PublicLayout>
  );
}
