import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DetailList } from "../../ui/DetailList";
import { formatDate } from "../../ui/format";
import { ApprovalsText } from "./ApprovalsText";
import { roleLabel } from "./roleLabel";
import type { VersionDetail } from "./types";
import { VersionStatusBadge } from "./VersionStatusBadge";

/**
 * The version's record: status, dates, summary of changes, who has approved it (names and dates,
 * only approvals actually given) and, while it is open, who is still to approve it.
 */
export function VersionSummary({ version, required }: { version: VersionDetail; required: string[] }) {
  const { t } = useTranslation();
  const none = t("common.notRecorded");
  const date = (value: string | null) => (value ? formatDate(value) : none);
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
        {
          label: t("policies.approvals.approvedBy"),
          value: <ApprovalsText approvals={version.approvals} />,
        },
        ...(open
          ? [
              {
                label: t("policies.approvals.stillToApprove"),
                value:
                  required.length === 0 ? (
                    t("policies.noApproversNeeded")
                  ) : version.awaiting.length === 0 ? (
                    t("policies.approvals.complete")
                  ) : (
                    <StillToApprove awaiting={version.awaiting} />
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

function StillToApprove({ awaiting }: { awaiting: VersionDetail["awaiting"] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0}>
      {awaiting.map((a) => (
        <List.Item key={a.role}>
          {a.holders.length > 0 ? (
            t("policies.approvals.heldBy", { role: roleLabel(t, a.role), names: a.holders.join(", ") })
          ) : (
            <Text span size="sm" fw={700}>
              {t("policies.approvals.nobodyHolds", { role: roleLabel(t, a.role) })}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
