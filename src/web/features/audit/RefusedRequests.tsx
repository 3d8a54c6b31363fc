import { Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PagePicker } from "../../ui/PagePicker";
import { SectionLoader } from "../../ui/SectionLoader";
import { REFUSALS_PAGE_SIZE, type Refusal, useRefusals } from "./auditApi";

/** Requests Accord refused, for the school's admins: who tried what, from where and when. */
export function RefusedRequests() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useRefusals({
    limit: REFUSALS_PAGE_SIZE,
    offset: (page - 1) * REFUSALS_PAGE_SIZE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / REFUSALS_PAGE_SIZE)) : 1;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="refusals-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="refusals-heading">
          {t("audit.refusals.heading")}
        </Title>
        <Text size="sm">{t("audit.refusals.intro")}</Text>
        <ErrorAlert error={error} />
        {isPending && <SectionLoader />}
        {data && (
          <>
            <Text role="status" size="sm" c="dimmed">
              {t("audit.refusals.count", { count: data.total })}
            </Text>
            <DataTable<Refusal>
              rows={data.refusals}
              empty={<Text size="sm">{t("audit.refusals.empty")}</Text>}
              columns={[
                { header: t("audit.refusals.when"), cell: (r) => formatDateTime(r.at), rowHeader: true },
                { header: t("audit.refusals.who"), cell: (r) => r.actorName ?? t("audit.refusals.unknown") },
                {
                  header: t("audit.refusals.what"),
                  cell: (r) => (
                    <Text size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                      {r.method} {r.route}
                    </Text>
                  ),
                },
                {
                  header: t("audit.refusals.why"),
                  cell: (r) =>
                    r.status === 403 ? t("audit.refusals.forbidden") : t("audit.refusals.invalidToken"),
                },
                { header: t("audit.refusals.ip"), cell: (r) => r.ip ?? "" },
              ]}
            />
            {pages > 1 && <PagePicker total={pages} value={page} onChange={setPage} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
