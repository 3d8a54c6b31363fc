import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../ui/format";
import { roleLabel } from "./roleLabel";
import type { Approval } from "./types";

/** Each approval as "Role – name – date". */
export function ApprovalsText({ approvals }: { approvals: Approval[] }) {
  const { t } = useTranslation();
  if (approvals.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("policies.approvals.none")}
      </Text>
    );
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0}>
      {approvals.map((a) => (
        <List.Item key={`${a.role}-${a.approvedAt}`}>
          {t("policies.approvals.entry", {
            role: roleLabel(t, a.role),
            name: a.personName,
            date: formatDate(a.approvedAt),
          })}
        </List.Item>
      ))}
    </List>
  );
}
