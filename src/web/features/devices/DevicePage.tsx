import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { CheckoutButton } from "./CheckoutButton";
import { DeviceFormButton } from "./DeviceFormButton";
import { DeviceStatusBadge } from "./DeviceStatusBadge";
import { DisposeButton } from "./DisposeButton";
import { useCheckIn, useDevice } from "./devicesApi";
import { IncidentOpened } from "./IncidentOpened";
import { ReportButton } from "./ReportButton";
import type { DeviceDetail, DeviceEvent } from "./types";

/** A pupil's device agreement: the pledge and the parent's signature, each signed or awaited. */
function AgreementPanel({ agreement }: { agreement: NonNullable<DeviceDetail["agreement"]> }) {
  const { t } = useTranslation();
  const line = (done: boolean, text: string) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Badge
        color={done ? "#237032" : "#b34700"}
        variant="filled"
        style={{ textTransform: "none", flexShrink: 0 }}
      >
        {done ? t("devices.agreement.signed") : t("devices.agreement.waiting")}
      </Badge>
      <Text size="sm">{text}</Text>
    </Group>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="device-agreement">
      <Stack gap="xs">
        <Title order={2} size="h4" id="device-agreement">
          {t("devices.agreement.heading", { name: agreement.pupil.name })}
        </Title>
        {agreement.pupilPledge &&
          line(
            Boolean(agreement.pupilPledge.signedAt),
            agreement.pupilPledge.signedAt
              ? t("devices.agreement.pledgeSigned", {
                  title: agreement.pupilPledge.title,
                  date: formatDate(agreement.pupilPledge.signedAt),
                })
              : t("devices.agreement.pledgeWaiting", { title: agreement.pupilPledge.title }),
          )}
        {agreement.parentSignature &&
          line(
            Boolean(agreement.parentSignature.signedBy),
            agreement.parentSignature.signedBy
              ? t("devices.agreement.parentSigned", {
                  title: agreement.parentSignature.title,
                  name: agreement.parentSignature.signedBy,
                })
              : t("devices.agreement.parentWaiting", { title: agreement.parentSignature.title }),
          )}
      </Stack>
    </Paper>
  );
}

/** One device: what the QR label on it opens, so a phone is the first screen it is read on. */
export function DevicePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const device = useDevice(id);
  if (device.isPending) return <SectionLoader />;
  if (device.error)
    return (
      <Stack>
        <PageTitle>{t("devices.device.notFoundTitle")}</PageTitle>
        {isApiError(device.error, 404) ? (
          <Text>{t("devices.device.notFound")}</Text>
        ) : (
          <ErrorAlert error={device.error} />
        )}
      </Stack>
    );
  return <DeviceView device={device.data} />;
}

function DeviceView({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = can(me, "devices.manage");
  const holds = Boolean(me && device.holder?.personId === me.id);
  const checkIn = useCheckIn(device.id);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const gone = device.status === "disposed";
  const canReport = (manage || holds) && !gone && device.status !== "lost" && device.status !== "stolen";

  return (
    <Stack maw={720}>
      <Stack gap={4}>
        {can(me, "devices.read") && (
          <Anchor component={RouterLink} to="/devices" size="sm">
            {t("devices.device.back")}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {[t(`devices.type.${device.type}`), device.makeModel].filter(Boolean).join(" · ")}
        </Text>
        <Group gap="md" align="center">
          <PageTitle>{device.assetTag}</PageTitle>
          <DeviceStatusBadge status={device.status} size="xl" />
        </Group>
      </Stack>

      {incidentId && <IncidentOpened incidentId={incidentId} />}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("devices.device.holderHeading")}
          </Title>
          {device.holder ? (
            <>
              <Text size="lg" fw={600}>
                {device.holder.name ?? t("devices.holder.class", { class: device.holder.class ?? "" })}
              </Text>
              <Text size="sm">
                {t(
                  device.holder.kind === "loan"
                    ? "devices.device.onLoanSince"
                    : "devices.device.allocatedSince",
                  {
                    date: formatDate(device.holder.since),
                  },
                )}
              </Text>
              {device.holder.dueDate && (
                <Text
                  size="sm"
                  fw={device.holder.overdue ? 700 : undefined}
                  c={device.holder.overdue ? "red.9" : undefined}
                >
                  {t(device.holder.overdue ? "devices.device.overdue" : "devices.device.due", {
                    date: formatDate(device.holder.dueDate),
                  })}
                </Text>
              )}
            </>
          ) : (
            <Text>{t(gone ? "devices.device.disposed" : "devices.device.inStore")}</Text>
          )}
        </Stack>
      </Paper>

      {device.agreement && <AgreementPanel agreement={device.agreement} />}

      {(manage || canReport) && (
        <Stack gap="sm">
          {manage && device.holder && (
            <Button
              size="md"
              loading={checkIn.isPending}
              onClick={() =>
                checkIn.mutate(undefined, {
                  onSuccess: () => notifySuccess(t("devices.device.checkedIn", { tag: device.assetTag })),
                })
              }
            >
              {t("devices.device.checkIn")}
            </Button>
          )}
          {manage && device.status === "in_store" && (
            <CheckoutButton deviceIds={[device.id]} button={{ size: "md" }} />
          )}
          <ErrorAlert error={checkIn.error} />
          <Group gap="sm" grow preventGrowOverflow={false}>
            {canReport && (
              <ReportButton deviceId={device.id} assetTag={device.assetTag} onReported={setIncidentId} />
            )}
            {manage && <DeviceFormButton device={device} button={{ variant: "default" }} />}
            {manage && !gone && <DisposeButton deviceId={device.id} assetTag={device.assetTag} />}
          </Group>
        </Stack>
      )}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("devices.device.detailsHeading")}
          </Title>
          <DetailList
            items={[
              { label: t("devices.fields.serial"), value: device.serial ?? t("common.notRecorded") },
              { label: t("devices.fields.location"), value: device.location ?? t("common.notRecorded") },
              {
                label: t("devices.fields.encrypted"),
                value: t(device.encrypted ? "devices.yes" : "devices.no"),
              },
              { label: t("devices.fields.pinSet"), value: t(device.pinSet ? "devices.yes" : "devices.no") },
              {
                label: t("devices.fields.labelled"),
                value: t(device.labelled ? "devices.yes" : "devices.no"),
              },
            ]}
          />
        </Stack>
      </Paper>

      <History events={device.history} />
    </Stack>
  );
}

function History({ events }: { events: DeviceEvent[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="device-history">
      <Title order={2} size="h4" id="device-history">
        {t("devices.device.historyHeading")}
      </Title>
      {events.length === 0 ? (
        <Text>{t("devices.device.noHistory")}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {events.map((e) => (
            <Paper key={e.id} component="li" withBorder p="sm" style={{ overflowWrap: "anywhere" }}>
              <Text fw={600} size="sm">
                {t(`devices.event.${e.kind}`, { defaultValue: e.kind })}
              </Text>
              {e.note && <Text size="sm">{e.note}</Text>}
              <Text size="xs" c="dimmed">
                {e.byName
                  ? t("devices.device.eventBy", { at: formatDateTime(e.at), name: e.byName })
                  : formatDateTime(e.at)}
              </Text>
              {e.incidentId && (
                <Anchor component={RouterLink} to={`/incidents/${e.incidentId}`} size="sm">
                  {t("devices.device.incidentLink")}
                </Anchor>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
