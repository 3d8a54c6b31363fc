import { Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ListEditor, type ListFieldProps } from "../../ui/ListEditor";
import { newItem, type StatementItem } from "./statementItems";

/** An ordered list of statements to sign: edit, reorder, remove, add. */
export function StatementsEditor(props: ListFieldProps<StatementItem>) {
  const { t } = useTranslation();
  return (
    <ListEditor
      {...props}
      keyOf={(item) => item.key}
      newItem={newItem}
      labels={{
        none: t("policies.statements.none"),
        add: t("policies.statements.add"),
        remove: (n) => t("policies.statements.remove", { n }),
        removeShort: t("policies.statements.removeShort"),
        moveUp: (n) => t("policies.statements.moveUp", { n }),
        moveDown: (n) => t("policies.statements.moveDown", { n }),
      }}
      renderItem={(item, update, n) => (
        <Textarea
          label={t("policies.statements.label", { n })}
          autosize
          minRows={1}
          maxRows={8}
          value={item.text}
          onChange={(event) => update({ text: event.currentTarget.value })}
        />
      )}
    />
  );
}
