import { Box, Text } from "@mantine/core";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** An audit event's before/after summary as a compact key: value list. */
export function AuditSummary({ summary }: { summary: Record<string, unknown> | null }) {
  const entries = Object.entries(summary ?? {});
  if (entries.length === 0) return null;
  return (
    <Box component="dl" m={0} style={{ fontSize: "var(--mantine-font-size-xs)" }}>
      {entries.map(([key, value]) => (
        <Box key={key} style={{ display: "flex", gap: 4 }}>
          <Text component="dt" size="xs" fw={600}>
            {key}:
          </Text>
          <Text component="dd" size="xs" m={0} style={{ wordBreak: "break-word" }}>
            {show(value)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
