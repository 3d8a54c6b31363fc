import { Anchor, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { optionLabel } from "../agreements/optionLabel";
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
  // Each agreement's status, then one column per question it asks, in the words the signer chose.
  // Nobody is asked in advance to sign a visitors' agreement: its column would be all "not required"
  // (visitors are in their own register).
  const asked = agreements.filter((a) => !a.visitors);
  const agreementColumns = asked.flatMap((a): Column<CompliancePerson>[] => [
    {
      key: a.id,
      header: t("compliance.stat.title", { title: a.title, number: a.versionNumber }),
      cell: (person) => <ComplianceStatusBadge cell={person.cells[a.id] ?? { status: "not_required" }} />,
    },
    ...a.choices.map(
      (choice): Column<CompliancePerson> => ({
        key: `${a.id}:${choice.key}`,
        header: (
          <Text span size="sm" fw={700}>
            {choice.label}
          </Text>
        ),
        minWidth: 160,
        cell: (person) => {
          const answer = person.cells[a.id]?.answers?.[choice.key];
          return answer ? (
            <Text size="sm">{optionLabel(t, answer)}</Text>
          ) : (
            <Text span c="dimmed">
              <span aria-hidden>—</span>
              <VisuallyHidden>{t("compliance.table.noAnswer")}</VisuallyHidden>
            </Text>
          );
        },
      }),
    ),
  ]);
  const columnCount = asked.reduce((n, a) => n + 1 + a.choices.length, 0);
  return (
    <DataTable
      rows={people}
      columns={[personColumn, ...agreementColumns]}
      rowKey={(person) => person.id}
      striped
      scroll={{ label: t("compliance.table.label"), minWidth: 220 + 190 * columnCount }}
    />
  );
}
