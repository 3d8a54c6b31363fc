import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { optionLabel } from "../agreements/optionLabel";
import { useVisitorRegister, visitorsCsvHref } from "./complianceApi";
import type { VisitorEntry, VisitorRange } from "./types";

/** Who signed the visitors' agreement at a reception kiosk: who, where, when and what they chose. */
export function VisitorRegisterPage() {
  const { t } = useTranslation();
  // The dates live in the address bar, so a filtered register can be shared or bookmarked.
  const [params, setParams] = useSearchParams();
  const range: VisitorRange = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const setRange = (changes: Partial<VisitorRange>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes))
          if (value) next.set(key, value);
          else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const { data, error, isPending } = useVisitorRegister(range);
  const visitors = data?.visitors ?? [];

  // The device's name when it has one ("Reception iPad"), and when and by whom that opening was.
  const kiosk = (v: VisitorEntry) => {
    if (!v.kiosk) return t("compliance.visitors.kioskUnknown");
    const date = formatDateTime(v.kiosk.openedAt);
    const name = v.kiosk.openedBy;
    if (v.kiosk.name)
      return name
        ? t("compliance.visitors.kioskNamedBy", { device: v.kiosk.name, date, name })
        : t("compliance.visitors.kioskNamed", { device: v.kiosk.name, date });
    return name ? t("compliance.visitors.kioskBy", { date, name }) : t("compliance.visitors.kiosk", { date });
  };
  const answers = (v: VisitorEntry) =>
    v.answers.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t("compliance.visitors.noQuestions")}
      </Text>
    ) : (
      <Stack gap={2}>
        {v.answers.map((a) => (
          <Text key={a.key} size="sm">
            <Text span size="sm" c="dimmed">
              {a.label}:{" "}
            </Text>
            <Text span size="sm" fw={600}>
              {a.answer ? optionLabel(t, a.answer) : "—"}
            </Text>
          </Text>
        ))}
      </Stack>
    );
  const withdrawn = (v: VisitorEntry) =>
    v.withdrawnAt && (
      <Badge color="orange" tt="none" size="sm">
        {t("compliance.visitors.withdrawn")}
      </Badge>
    );
  const columns: Column<VisitorEntry>[] = [
    { header: t("compliance.visitors.when"), cell: (v) => formatDateTime(v.signedAt), minWidth: 150 },
    {
      header: t("compliance.visitors.visitor"),
      rowHeader: true,
      minWidth: 180,
      cell: (v) => (
        <>
          <Group gap="xs">
            <Text fw={600}>{v.fullName}</Text>
            {withdrawn(v)}
          </Group>
          {v.organisation && (
            <Text size="xs" c="dimmed">
              {v.organisation}
            </Text>
          )}
        </>
      ),
    },
    { header: t("compliance.visitors.visiting"), cell: (v) => v.visiting ?? "", minWidth: 130 },
    {
      header: t("compliance.visitors.agreement"),
      minWidth: 180,
      cell: (v) => t("compliance.stat.title", { title: v.agreementTitle, number: v.versionNumber }),
    },
    { header: t("compliance.visitors.choices"), cell: answers, minWidth: 200 },
    { header: t("compliance.visitors.where"), cell: kiosk, minWidth: 180 },
  ];

  return (
    <Stack>
      <RouterLink to="/compliance">{t("compliance.visitors.back")}</RouterLink>
      <Group justify="space-between">
        <PageTitle>{t("compliance.visitors.title")}</PageTitle>
        <Anchor href={visitorsCsvHref(range)} download>
          {t("compliance.exportCsv")}
        </Anchor>
      </Group>
      <Text>{t("compliance.visitors.intro")}</Text>
      <Paper withBorder p="md" role="search" aria-label={t("compliance.visitors.filters")}>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="date"
            label={t("compliance.visitors.from")}
            value={range.from}
            max={range.to || undefined}
            onChange={(e) => setRange({ from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t("compliance.visitors.to")}
            value={range.to}
            min={range.from || undefined}
            onChange={(e) => setRange({ to: e.currentTarget.value })}
          />
        </SimpleGrid>
      </Paper>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data && (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t("compliance.visitors.count", { count: visitors.length })}
          </Text>
          <DataTable
            rows={visitors}
            rowKey={(v) => v.signatureId}
            columns={columns}
            striped
            scroll={{ label: t("compliance.visitors.tableLabel"), minWidth: 1000 }}
            empty={
              <Paper withBorder p="lg">
                <Text>{t("compliance.visitors.empty")}</Text>
              </Paper>
            }
            card={(v) => (
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600}>{v.fullName}</Text>
                  {withdrawn(v)}
                </Group>
                <Text size="sm">{formatDateTime(v.signedAt)}</Text>
                {(v.organisation || v.visiting) && (
                  <Text size="sm" c="dimmed">
                    {[
                      v.organisation,
                      v.visiting && t("compliance.visitors.visitingWhom", { name: v.visiting }),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                )}
                <Text size="sm">
                  {t("compliance.stat.title", { title: v.agreementTitle, number: v.versionNumber })}
                </Text>
                {answers(v)}
                <Text size="xs" c="dimmed">
                  {kiosk(v)}
                </Text>
              </Stack>
            )}
          />
        </>
      )}
    </Stack>
  );
}
