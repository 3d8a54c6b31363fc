import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PagePicker } from "../../ui/PagePicker";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { BulkInviteButton } from "./BulkInviteButton";
import { PeopleFiltersBar } from "./PeopleFiltersBar";
import { PeopleTable } from "./PeopleTable";
import { PAGE_SIZE, usePeople } from "./peopleApi";
import { usePeopleSearchParams } from "./usePeopleSearchParams";

export function PeoplePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { filters, page, update } = usePeopleSearchParams();
  const { data, error, isPending, isFetching } = usePeople({
    ...filters,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("people.title")}</PageTitle>
        <Group gap="sm" wrap="wrap">
          {can(me, "people.invite") && <BulkInviteButton filters={filters} />}
          {can(me, "people.import") && (
            <Button component={Link} to="/people/import" variant="default">
              {t("import.open")}
            </Button>
          )}
          {can(me, "people.manage") && (
            <Button component={Link} to="/people/new">
              {t("people.add")}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="md">
        <PeopleFiltersBar filters={filters} onChange={update} />
      </Paper>
      <ErrorAlert error={error} />
      {isPending && <SectionLoader />}
      {data && (
        <>
          <Text role="status" aria-busy={isFetching} size="sm" c="dimmed">
            {t("people.count", { count: data.total })}
          </Text>
          <PeopleTable people={data.people} />
          {pages > 1 && (
            <PagePicker total={pages} value={page} onChange={(value) => update({ page: value })} />
          )}
        </>
      )}
    </Stack>
  );
}
