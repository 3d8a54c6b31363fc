import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { KindBadges } from "./KindBadges";
import { roleOrClass } from "./personSummary";
import { StatusBadge } from "./StatusBadge";
import type { Person } from "./types";

export function PeopleTable({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("people.columns.name")}</Table.Th>
          <Table.Th scope="col">{t("people.columns.kinds")}</Table.Th>
          <Table.Th scope="col">{t("people.columns.roleOrClass")}</Table.Th>
          <Table.Th scope="col">{t("people.columns.email")}</Table.Th>
          <Table.Th scope="col">{t("people.columns.status")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>
              <RouterLink to={`/people/${person.id}`} fw={500}>
                {person.name}
              </RouterLink>
            </Table.Td>
            <Table.Td>
              <KindBadges kinds={person.kinds} />
            </Table.Td>
            <Table.Td>{roleOrClass(person)}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: "break-all" }}>
                {person.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={person.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
