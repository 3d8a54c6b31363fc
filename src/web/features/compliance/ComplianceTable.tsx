import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../ui/ScrollRegion";
import { ComplianceStatusBadge } from "./ComplianceStatusBadge";
import type { ComplianceAgreement, CompliancePerson } from "./types";

interface Props {
  agreements: ComplianceAgreement[];
  people: CompliancePerson[];
  onOpenPerson: (person: CompliancePerson) => void;
}

/** People × agreements. On a phone the table scrolls inside its own region, never the page. */
export function ComplianceTable({ agreements, people, onOpenPerson }: Props) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t("compliance.table.label")} minWidth={220 + 200 * agreements.length}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("compliance.table.person")}</Table.Th>
            {agreements.map((a) => (
              <Table.Th key={a.id} scope="col">
                {t("compliance.stat.title", { title: a.title, number: a.versionNumber })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  onClick={() => onOpenPerson(person)}
                  aria-label={t("compliance.table.openPerson", { name: person.name })}
                  style={{ textAlign: "start" }}
                >
                  {person.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[person.jobTitle, person.department, person.regGroup].filter(Boolean).join(" · ") ||
                    person.kinds.map((k) => t(`people.kinds.${k}`)).join(", ")}
                </Text>
              </Table.Th>
              {agreements.map((a) => (
                <Table.Td key={a.id}>
                  <ComplianceStatusBadge cell={person.cells[a.id] ?? { status: "not_required" }} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
