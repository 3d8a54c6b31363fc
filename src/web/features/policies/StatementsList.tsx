import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type DutiesFor, StatementDuties } from "./StatementDuties";

/**
 * The statements people sign, in order. With `duties`, each statement that asks something of the
 * reader (a permission, a report, equipment handed back) carries its links or notes beneath it;
 * they are not part of the signed text.
 */
export function StatementsList({ statements, duties }: { statements: string[]; duties?: DutiesFor }) {
  const { t } = useTranslation();
  if (statements.length === 0) return <Text c="dimmed">{t("policies.statements.none")}</Text>;
  return (
    <List type="ordered" spacing="xs">
      {statements.map((statement, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: statements may repeat; order is the identity
        <List.Item key={index}>
          {statement}
          {duties && <StatementDuties statement={statement} for={duties} />}
        </List.Item>
      ))}
    </List>
  );
}
