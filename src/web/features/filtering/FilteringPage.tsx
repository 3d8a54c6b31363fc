import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DetailList } from "../../ui/DetailList";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate, formatShortDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { useFilteringStatus, useReviews } from "./filteringApi";
import { ResponsiblesCard } from "./ResponsiblesCard";
import type { StatusView } from "./types";

/** Filtering and monitoring: whether the review is due, who is responsible, and the reviews so far. */
export function FilteringPage() {
  const { t } = useTranslation();
  const status = useFilteringStatus();
  const reviews = useReviews();
  return (
    <Stack maw={900}>
      <PageTitle>{t("filtering.title")}</PageTitle>
      <Text>{t("filtering.intro")}</Text>
      <ErrorAlert error={status.error ?? reviews.error} />
      {status.isPending && <SectionLoader />}
      {status.data && <StatusCard status={status.data} />}
      {status.data && (
        <ResponsiblesCard
          key={JSON.stringify([status.data.leader, status.data.governor])}
          status={status.data}
        />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="filtering-reviews">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3" id="filtering-reviews">
              {t("filtering.reviews.heading")}
            </Title>
            {status.data?.canRecord && (
              <Button component={Link} to="/filtering/new">
                {t("filtering.reviews.record")}
              </Button>
            )}
          </Group>
          {reviews.data && reviews.data.reviews.length === 0 && <Text>{t("filtering.reviews.empty")}</Text>}
          {reviews.data && reviews.data.reviews.length > 0 && (
            <Table.ScrollContainer minWidth={0}>
              <Table aria-label={t("filtering.reviews.listLabel")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("filtering.reviews.date")}</Table.Th>
                    <Table.Th>{t("filtering.reviews.trigger")}</Table.Th>
                    <Table.Th>{t("filtering.reviews.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reviews.data.reviews.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <RouterLink to={`/filtering/${r.id}`}>{formatShortDate(r.reviewedOn)}</RouterLink>
                      </Table.Td>
                      <Table.Td>{t(`filtering.trigger.${r.trigger}`)}</Table.Td>
                      <Table.Td>
                        {t("filtering.reviews.actionsCount", { open: r.openActions, total: r.actions })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function StatusCard({ status }: { status: StatusView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {status.overdue && (
        <Alert color="red" variant="light" title={t("filtering.status.overdueTitle")}>
          {status.lastReviewedOn
            ? t("filtering.status.overdueSince", { date: formatDate(status.lastReviewedOn) })
            : t("filtering.status.overdueNever")}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="filtering-status">
        <Stack gap="sm">
          <Title order={2} size="h3" id="filtering-status">
            {t("filtering.status.heading")}
          </Title>
          <DetailList
            items={[
              {
                label: t("filtering.status.last"),
                value: status.lastReviewedOn
                  ? formatDate(status.lastReviewedOn)
                  : t("filtering.status.never"),
              },
              {
                label: t("filtering.status.nextDue"),
                value: status.nextDueOn ? formatDate(status.nextDueOn) : t("filtering.status.dueNow"),
              },
              {
                label: t("filtering.status.openActions"),
                value: t("filtering.status.openActionsValue", {
                  open: status.openActions,
                  overdue: status.overdueActions,
                }),
              },
            ]}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
