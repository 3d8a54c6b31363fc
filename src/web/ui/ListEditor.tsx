import { ActionIcon, Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** What the list's own controls say; `n` is the item's place in the list, from 1. */
export interface ListEditorLabels {
  none: string;
  add: string;
  remove: (n: number) => string;
  removeShort: string;
  /** Given both, each item can be moved up and down. */
  moveUp?: (n: number) => string;
  moveDown?: (n: number) => string;
}

/** What a form gives a list field: the items, a way to change them and the field's error. */
export interface ListFieldProps<T> {
  value: T[];
  onChange: (items: T[]) => void;
  error?: string | null;
}

interface ListEditorProps<T> extends ListFieldProps<T> {
  /** A key that stays with the item while items are moved about or removed around it. */
  keyOf: (item: T) => string;
  newItem: () => T;
  /** The item's own fields; `update` merges changes into it. */
  renderItem: (item: T, update: (changes: Partial<T>) => void, n: number) => ReactNode;
  labels: ListEditorLabels;
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * An ordered list a person builds by hand: add, remove and (optionally) reorder items. Every
 * control is named with the item's number, so a screen reader says which item it acts on.
 */
export function ListEditor<T>({
  value,
  onChange,
  keyOf,
  newItem,
  renderItem,
  labels,
  error,
}: ListEditorProps<T>) {
  const update = (index: number, changes: Partial<T>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...changes } : item)));
  const { moveUp, moveDown } = labels;
  return (
    <Stack gap="sm">
      {error && (
        <Text c="red.9" size="sm" role="alert">
          {error}
        </Text>
      )}
      {value.length === 0 && <Text c="dimmed">{labels.none}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {value.map((item, index) => {
          const n = index + 1;
          return (
            <Paper key={keyOf(item)} component="li" withBorder p="sm">
              <Stack gap="xs">
                {renderItem(item, (changes) => update(index, changes), n)}
                <Group gap="xs" justify="flex-end">
                  {moveUp && moveDown && (
                    <>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={moveUp(n)}
                        disabled={index === 0}
                        onClick={() => onChange(moveItem(value, index, index - 1))}
                      >
                        <span aria-hidden>↑</span>
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        aria-label={moveDown(n)}
                        disabled={index === value.length - 1}
                        onClick={() => onChange(moveItem(value, index, index + 1))}
                      >
                        <span aria-hidden>↓</span>
                      </ActionIcon>
                    </>
                  )}
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={labels.remove(n)}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  >
                    {labels.removeShort}
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
        {labels.add}
      </Button>
    </Stack>
  );
}
