import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { ReasonDialog } from "../../ui/ReasonDialog";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { paperFormsHref, useLiftRestriction, usePupilConsent, useRestrict } from "./consentApi";
import { yearLabel } from "./GroupPicker";
import { RecordAnswersButton } from "./RecordAnswersButton";
import { reasonText } from "./reasonText";
import { StatusMark } from "./StatusMark";
import type { ConsentAnswer, PupilConsentView, StatusView } from "./types";

/** One pupil's consent: each purpose's status and why, the restriction if any, and every answer kept. */
export function PupilConsentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data: me } = useMe();
  const consent = usePupilConsent(id);
  const data = consent.data;
  return (
    <Stack>
      <RouterLink
        to={data?.pupil.regGroup ? `/consent?class=${encodeURIComponent(data.pupil.regGroup)}` : "/consent"}
      >
        {t("consent.pupil.back")}
      </RouterLink>
      {consent.isPending && <SectionLoader />}
      {isApiError(consent.error, 404) ? (
        <Alert color="red" role="alert">
          {t("consent.pupil.notFound")}
        </Alert>
      ) : (
        <ErrorAlert error={consent.error} />
      )}
      {data && (
        <>
          <PageTitle>{data.pupil.name}</PageTitle>
          <Text>
            {[
              data.pupil.regGroup && t("consent.pupil.class", { group: data.pupil.regGroup }),
              data.pupil.yearGroup && yearLabel(t, data.pupil.yearGroup),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          <Restriction consent={data} />
          <Group gap="sm">
            {can(me, "consent.record") && <RecordAnswersButton consent={data} />}
            {can(me, "consent.manage") && (
              <Button
                component="a"
                variant="default"
                href={paperFormsHref({ pupilId: data.pupil.id })}
                download
              >
                {t("consent.pupil.paperForm")}
              </Button>
            )}
            {data.canRestrict && !data.restricted && (
              <RestrictButton pupilId={data.pupil.id} name={data.pupil.name} />
            )}
            {data.canRestrict && data.restricted && (
              <LiftButton pupilId={data.pupil.id} name={data.pupil.name} />
            )}
          </Group>
          <Statuses purposes={data.purposes} restricted={data.restricted} />
          <History history={data.history} consent={data} />
        </>
      )}
    </Stack>
  );
}

function Restriction({ consent }: { consent: PupilConsentView }) {
  const { t } = useTranslation();
  const { restriction } = consent;
  if (!consent.restricted || !restriction) return null;
  return (
    <Alert color="grape" variant="light" title={t("consent.pupil.restrictedTitle")}>
      <Stack gap={4}>
        <Text>{t("consent.pupil.restrictedBody")}</Text>
        <Text size="sm">
          {restriction.by
            ? t("consent.pupil.restrictedSinceBy", {
                date: formatDateTime(restriction.since),
                name: restriction.by,
              })
            : t("consent.pupil.restrictedSince", { date: formatDateTime(restriction.since) })}
        </Text>
        {/* The reason reaches only the DSL, deputies and the headteacher: the API sends null to anyone else. */}
        {restriction.reason && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t("consent.pupil.restrictionReason")}
            </Text>{" "}
            {restriction.reason}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function Statuses({ purposes, restricted }: { purposes: StatusView[]; restricted: boolean }) {
  const { t } = useTranslation();
  const columns: Column<StatusView>[] = [
    { header: t("consent.pupil.purpose"), rowHeader: true, cell: (s) => s.name, minWidth: 160 },
    {
      header: t("consent.pupil.status"),
      cell: (s) => <StatusMark status={s.status} restricted={restricted} />,
      minWidth: 110,
    },
    { header: t("consent.pupil.reason"), cell: (s) => reasonText(t, s.reason, s.since), minWidth: 160 },
    {
      header: t("consent.pupil.since"),
      cell: (s) => (s.since ? formatDateTime(s.since) : "—"),
      minWidth: 140,
    },
    { header: t("consent.pupil.basis"), cell: (s) => t(`consent.basis.${s.basis}`), minWidth: 120 },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="sm">
        {t("consent.pupil.statusHeading")}
      </Title>
      <DataTable rows={purposes} rowKey={(s) => s.key} columns={columns} />
    </Paper>
  );
}

function History({ history, consent }: { history: ConsentAnswer[]; consent: PupilConsentView }) {
  const { t } = useTranslation();
  const purposeName = (key: string) => consent.purposes.find((p) => p.key === key)?.name ?? key;
  const columns: Column<ConsentAnswer>[] = [
    { header: t("consent.history.when"), cell: (a) => formatDateTime(a.answeredAt), minWidth: 140 },
    {
      header: t("consent.history.purpose"),
      rowHeader: true,
      cell: (a) => purposeName(a.purposeKey),
      minWidth: 140,
    },
    {
      header: t("consent.history.answer"),
      cell: (a) => t(a.answer === "yes" ? "consent.status.yes" : "consent.status.no"),
    },
    { header: t("consent.history.by"), cell: (a) => a.by, minWidth: 140 },
    { header: t("consent.history.method"), cell: (a) => t(`consent.method.${a.method}`), minWidth: 110 },
    { header: t("consent.history.note"), cell: (a) => a.note ?? "", minWidth: 140 },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">
        {t("consent.history.heading")}
      </Title>
      <Text size="sm" mb="sm">
        {t("consent.history.intro")}
      </Text>
      <DataTable rows={history} columns={columns} empty={<Text>{t("consent.history.empty")}</Text>} />
    </Paper>
  );
}

function RestrictButton({ pupilId, name }: { pupilId: string; name: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const restrict = useRestrict(pupilId);
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpened(true)}>
        {t("consent.restrict.button")}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t("consent.restrict.title", { name })}
        explain={t("consent.restrict.explain")}
        label={t("consent.restrict.reason")}
        hint={t("consent.restrict.hint")}
        requiredMessage={t("consent.restrict.reasonRequired")}
        confirm={t("consent.restrict.confirm")}
        pending={restrict.isPending}
        error={restrict.error}
        onReason={(reason) =>
          restrict.mutate(reason, {
            onSuccess: () => {
              setOpened(false);
              notifySuccess(t("consent.restrict.done", { name }));
            },
          })
        }
      />
    </>
  );
}

function LiftButton({ pupilId, name }: { pupilId: string; name: string }) {
  const { t } = useTranslation();
  const lift = useLiftRestriction(pupilId);
  return (
    <ConfirmButton
      button={{ variant: "default" }}
      title={t("consent.lift.title", { name })}
      body={<Text size="sm">{t("consent.lift.explain")}</Text>}
      confirm={t("consent.lift.confirm")}
      pending={lift.isPending}
      error={lift.error}
      onConfirm={(close) =>
        lift.mutate(undefined, {
          onSuccess: () => {
            close();
            notifySuccess(t("consent.lift.done", { name }));
          },
        })
      }
    >
      {t("consent.lift.button")}
    </ConfirmButton>
  );
}
