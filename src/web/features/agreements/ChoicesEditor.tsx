import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ListEditor, type ListFieldProps } from "../../ui/ListEditor";
import { type ChoiceItem, newChoice, suggestKey } from "./choiceItems";

/** Questions the signer answers, such as consent to photos: a question, a reference and options. */
export function ChoicesEditor(props: ListFieldProps<ChoiceItem>) {
  const { t } = useTranslation();
  return (
    <ListEditor
      {...props}
      keyOf={(item) => item.uid}
      newItem={newChoice}
      labels={{
        none: t("agreements.choices.none"),
        add: t("agreements.choices.add"),
        remove: (n) => t("agreements.choices.remove", { n }),
        removeShort: t("agreements.choices.removeShort"),
      }}
      renderItem={(item, update, n) => (
        <>
          <TextInput
            label={t("agreements.choices.label", { n })}
            description={t("agreements.choices.labelHint")}
            value={item.label}
            onChange={(event) => {
              const label = event.currentTarget.value;
              update(item.keyEdited ? { label } : { label, key: suggestKey(label) });
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("agreements.choices.key", { n })}
              description={t("agreements.choices.keyHint")}
              value={item.key}
              onChange={(event) => update({ key: event.currentTarget.value, keyEdited: true })}
            />
            <TextInput
              label={t("agreements.choices.options", { n })}
              description={t("agreements.choices.optionsHint")}
              value={item.options}
              onChange={(event) => update({ options: event.currentTarget.value })}
            />
          </SimpleGrid>
        </>
      )}
    />
  );
}
