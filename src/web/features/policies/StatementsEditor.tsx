import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { move, newItem, type StatementItem } from "./statementItems";

interface Props {
  value: StatementItem[];
  onChange: (items: StatementItem[]) => void;
  error?: string | null;
}

/** An ordered list of statements to sign: edit, reorder, remove, add. Every control is named. */
export function StatementsEditor({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const update = (index: number, text: string) =>
    onChange(value.map((item, i) => (i === index ? { ...item, text } : item)));
  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));

  return (
    <Stack gap="sm">
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {value.length === 0 && <Text c="dimmed">{t("policies.statements.none")}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {value.map((item, index) => {
          const n = index + 1;
          return (
            <Paper key={item.key} component="li" withBorder p="sm">
              <Stack gap="xs">
                <Textarea
                  label={t("policies.statements.label", { n })}
                  autosize
                  minRows={1}
                  maxRows={8}
                  value={item.text}
                  onChange={(event) => update(index, event.currentTarget.value)}
                />
                <Group gap="xs" justify="flex-end">
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t("policies.statements.moveUp", { n })}
                    disabled={index === 0}
                    onClick={() => onChange(move(value, index, index - 1))}
                  >
                    <span aria-hidden>↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t("policies.statements.moveDown", { n })}
                    disabled={index === value.length - 1}
                    onClick={() => onChange(move(value, index, index + 1))}
                  >
                    <span aria-hidden>↓</span>
                  </ActionIcon>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={t("policies.statements.remove", { n })}
                    onClick={() => remove(index)}
                  >
                    {t("policies.statements.removeShort")}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Button
        variant="default"
        onClick={() => onChange([...value, newItem()])}
        style={{ alignSelf: "flex-start" }}
      >
        {t("policies.statements.add")}
      </Button>
    </Stack>
  );
}
