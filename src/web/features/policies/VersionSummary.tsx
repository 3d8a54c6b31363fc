import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { formatDate } from "../../ui/format";
import { ApprovalsText } from "./ApprovalsText";
import { roleList } from "./roleLabel";
import { missingApprovers, type VersionDetail } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

/** The version's record: status, dates, summary of changes, approvals and what is still needed. */
export function VersionSummary({ version, required }: { version: VersionDetail; required: string[] }) {
  const { t } = useTranslation();
  const none = t("common.notRecorded");
  const date = (value: string | null) => (value ? formatDate(value) : none);
  const missing = missingApprovers(required, version.approvals);
  const open = ["draft", "submitted", "approved"].includes(version.status);
  return (
    <DetailList
      items={[
        { label: t("policies.versions.status"), value: <VersionStatusBadge status={version.status} /> },
        { label: t("policies.versions.issueDate"), value: date(version.issueDate) },
        {
          label: t("policies.versions.summary"),
          value: version.noChanges ? t("policies.versions.noChanges") : version.summary || none,
        },
        { label: t("policies.fields.agreedWithStaffOn"), value: date(version.agreedWithStaffOn) },
        { label: t("policies.fields.agreedAtCommitteeOn"), value: date(version.agreedAtCommitteeOn) },
        { label: t("policies.versions.approvals"), value: <ApprovalsText approvals={version.approvals} /> },
        ...(open
          ? [
              {
                label: t("policies.approvals.stillNeeded"),
                value:
                  required.length === 0
                    ? t("policies.noApproversNeeded")
                    : missing.length
                      ? roleList(t, missing)
                      : t("policies.approvals.complete"),
              },
            ]
          : []),
      ]}
    />
  );
}
