import { Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useRequests } from "./requestsApi";
import { StatusBadge } from "./StatusBadge";
import type { RequestSummaryView } from "./types";

function RequestTable({
  rows,
  withRequester,
  empty,
}: {
  rows: RequestSummaryView[];
  withRequester: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const columns: Column<RequestSummaryView>[] = [
    {
      header: t("requests.mine.type"),
      rowHeader: true,
      minWidth: 200,
      link: (r) => `/requests/${r.id}`,
      cell: (r) => r.type.name,
    },
    ...(withRequester
      ? [
          {
            header: t("requests.mine.requester"),
            minWidth: 140,
            cell: (r: RequestSummaryView) => r.requester.name,
          },
        ]
      : []),
    { header: t("requests.mine.made"), minWidth: 120, cell: (r) => formatDate(r.madeAt) },
    { header: t("requests.mine.status"), minWidth: 160, cell: (r) => <StatusBadge status={r.status} /> },
    // Only a decided request has an end date: those waiting to be decided have none to show.
    ...(withRequester
      ? []
      : [
          {
            header: t("requests.mine.until"),
            minWidth: 120,
            cell: (r: RequestSummaryView) => (r.validUntil ? formatDate(r.validUntil) : ""),
          },
        ]),
  ];
  return <DataTable rows={rows} columns={columns} empty={<Text>{empty}</Text>} />;
}

/** The requests I have made, newest first. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const list = useRequests();
  return (
    <Stack>
      <PageTitle>{t("requests.mine.title")}</PageTitle>
      <Button component={Link} to="/requests/new" style={{ alignSelf: "flex-start" }}>
        {t("requests.mine.ask")}
      </Button>
      <ErrorAlert error={list.error} />
      {list.isPending && <SectionLoader />}
      {list.data && (
        <RequestTable rows={list.data.mine} withRequester={false} empty={t("requests.mine.empty")} />
      )}
    </Stack>
  );
}

/** Requests a role I hold approves, waiting for a decision, oldest first. */
export function DecidePage() {
  const { t } = useTranslation();
  const list = useRequests();
  return (
    <Stack>
      <PageTitle>{t("requests.decide.title")}</PageTitle>
      <Text>{t("requests.decide.intro")}</Text>
      <ErrorAlert error={list.error} />
      {list.isPending && <SectionLoader />}
      {list.data && (
        <RequestTable rows={list.data.toDecide} withRequester empty={t("requests.decide.empty")} />
      )}
    </Stack>
  );
}
