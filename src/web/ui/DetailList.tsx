import { Box, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface Detail {
  label: string;
  value: ReactNode;
}

/** A description list (<dl>) laid out in two columns on wider screens. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0}>
            {item.value}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}
