import {
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CATEGORIES } from "../../../modules/incidents/schema";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { ownSubmit } from "../../ui/ownSubmit";
import { PageTitle } from "../../ui/PageTitle";
import { ReasonDialog } from "../../ui/ReasonDialog";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { ALERT_FIELDS, type AlertField, csvHeadings, guessMapping } from "./csvHeadings";
import { useAlerts, useAlertToIncident, useDismissAlert, useImportAlerts } from "./incidentsApi";
import { categoryLabel } from "./labels";
import type { Alert } from "./types";

/** Monitoring alerts from the school's filtering product: import them, then dismiss or act on each. */
export function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useAlerts();
  const all = alerts.data?.alerts ?? [];
  const waiting = all.filter((a) => a.status === "new");
  const dealtWith = all.filter((a) => a.status !== "new");
  return (
    <Stack gap="lg">
      <PageTitle>{t("incidents.alerts.title")}</PageTitle>
      <Text>{t("incidents.alerts.intro")}</Text>
      <ImportAlerts />
      <ErrorAlert error={alerts.error} />
      {alerts.isPending ? (
        <SectionLoader />
      ) : (
        <>
          <Stack gap="sm" component="section" aria-labelledby="alerts-waiting">
            <Title order={2} size="h3" id="alerts-waiting">
              {t("incidents.alerts.waiting", { count: waiting.length })}
            </Title>
            {waiting.length === 0 ? (
              <Text c="dimmed">{t("incidents.alerts.noneWaiting")}</Text>
            ) : (
              <AlertCards alerts={waiting} />
            )}
          </Stack>
          {dealtWith.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="alerts-done">
              <Title order={2} size="h3" id="alerts-done">
                {t("incidents.alerts.dealtWith")}
              </Title>
              <AlertCards alerts={dealtWith} />
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function ImportAlerts() {
  const { t } = useTranslation();
  const importAlerts = useImportAlerts();
  const [csv, setCsv] = useState("");
  const [mapping, setMapping] = useState<Partial<Record<AlertField, string>>>({});
  const headings = useMemo(() => csvHeadings(csv), [csv]);
  const [missing, setMissing] = useState(false);

  const changeCsv = (text: string) => {
    setCsv(text);
    setMapping(guessMapping(csvHeadings(text)));
  };
  const submit = () => {
    if (!mapping.time || !mapping.capture) return setMissing(true);
    setMissing(false);
    importAlerts.mutate(
      { csv, mapping: { ...mapping, time: mapping.time, capture: mapping.capture } },
      {
        onSuccess: (done) => {
          notifySuccess(
            t("incidents.alerts.imported", { count: done.imported, duplicates: done.duplicates }),
          );
          setCsv("");
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="alerts-import">
      <Stack gap="sm">
        <Title order={2} size="h4" id="alerts-import">
          {t("incidents.alerts.importTitle")}
        </Title>
        <Textarea
          label={t("incidents.alerts.paste")}
          description={t("incidents.alerts.pasteHint")}
          autosize
          minRows={3}
          maxRows={10}
          value={csv}
          onChange={(e) => changeCsv(e.currentTarget.value)}
          styles={{ input: { fontFamily: "monospace" } }}
        />
        <FileButton
          onChange={(file) => file && void file.text().then(changeCsv)}
          accept=".csv,text/csv,text/plain"
        >
          {(props) => (
            <Button variant="default" {...props} style={{ alignSelf: "flex-start" }}>
              {t("incidents.alerts.upload")}
            </Button>
          )}
        </FileButton>
        {headings.length > 0 && (
          <>
            <Text size="sm">{t("incidents.alerts.mapExplain")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
              {ALERT_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={t(`incidents.alerts.fields.${field}`)}
                  required={field === "time" || field === "capture"}
                  data={headings}
                  value={mapping[field] ?? null}
                  onChange={(v) => setMapping((m) => ({ ...m, [field]: v ?? undefined }))}
                  clearable={field !== "time" && field !== "capture"}
                  error={
                    missing && !mapping[field] && (field === "time" || field === "capture")
                      ? t("incidents.alerts.fieldRequired")
                      : null
                  }
                />
              ))}
            </SimpleGrid>
          </>
        )}
        <ErrorAlert error={importAlerts.error} />
        <Button
          onClick={submit}
          disabled={!csv.trim()}
          loading={importAlerts.isPending}
          style={{ alignSelf: "flex-start" }}
        >
          {t("incidents.alerts.import")}
        </Button>
      </Stack>
    </Paper>
  );
}

function AlertCards({ alerts }: { alerts: Alert[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {alerts.map((alert) => (
        <Paper key={alert.id} component="li" withBorder p="md">
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                {alert.capture}
              </Text>
              {alert.severity && (
                <Badge color="orange" variant="light">
                  {alert.severity}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {t("incidents.alerts.where", {
                at: formatDateTime(alert.at),
                user: alert.user ?? t("incidents.alerts.unknown"),
                device: alert.device ?? t("incidents.alerts.unknown"),
              })}
            </Text>
            {alert.status === "new" ? (
              <Group gap="xs">
                <MakeIncidentButton alert={alert} />
                <DismissButton alert={alert} />
              </Group>
            ) : alert.status === "dismissed" ? (
              <Text size="sm">{t("incidents.alerts.dismissedBecause", { reason: alert.reason ?? "" })}</Text>
            ) : (
              alert.incidentId && (
                <RouterLink to={`/incidents/${alert.incidentId}`} size="sm">
                  {t("incidents.alerts.openIncident")}
                </RouterLink>
              )
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function DismissButton({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const dismiss = useDismissAlert();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="default"
        size="sm"
        onClick={open}
        aria-label={t("incidents.alerts.dismissLabel", { capture: alert.capture })}
      >
        {t("incidents.alerts.dismiss")}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t("incidents.alerts.dismissTitle")}
        explain={t("incidents.alerts.dismissExplain", { capture: alert.capture })}
        label={t("incidents.alerts.reason")}
        requiredMessage={t("incidents.alerts.reasonRequired")}
        confirm={t("incidents.alerts.dismiss")}
        pending={dismiss.isPending}
        error={dismiss.error}
        onReason={(reason) =>
          dismiss.mutate(
            { id: alert.id, reason },
            {
              onSuccess: () => {
                notifySuccess(t("incidents.alerts.dismissed"));
                close();
              },
            },
          )
        }
      />
    </>
  );
}

function MakeIncidentButton({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toIncident = useAlertToIncident();
  const [opened, { open, close }] = useDisclosure(false);
  const [category, setCategory] = useState<string | null>("inappropriate_content");
  const [summary, setSummary] = useState("");
  return (
    <>
      <Button
        size="sm"
        onClick={open}
        aria-label={t("incidents.alerts.makeIncidentLabel", { capture: alert.capture })}
      >
        {t("incidents.alerts.makeIncident")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("incidents.alerts.makeIncidentTitle")}>
        <form
          noValidate
          onSubmit={ownSubmit((event) => {
            event?.preventDefault();
            if (!category) return;
            toIncident.mutate(
              {
                id: alert.id,
                category: category as (typeof CATEGORIES)[number],
                summary: summary.trim().length >= 10 ? summary.trim() : undefined,
              },
              {
                onSuccess: (reported) => {
                  notifySuccess(t("incidents.alerts.madeIncident", { reference: reported.reference }));
                  close();
                  navigate(`/incidents/${reported.id}`);
                },
              },
            );
          })}
        >
          <Stack>
            <Select
              label={t("incidents.report.category")}
              data={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
              value={category}
              onChange={setCategory}
              allowDeselect={false}
              required
            />
            <Textarea
              label={t("incidents.alerts.summary")}
              description={t("incidents.alerts.summaryHint")}
              autosize
              minRows={3}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
            />
            <ErrorAlert error={toIncident.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={toIncident.isPending}>
                {t("incidents.alerts.makeIncident")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
