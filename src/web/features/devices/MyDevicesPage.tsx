import { Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { DeviceStatusBadge } from "./DeviceStatusBadge";
import { useMyDevices } from "./devicesApi";
import { IncidentOpened } from "./IncidentOpened";
import { ReportButton } from "./ReportButton";
import type { Device } from "./types";

/** The school devices a member holds, each with a way to say it is lost, stolen or damaged. */
export function MyDevicesPage() {
  const { t } = useTranslation();
  const mine = useMyDevices();
  const [incidentId, setIncidentId] = useState<string | null>(null);
  return (
    <Stack maw={720}>
      <PageTitle>{t("devices.mine.title")}</PageTitle>
      <Text>{t("devices.mine.intro")}</Text>
      {incidentId && <IncidentOpened incidentId={incidentId} />}
      <ErrorAlert error={mine.error} />
      {mine.isPending && <SectionLoader />}
      {mine.data && mine.data.length === 0 && <Text>{t("devices.mine.empty")}</Text>}
      {mine.data && mine.data.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {mine.data.map((d) => (
            <MyDevice key={d.id} device={d} onReported={setIncidentId} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MyDevice({ device, onReported }: { device: Device; onReported: (id: string) => void }) {
  const { t } = useTranslation();
  const holder = device.holder;
  const reportable = !["lost", "stolen", "disposed"].includes(device.status);
  return (
    <Paper component="li" withBorder p="md" style={{ overflowWrap: "anywhere" }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <RouterLink to={`/devices/${device.id}`} fw={700} size="lg">
              {device.assetTag}
            </RouterLink>
            <Text size="sm" c="dimmed">
              {[t(`devices.type.${device.type}`), device.makeModel].filter(Boolean).join(" · ")}
            </Text>
          </Stack>
          <DeviceStatusBadge status={device.status} />
        </Group>
        {holder && (
          <Text size="sm">
            {t(holder.kind === "loan" ? "devices.device.onLoanSince" : "devices.device.allocatedSince", {
              date: formatDate(holder.since),
            })}
          </Text>
        )}
        {holder?.dueDate && (
          <Text size="sm" fw={holder.overdue ? 700 : undefined} c={holder.overdue ? "red.9" : undefined}>
            {t(holder.overdue ? "devices.device.overdue" : "devices.device.due", {
              date: formatDate(holder.dueDate),
            })}
          </Text>
        )}
        {reportable && (
          <Group>
            <ReportButton deviceId={device.id} assetTag={device.assetTag} onReported={onReported} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
