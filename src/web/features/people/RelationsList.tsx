import { List, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterLink } from "../../ui/RouterLink";
import type { PersonDetail } from "./types";

/** A pupil's contacts (parents/carers) and a parent's pupils. */
export function RelationsList({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const contacts = [...(person.contacts ?? [])].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
  const pupils = person.pupils ?? [];
  if (contacts.length === 0 && pupils.length === 0) return null;
  return (
    <>
      {contacts.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            {t("people.contacts")}
          </Title>
          <List>
            {contacts.map((c) => (
              <List.Item key={c.id}>
                <RouterLink to={`/people/${c.id}`}>{c.name}</RouterLink>
                {c.relationship && <Text span> · {c.relationship}</Text>}
                {c.priority != null && (
                  <Text span c="dimmed">
                    {" "}
                    · {t("people.priority", { priority: c.priority })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      {pupils.length > 0 && (
        <Paper withBorder p="lg">
          <Title order={2} size="h3" mb="sm">
            {t("people.pupils")}
          </Title>
          <List>
            {pupils.map((p) => (
              <List.Item key={p.id}>
                <RouterLink to={`/people/${p.id}`}>{p.name}</RouterLink>
                {p.relationship && <Text span> · {p.relationship}</Text>}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </>
  );
}
