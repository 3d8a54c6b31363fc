import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../ui/DataTable";
import { KindBadges } from "../people/KindBadges";
import { CurrentVersion } from "./CurrentVersion";
import { PolicyCard } from "./PolicyCard";
import { ReviewDue } from "./ReviewDue";
import type { PolicySummary } from "./types";

export function PoliciesTable({ policies }: { policies: PolicySummary[] }) {
  const { t } = useTranslation();
  const columns: Column<PolicySummary>[] = [
    {
      header: t("policies.columns.title"),
      link: (policy) => `/policies/${policy.id}`,
      cell: (policy) => policy.title,
    },
    {
      header: t("policies.columns.audiences"),
      minWidth: 140,
      cell: (policy) => <KindBadges kinds={policy.audiences} />,
    },
    {
      header: t("policies.columns.version"),
      cell: (policy) => <CurrentVersion policy={policy} />,
    },
    {
      header: t("policies.columns.owner"),
      cell: (policy) => policy.ownerName || t("common.notRecorded"),
    },
    {
      header: t("policies.columns.nextReview"),
      cell: (policy) => <ReviewDue due={policy.nextReviewDue} overdue={policy.reviewOverdue} />,
    },
  ];
  return (
    <DataTable
      rows={policies}
      columns={columns}
      striped
      highlightOnHover
      card={(policy) => <PolicyCard policy={policy} />}
    />
  );
}
