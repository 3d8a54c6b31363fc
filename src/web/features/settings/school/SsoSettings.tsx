import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SsoProviderKind, SsoProviderView } from "../../../../modules/auth/schema";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { fieldErrorsOf } from "../../../ui/fieldErrorsOf";
import { notifySuccess } from "../../../ui/notify";
import { SectionLoader } from "../../../ui/SectionLoader";
import { useRemoveSsoProvider, useSaveSsoProvider, useSsoSettings } from "./ssoApi";

const PRESETS: Record<SsoProviderKind, string> = {
  google: "https://accounts.google.com",
  microsoft: "https://login.microsoftonline.com/{tenant}/v2.0",
};

/** School settings: sign-in with Google or Microsoft. The client secret is write-only. */
export function SsoSettings() {
  const { t } = useTranslation();
  const { data, error, isPending } = useSsoSettings();
  return (
    <Stack>
      <Title order={2} size="h3">
        {t("ssoSettings.title")}
      </Title>
      <Text>{t("ssoSettings.intro")}</Text>
      {isPending && <SectionLoader />}
      <ErrorAlert error={error} />
      {data && (
        <>
          <Text size="sm">
            {t("ssoSettings.redirectUri")}: <Code>{data.redirectUri}</Code>
          </Text>
          {(["google", "microsoft"] as const).map((provider) => (
            <ProviderForm
              key={provider}
              provider={provider}
              saved={data.providers.find((p) => p.provider === provider)}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

function ProviderForm({ provider, saved }: { provider: SsoProviderKind; saved?: SsoProviderView }) {
  const { t } = useTranslation();
  const [issuer, setIssuer] = useState(PRESETS[provider]);
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState("");
  const [tenantId, setTenantId] = useState("");
  const [trustsMfa, setTrustsMfa] = useState(false);
  useEffect(() => {
    if (!saved) return;
    setIssuer(saved.issuer);
    setClientId(saved.clientId);
    setDomains(saved.allowedDomains.join(", "));
    setTenantId(saved.tenantId ?? "");
    setTrustsMfa(saved.trustsMfa);
  }, [saved]);
  const save = useSaveSsoProvider(provider, () => {
    setClientSecret("");
    notifySuccess(t("ssoSettings.saved"));
  });
  const remove = useRemoveSsoProvider(provider, () => notifySuccess(t("ssoSettings.removed")));
  const errors = fieldErrorsOf(save.error);
  return (
    <Paper withBorder p="lg">
      <form
        noValidate
        aria-label={t(`ssoSettings.${provider}`)}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            clientSecret: clientSecret.trim() || undefined,
            allowedDomains: domains
              .split(/[,\s]+/)
              .map((d) => d.trim())
              .filter(Boolean),
            tenantId: provider === "microsoft" ? tenantId.trim() || null : undefined,
            trustsMfa,
          });
        }}
      >
        <Stack>
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t(`ssoSettings.${provider}`)}
            </Title>
            <Badge color={saved ? "green" : "gray"}>
              {saved ? t("ssoSettings.configured") : t("ssoSettings.notConfigured")}
            </Badge>
          </Group>
          <ErrorAlert error={save.error ?? remove.error} />
          <TextInput
            label={t("ssoSettings.issuer")}
            description={
              provider === "google" ? t("ssoSettings.issuerHintGoogle") : t("ssoSettings.issuerHintMicrosoft")
            }
            value={issuer}
            error={errors.issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t("ssoSettings.clientId")}
            value={clientId}
            error={errors.clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t("ssoSettings.clientSecret")}
            description={saved?.hasClientSecret ? t("ssoSettings.clientSecretKept") : undefined}
            value={clientSecret}
            error={errors.clientSecret}
            autoComplete="off"
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            required={!saved}
          />
          <TextInput
            label={t("ssoSettings.allowedDomains")}
            description={t("ssoSettings.allowedDomainsHint")}
            value={domains}
            error={errors.allowedDomains}
            onChange={(e) => setDomains(e.currentTarget.value)}
            required
          />
          {provider === "microsoft" && (
            <TextInput
              label={t("ssoSettings.tenantId")}
              description={t("ssoSettings.tenantIdHint")}
              value={tenantId}
              error={errors.tenantId}
              onChange={(e) => setTenantId(e.currentTarget.value)}
            />
          )}
          <Checkbox
            label={t("ssoSettings.trustsMfa")}
            description={t("ssoSettings.trustsMfaHint")}
            checked={trustsMfa}
            onChange={(e) => setTrustsMfa(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
            {saved && (
              <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t("ssoSettings.remove")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
