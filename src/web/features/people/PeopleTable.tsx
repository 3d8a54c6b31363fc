import { Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { KindBadges } from "./KindBadges";
import { PersonCard } from "./PersonCard";
import { roleOrClass } from "./personSummary";
import { StatusBadge } from "./StatusBadge";
import type { Person } from "./types";

export function PeopleTable({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  const columns: Column<Person>[] = [
    {
      header: t("people.columns.name"),
      link: (person) => `/people/${person.id}`,
      cell: (person) => person.name,
    },
    {
      header: t("people.columns.kinds"),
      cell: (person) => <KindBadges kinds={person.kinds} />,
    },
    { header: t("people.columns.roleOrClass"), cell: roleOrClass },
    {
      header: t("people.columns.email"),
      cell: (person) => (
        <Text size="sm" style={{ wordBreak: "break-all" }}>
          {person.email}
        </Text>
      ),
    },
    {
      header: t("people.columns.status"),
      cell: (person) => <StatusBadge status={person.status} />,
    },
  ];
  return (
    <DataTable
      rows={people}
      columns={columns}
      striped
      highlightOnHover
      card={(person) => <PersonCard person={person} />}
      empty={
        <Paper withBorder p="lg">
          <Text>{t("people.empty")}</Text>
        </Paper>
      }
    />
  );
}
