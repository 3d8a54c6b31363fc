import { Group, Text } from "@mantine/core";
import { RouterLink } from "../../ui/RouterLink";
import { KindBadges } from "./KindBadges";
import { roleOrClass } from "./personSummary";
import { StatusBadge } from "./StatusBadge";
import type { Person } from "./types";

/** A person in the directory on a narrow screen, where the table would scroll sideways. */
export function PersonCard({ person }: { person: Person }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <RouterLink to={`/people/${person.id}`} fw={500}>
          {person.name}
        </RouterLink>
        <StatusBadge status={person.status} />
      </Group>
      <Text size="sm">{roleOrClass(person)}</Text>
      {person.email && (
        <Text size="sm" c="dimmed" style={{ wordBreak: "break-all" }}>
          {person.email}
        </Text>
      )}
      <KindBadges kinds={person.kinds} />
    </>
  );
}
