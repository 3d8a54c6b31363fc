import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { usePermitted } from "./requestsApi";
import type { PermissionView } from "./types";

/** What is permitted now, by person, with what ends within 30 days marked. */
export function RegisterPage() {
  const { t } = useTranslation();
  const register = usePermitted();
  const columns: Column<PermissionView>[] = [
    { header: t("requests.register.person"), rowHeader: true, minWidth: 150, cell: (p) => p.person.name },
    {
      header: t("requests.register.type"),
      minWidth: 200,
      link: (p) => `/requests/${p.requestId}`,
      cell: (p) => p.type.name,
    },
    { header: t("requests.register.conditions"), minWidth: 200, cell: (p) => p.conditions ?? "" },
    { header: t("requests.register.approvedBy"), minWidth: 140, cell: (p) => p.approvedBy.name },
    {
      header: t("requests.register.until"),
      minWidth: 150,
      cell: (p) => (
        <Group gap="xs">
          <span>{p.validUntil ? formatDate(p.validUntil) : t("requests.view.noEnd")}</span>
          {p.expiresSoon && (
            <Badge color="orange" tt="none">
              {t("requests.register.endsSoon")}
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <PageTitle>{t("requests.register.title")}</PageTitle>
      <Text>{t("requests.register.intro")}</Text>
      <ErrorAlert error={register.error} />
      {register.isPending && <SectionLoader />}
      {register.data && (
        <>
          <DataTable
            rows={register.data.permissions}
            rowKey={(p) => p.requestId}
            columns={columns}
            empty={<Text>{t("requests.register.empty")}</Text>}
          />
          {register.data.byType.length > 0 && (
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t("requests.register.byType")}
              </Title>
              <ul style={{ margin: 0 }}>
                {register.data.byType.map((x) => (
                  <li key={x.key}>
                    {x.name}: {t("requests.register.count", { count: x.requestIds.length })}
                  </li>
                ))}
              </ul>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
