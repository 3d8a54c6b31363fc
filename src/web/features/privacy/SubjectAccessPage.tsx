import { Button, Group, List, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { subjectAccessHref, usePastExports, usePersonChoices } from "./privacyApi";

const CONTENTS = ["person", "signatures", "consent", "incidents", "other", "audit", "thirdParties"] as const;

/** The DPO answers a subject access request: pick the person, download the ZIP, review it before release. */
export function SubjectAccessPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 250);
  const [person, setPerson] = useState<{ value: string; label: string } | null>(null);
  const people = usePersonChoices("", query, true);
  const options = (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (person && !options.some((o) => o.value === person.value)) options.unshift(person);
  const past = usePastExports();

  return (
    <Stack maw={860}>
      <PageTitle>{t("privacy.sar.title")}</PageTitle>
      <Text>{t("privacy.sar.intro")}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="sar-export">
        <Stack gap="sm">
          <Title order={2} size="h3" id="sar-export">
            {t("privacy.sar.exportHeading")}
          </Title>
          <Select
            label={t("privacy.sar.person")}
            description={t("privacy.sar.personHint")}
            placeholder={t("privacy.sar.personPlaceholder")}
            searchable
            clearable
            data={options}
            value={person?.value ?? null}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? t("common.loading") : t("privacy.sar.noPeople")}
            onChange={(_, option) => setPerson(option ? { value: option.value, label: option.label } : null)}
          />
          <Text fw={600}>{t("privacy.sar.contentsHeading")}</Text>
          <List spacing="xs" size="sm">
            {CONTENTS.map((key) => (
              <List.Item key={key}>{t(`privacy.sar.contents.${key}`)}</List.Item>
            ))}
          </List>
          <Text size="sm">{t("privacy.sar.review")}</Text>
          <Group>
            {person ? (
              <Button
                component="a"
                href={subjectAccessHref(person.value)}
                download
                onClick={() => setTimeout(() => past.refetch(), 1500)}
              >
                {t("privacy.sar.download", { name: person.label })}
              </Button>
            ) : (
              <Button disabled>{t("privacy.sar.downloadNone")}</Button>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t("privacy.sar.audited")}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="sar-past">
        <Stack gap="sm">
          <Title order={2} size="h3" id="sar-past">
            {t("privacy.sar.pastHeading")}
          </Title>
          {past.isPending ? (
            <SectionLoader />
          ) : (past.data?.events.length ?? 0) === 0 ? (
            <Text c="dimmed">{t("privacy.sar.pastNone")}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("privacy.sar.pastWhen")}</Table.Th>
                  <Table.Th>{t("privacy.sar.pastWhose")}</Table.Th>
                  <Table.Th>{t("privacy.sar.pastBy")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {past.data?.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{e.subject ?? String(e.summary.name ?? "")}</Table.Td>
                    <Table.Td>{e.actorName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <RouterLink to="/audit" size="sm">
            {t("privacy.sar.auditLink")}
          </RouterLink>
        </Stack>
      </Paper>
    </Stack>
  );
}
