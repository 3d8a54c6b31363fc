import { Group, Paper, Stack, Text } from "@mantine/core";
import { RouterLink } from "../../ui/RouterLink";
import { KindBadges } from "./KindBadges";
import { roleOrClass } from "./personSummary";
import { StatusBadge } from "./StatusBadge";
import type { Person } from "./types";

/** The directory as a stacked list, for narrow screens where a table would scroll sideways. */
export function PeopleCards({ people }: { people: Person[] }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {people.map((person) => (
        <Paper key={person.id} component="li" withBorder p="sm">
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
        </Paper>
      ))}
    </Stack>
  );
}
