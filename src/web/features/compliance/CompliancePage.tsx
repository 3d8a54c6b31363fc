import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PagePicker } from "../../ui/PagePicker";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { ChildrenNotCovered } from "./ChildrenNotCovered";
import { ComplianceFiltersBar } from "./ComplianceFiltersBar";
import { ComplianceStats } from "./ComplianceStats";
import { ComplianceTable } from "./ComplianceTable";
import { complianceCsvHref, useCompliance } from "./complianceApi";
import { PersonSignaturesDrawer } from "./PersonSignaturesDrawer";
import type { ComplianceMatrix, CompliancePerson } from "./types";
import { useComplianceFilters } from "./useComplianceFilters";

const PAGE_SIZE = 50;

export function CompliancePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { filters, update } = useComplianceFilters();
  const { data, error, isPending } = useCompliance(filters);
  // Kept from the last answer, so the pick lists stay put while a new filter loads.
  const [options, setOptions] = useState<ComplianceMatrix["options"]>({ departments: [], regGroups: [] });
  if (data?.options && data.options !== options) setOptions(data.options);
  const [page, setPage] = useState(1);
  const [person, setPerson] = useState<CompliancePerson | null>(null);
  // Only people asked to sign at least one agreement belong in the table.
  const people = (data?.people ?? []).filter((p) =>
    Object.values(p.cells).some((c) => c.status !== "not_required"),
  );
  const pages = Math.max(1, Math.ceil(people.length / PAGE_SIZE));
  const shown = people.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("compliance.title")}</PageTitle>
        <Group gap="lg">
          {can(me, "visitors.read") && (
            <RouterLink to="/compliance/visitors">{t("compliance.visitors.title")}</RouterLink>
          )}
          <Anchor href={complianceCsvHref(filters)} download>
            {t("compliance.exportCsv")}
          </Anchor>
        </Group>
      </Group>
      <Text>{t("compliance.intro")}</Text>
      <Paper withBorder p="md" role="search" aria-label={t("compliance.filters.label")}>
        <ComplianceFiltersBar
          filters={filters}
          options={options}
          onChange={(changes) => {
            update(changes);
            setPage(1);
          }}
        />
      </Paper>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data &&
        (data.agreements.length === 0 ? (
          <Paper withBorder p="lg">
            <Text>{t("compliance.empty")}</Text>
          </Paper>
        ) : (
          <>
            <Stack component="section" aria-labelledby="compliance-summary-heading">
              <Title order={2} size="h3" id="compliance-summary-heading">
                {t("compliance.summaryHeading")}
              </Title>
              <ComplianceStats
                agreements={data.agreements}
                mayRemind={can(me, "agreements.manage")}
                mayReadVisitors={can(me, "visitors.read")}
              />
            </Stack>
            <ChildrenNotCovered agreements={data.agreements} uncovered={data.childrenNotCovered} />
            <Stack component="section" aria-labelledby="compliance-people-heading">
              <Title order={2} size="h3" id="compliance-people-heading">
                {t("compliance.peopleHeading")}
              </Title>
              <Text size="sm" c="dimmed" role="status">
                {t("compliance.count", { count: people.length })}
              </Text>
              <ComplianceTable agreements={data.agreements} people={shown} onOpenPerson={setPerson} />
              {pages > 1 && <PagePicker total={pages} value={Math.min(page, pages)} onChange={setPage} />}
            </Stack>
          </>
        ))}
      <PersonSignaturesDrawer
        person={person}
        agreements={data?.agreements ?? []}
        onClose={() => setPerson(null)}
      />
    </Stack>
  );
}
