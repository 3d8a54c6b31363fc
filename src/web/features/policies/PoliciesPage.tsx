import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { PoliciesTable } from "./PoliciesTable";
import { usePolicies } from "./policiesApi";

export function PoliciesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data, error, isPending } = usePolicies();
  const mayImport = can(me, "policies.import");
  const mayCreate = can(me, "policies.create");

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("policies.title")}</PageTitle>
        <Group gap="sm">
          {mayImport && (
            <Button component={Link} to="/policies/import" variant="default">
              {t("policies.import.open")}
            </Button>
          )}
          {mayCreate && (
            <Button component={Link} to="/policies/new">
              {t("policies.new")}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data &&
        (data.policies.length === 0 ? (
          <Paper withBorder p="lg">
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t("policies.empty.title")}
              </Title>
              <Text>{mayImport || mayCreate ? t("policies.empty.manage") : t("policies.empty.read")}</Text>
            </Stack>
          </Paper>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("policies.count", { count: data.policies.length })}
            </Text>
            <PoliciesTable policies={data.policies} />
          </>
        ))}
    </Stack>
  );
}
