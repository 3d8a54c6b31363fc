import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The statements people sign, in order. */
export function StatementsList({ statements }: { statements: string[] }) {
  const { t } = useTranslation();
  if (statements.length === 0) return <Text c="dimmed">{t("policies.statements.none")}</Text>;
  return (
    <List type="ordered" spacing="xs">
      {statements.map((statement, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: statements may repeat; order is the identity
        <List.Item key={index}>{statement}</List.Item>
      ))}
    </List>
  );
}
