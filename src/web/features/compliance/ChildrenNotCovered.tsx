import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import type { ComplianceAgreement, UncoveredChild } from "./types";

/**
 * For each parents' agreement, the children no carer has signed for yet, with the carers who
 * could (and which of them the school cannot email), so the office knows whom to ring.
 */
export function ChildrenNotCovered({
  agreements,
  uncovered,
}: {
  agreements: ComplianceAgreement[];
  uncovered: Record<string, UncoveredChild[]>;
}) {
  const { t } = useTranslation();
  const forParents = agreements.filter((a) => a.children && a.children.required > 0);
  if (forParents.length === 0) return null;
  const carers = (child: UncoveredChild) =>
    child.carers.length === 0 ? (
      <Text size="sm">{t("compliance.children.noCarer")}</Text>
    ) : (
      <Stack gap={4}>
        {child.carers.map((c) => (
          <Group key={c.id} gap="xs" wrap="wrap">
            <Text size="sm">
              {c.relationship
                ? t("compliance.children.carer", { name: c.name, relationship: c.relationship })
                : c.name}
            </Text>
            {!c.hasEmail && (
              <Badge color="orange" tt="none" size="sm">
                {t("compliance.children.noEmail")}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    );
  const columns: Column<UncoveredChild>[] = [
    { header: t("compliance.children.child"), rowHeader: true, cell: (c) => <Text fw={600}>{c.name}</Text> },
    { header: t("fields.regGroup"), cell: (c) => [c.regGroup, c.yearGroup].filter(Boolean).join(" · ") },
    { header: t("compliance.children.carers"), cell: carers },
  ];
  return (
    <Stack component="section" aria-labelledby="children-not-covered-heading">
      <Title order={2} size="h3" id="children-not-covered-heading">
        {t("compliance.children.heading")}
      </Title>
      <Text size="sm">{t("compliance.children.intro")}</Text>
      {forParents.map((a) => {
        const open = uncovered[a.id] ?? [];
        return (
          <Stack key={a.id} gap="xs">
            <Title order={3} size="h5" style={{ overflowWrap: "anywhere" }}>
              {t("compliance.children.forAgreement", {
                title: a.title,
                count: open.length,
              })}
            </Title>
            <DataTable
              rows={open}
              columns={columns}
              striped
              empty={
                <Paper withBorder p="sm">
                  <Text size="sm">{t("compliance.children.none")}</Text>
                </Paper>
              }
              card={(c) => (
                <Stack gap={4}>
                  <Text fw={600}>{c.name}</Text>
                  {(c.regGroup || c.yearGroup) && (
                    <Text size="sm" c="dimmed">
                      {[c.regGroup, c.yearGroup].filter(Boolean).join(" · ")}
                    </Text>
                  )}
                  {carers(c)}
                </Stack>
              )}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
