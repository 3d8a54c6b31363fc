import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import { KindBadges } from "../people/KindBadges";
import { CurrentVersion } from "./CurrentVersion";
import { ReviewDue } from "./ReviewDue";
import type { PolicySummary } from "./types";

export function PoliciesTable({ policies }: { policies: PolicySummary[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("policies.columns.title")}</Table.Th>
          <Table.Th scope="col" miw={140}>
            {t("policies.columns.audiences")}
          </Table.Th>
          <Table.Th scope="col">{t("policies.columns.version")}</Table.Th>
          <Table.Th scope="col">{t("policies.columns.owner")}</Table.Th>
          <Table.Th scope="col">{t("policies.columns.nextReview")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {policies.map((policy) => (
          <Table.Tr key={policy.id}>
            <Table.Td>
              <RouterLink to={`/policies/${policy.id}`} fw={500}>
                {policy.title}
              </RouterLink>
            </Table.Td>
            <Table.Td>
              <KindBadges kinds={policy.audiences} />
            </Table.Td>
            <Table.Td>
              <CurrentVersion policy={policy} />
            </Table.Td>
            <Table.Td>{policy.ownerName || t("common.notRecorded")}</Table.Td>
            <Table.Td>
              <ReviewDue due={policy.nextReviewDue} overdue={policy.reviewOverdue} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
