import { Badge, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useConfirmRemoval, useRemovals } from "./consentApi";
import type { Removal } from "./types";

/**
 * Images to take down: when a carer withdraws consent, the website and social media managers
 * remove what is already published, and say so here.
 */
export function RemovalsPage() {
  const { t } = useTranslation();
  const removals = useRemovals();
  const confirm = useConfirmRemoval();
  const rows = removals.data?.removals ?? [];
  const waiting = rows.filter((r) => !r.confirmedAt).length;
  const columns: Column<Removal>[] = [
    {
      header: t("consent.removals.pupil"),
      rowHeader: true,
      minWidth: 150,
      cell: (r) => <Text fw={600}>{r.pupilName}</Text>,
    },
    { header: t("consent.removals.purpose"), cell: (r) => r.purposeName, minWidth: 140 },
    { header: t("consent.removals.withdrawn"), cell: (r) => formatDateTime(r.withdrawnAt), minWidth: 140 },
    { header: t("consent.removals.who"), cell: (r) => r.managerName, minWidth: 140 },
    {
      header: t("consent.removals.done"),
      minWidth: 150,
      cell: (r) =>
        r.confirmedAt ? (
          <Badge color="green" tt="none" leftSection={<span aria-hidden="true">✓</span>}>
            {t("consent.removals.confirmedOn", { date: formatDateTime(r.confirmedAt) })}
          </Badge>
        ) : (
          <Button
            size="compact-md"
            aria-label={t("consent.removals.confirmFor", { pupil: r.pupilName, purpose: r.purposeName })}
            loading={confirm.isPending && confirm.variables === r.id}
            onClick={() =>
              confirm.mutate(r.id, {
                onSuccess: () =>
                  notifySuccess(
                    t("consent.removals.confirmed", { pupil: r.pupilName, purpose: r.purposeName }),
                  ),
              })
            }
          >
            {t("consent.removals.confirm")}
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <RouterLink to="/consent">{t("consent.settings.back")}</RouterLink>
      <PageTitle>{t("consent.removals.title")}</PageTitle>
      <Text>{t("consent.removals.intro")}</Text>
      <ErrorAlert error={removals.error ?? confirm.error} />
      {removals.isPending && <SectionLoader />}
      {removals.data && (
        <>
          <Text fw={600} role="status">
            {t("consent.removals.waiting", { count: waiting })}
          </Text>
          <DataTable rows={rows} columns={columns} empty={<Text>{t("consent.removals.empty")}</Text>} />
        </>
      )}
    </Stack>
  );
}
