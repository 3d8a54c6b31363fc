import { Group, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PagePicker } from "../../ui/PagePicker";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { type AuditFilters, AuditFiltersBar, emptyAuditFilters } from "./AuditFiltersBar";
import { AuditTable } from "./AuditTable";
import { AUDIT_PAGE_SIZE, useAuditEvents } from "./auditApi";
import { VerifyChain } from "./VerifyChain";

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useAuditEvents({
    ...filters,
    limit: AUDIT_PAGE_SIZE,
    offset: (page - 1) * AUDIT_PAGE_SIZE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / AUDIT_PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t("audit.title")}</PageTitle>
        <VerifyChain />
      </Group>
      <Text>{t("audit.intro")}</Text>
      <Paper withBorder p="md">
        <AuditFiltersBar
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
      </Paper>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data && (
        <>
          <Text role="status" size="sm" c="dimmed">
            {t("audit.count", { count: data.total })}
          </Text>
          <AuditTable events={data.events} />
          {pages > 1 && <PagePicker total={pages} value={page} onChange={setPage} />}
        </>
      )}
    </Stack>
  );
}
