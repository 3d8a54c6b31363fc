import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PagePicker } from "../../ui/PagePicker";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AuditEntry } from "./AuditEntry";
import { type AuditFilters, AuditFiltersBar, emptyAuditFilters } from "./AuditFiltersBar";
import { AUDIT_PAGE_SIZE, useAuditEvents } from "./auditApi";
import { RefusedRequests } from "./RefusedRequests";
import { VerifyChain } from "./VerifyChain";

export function AuditPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
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
      <Paper withBorder p="md" component="section" aria-labelledby="audit-filters-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="audit-filters-heading">
            {t("audit.filters.heading")}
          </Title>
          <AuditFiltersBar
            onChange={(next) => {
              setFilters(next);
              setPage(1);
            }}
          />
        </Stack>
      </Paper>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data && (
        <>
          <Text role="status" size="sm" c="dimmed">
            {t("audit.count", { count: data.total })}
          </Text>
          <Stack
            component="ol"
            aria-label={t("audit.listLabel")}
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
          >
            {data.events.map((event) => (
              <AuditEntry key={event.id} event={event} />
            ))}
          </Stack>
          {pages > 1 && <PagePicker total={pages} value={page} onChange={setPage} />}
        </>
      )}
      {can(me, "audit.refusals") && <RefusedRequests />}
    </Stack>
  );
}
