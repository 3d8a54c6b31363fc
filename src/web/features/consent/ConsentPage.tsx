import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { RouterLink } from "../../ui/RouterLink";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { AskParentsButton } from "./AskParentsButton";
import { classSheetHref, exportHref, paperFormsHref, useCollection, usePupilSearch } from "./consentApi";
import { GroupPicker, groupLabel } from "./GroupPicker";
import { reasonText } from "./reasonText";
import { StatusMark } from "./StatusMark";
import type { CollectionRow, PupilGroup, PurposeView } from "./types";

/** Consent by class: each pupil × each purpose, who has answered, and the papers to print. */
export function ConsentPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manage = can(me, "consent.manage");
  // The class lives in the address bar, so a class's page can be shared or bookmarked.
  const [params, setParams] = useSearchParams();
  const group: PupilGroup = {
    class: params.get("class") ?? undefined,
    yearGroup: params.get("yearGroup") ?? undefined,
  };
  const picked = Boolean(group.class || group.yearGroup);
  const groups = usePupilSearch("", "");
  const classes = groups.data?.classes ?? [];
  const yearGroups = groups.data?.yearGroups ?? [];
  const firstClass = classes[0];
  useEffect(() => {
    if (!picked && firstClass) setParams({ class: firstClass }, { replace: true });
  }, [picked, firstClass, setParams]);
  const collection = useCollection(group, picked);
  const data = collection.data;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <PageTitle>{t("consent.collection.title")}</PageTitle>
        <Group gap="sm">
          <Button component={RouterLink} to="/consent/check" variant="light">
            {t("consent.collection.checkLink")}
          </Button>
          {manage && (
            <>
              <Anchor component={RouterLink} to="/consent/removals">
                {t("consent.collection.removalsLink")}
              </Anchor>
              <Anchor component={RouterLink} to="/consent/settings">
                {t("consent.collection.settingsLink")}
              </Anchor>
            </>
          )}
        </Group>
      </Group>
      <Text>{t("consent.collection.intro")}</Text>
      <ErrorAlert error={groups.error ?? collection.error} />
      {groups.isPending && <SectionLoader />}
      {groups.data && classes.length + yearGroups.length === 0 && (
        <Text>{t("consent.collection.noPupils")}</Text>
      )}
      {classes.length + yearGroups.length > 0 && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <GroupPicker
              classes={classes}
              yearGroups={yearGroups}
              value={group}
              onChange={(next) =>
                setParams(next.class ? { class: next.class } : { yearGroup: next.yearGroup ?? "" })
              }
            />
            <Group gap="sm">
              {manage && data && <AskParentsButton purposes={data.purposes} group={group} />}
              {group.class && (
                <Button component="a" variant="default" href={classSheetHref(group.class)} download>
                  {t("consent.collection.classSheet")}
                </Button>
              )}
              {manage && group.class && (
                <Button
                  component="a"
                  variant="default"
                  href={paperFormsHref({ class: group.class })}
                  download
                >
                  {t("consent.collection.paperForms")}
                </Button>
              )}
              {manage && (
                <Button component="a" variant="default" href={exportHref("csv")} download>
                  {t("consent.collection.csv")}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
      {picked && collection.isPending && <SectionLoader />}
      {data && (
        <>
          <Text fw={600} role="status">
            {t("consent.collection.answered", {
              answered: data.answered,
              count: data.total,
              group: groupLabel(t, group),
            })}
          </Text>
          <CollectionTable rows={data.pupils} purposes={data.purposes.filter((p) => !p.retired)} />
        </>
      )}
    </Stack>
  );
}

function CollectionTable({ rows, purposes }: { rows: CollectionRow[]; purposes: PurposeView[] }) {
  const { t } = useTranslation();
  const columns: Column<CollectionRow>[] = [
    {
      header: t("consent.collection.pupil"),
      rowHeader: true,
      minWidth: 160,
      cell: (p) => <RouterLink to={`/consent/pupils/${p.id}`}>{p.name}</RouterLink>,
    },
    {
      header: t("consent.collection.answeredColumn"),
      minWidth: 110,
      cell: (p) =>
        p.restricted ? (
          <StatusMark status="no" restricted />
        ) : (
          <Text size="sm">{t(p.answered ? "consent.collection.yes" : "consent.collection.notYet")}</Text>
        ),
    },
    ...purposes.map(
      (purpose): Column<CollectionRow> => ({
        key: purpose.key,
        header: purpose.name,
        minWidth: 110,
        cell: (p) => {
          if (p.restricted) return <Text size="sm">{t("consent.status.restricted")}</Text>;
          const status = p.statuses.find((s) => s.key === purpose.key);
          if (!status) return "—";
          return (
            <Stack gap={2} align="flex-start">
              <StatusMark status={status.status} />
              <Text size="xs" c="dimmed">
                {reasonText(t, status.reason, status.since)}
              </Text>
            </Stack>
          );
        },
      }),
    ),
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      striped
      scroll={{ label: t("consent.collection.tableLabel"), minWidth: 280 + purposes.length * 120 }}
      empty={<Text>{t("consent.collection.empty")}</Text>}
    />
  );
}
