import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ChoiceItem, newChoice, suggestKey } from "./choiceItems";

interface Props {
  value: ChoiceItem[];
  onChange: (items: ChoiceItem[]) => void;
  error?: string | null;
}

/** Questions the signer answers, such as consent to photos: a question, a reference and options. */
export function ChoicesEditor({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (index: number, changes: Partial<ChoiceItem>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...changes } : item)));
  return (
    <Stack gap="sm">
      {error && (
        <Text c="red.9" size="sm" role="alert">
          {error}
        </Text>
      )}
      {value.length === 0 && <Text c="dimmed">{t("agreements.choices.none")}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {value.map((item, index) => {
          const n = index + 1;
          return (
            <Paper key={item.uid} component="li" withBorder p="sm">
              <Stack gap="xs">
                <TextInput
                  label={t("agreements.choices.label", { n })}
                  description={t("agreements.choices.labelHint")}
                  value={item.label}
                  onChange={(event) => {
                    const label = event.currentTarget.value;
                    update(index, item.keyEdited ? { label } : { label, key: suggestKey(label) });
                  }}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("agreements.choices.key", { n })}
                    description={t("agreements.choices.keyHint")}
                    value={item.key}
                    onChange={(event) => update(index, { key: event.currentTarget.value, keyEdited: true })}
                  />
                  <TextInput
                    label={t("agreements.choices.options", { n })}
                    description={t("agreements.choices.optionsHint")}
                    value={item.options}
                    onChange={(event) => update(index, { options: event.currentTarget.value })}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={t("agreements.choices.remove", { n })}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  >
                    {t("agreements.choices.removeShort")}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Button
        variant="default"
        onClick={() => onChange([...value, newChoice()])}
        style={{ alignSelf: "flex-start" }}
      >
        {t("agreements.choices.add")}
      </Button>
    </Stack>
  );
}
