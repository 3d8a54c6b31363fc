import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { KindBadges } from "../people/KindBadges";
import { RelatedList } from "./RelatedList";
import { ReviewDue } from "./ReviewDue";
import { roleList } from "./roleLabel";
import type { PolicyDetail } from "./types";

export function PolicyDetails({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const none = t("common.notRecorded");
  return (
    <DetailList
      items={[
        { label: t("policies.fields.owner"), value: policy.ownerName || none },
        { label: t("policies.fields.governor"), value: policy.governorName || none },
        {
          label: t("policies.fields.reviewFrequency"),
          value: policy.reviewFrequency ? t(`policies.frequency.${policy.reviewFrequency}`) : none,
        },
        {
          label: t("policies.fields.nextReviewDue"),
          value: <ReviewDue due={policy.nextReviewDue} overdue={policy.reviewOverdue} />,
        },
        { label: t("policies.fields.audiences"), value: <KindBadges kinds={policy.audiences} /> },
        { label: t("policies.fields.category"), value: policy.category || none },
        { label: t("policies.fields.related"), value: <RelatedList items={policy.related} /> },
        {
          label: t("policies.fields.approvers"),
          value: policy.requiredApprovers.length
            ? roleList(t, policy.requiredApprovers)
            : t("policies.noApproversNeeded"),
        },
      ]}
    />
  );
}
