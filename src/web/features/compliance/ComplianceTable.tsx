import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
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
  const personColumn: Column<CompliancePerson> = {
    key: "person",
    header: t("compliance.table.person"),
    rowHeader: true,
    cell: (person) => (
      <>
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
      </>
    ),
  };
  const agreementColumns = agreements.map(
    (a): Column<CompliancePerson> => ({
      key: a.id,
      header: t("compliance.stat.title", { title: a.title, number: a.versionNumber }),
      cell: (person) => <ComplianceStatusBadge cell={person.cells[a.id] ?? { status: "not_required" }} />,
    }),
  );
  return (
    <DataTable
      rows={people}
      columns={[personColumn, ...agreementColumns]}
      rowKey={(person) => person.id}
      striped
      scroll={{ label: t("compliance.table.label"), minWidth: 220 + 200 * agreements.length }}
    />
  );
}
