import { Box, Paper, Stack, Table, Text, useMantineTheme, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { CSSProperties, Key, ReactNode } from "react";
import { RouterLink } from "./RouterLink";
import { ScrollRegion } from "./ScrollRegion";

export interface Column<Row> {
  /** Needed only where the columns come and go (one per agreement, say); otherwise their place will do. */
  key?: string;
  header: ReactNode;
  /** For a column of buttons: the header is there for screen readers only. */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** The cell names its row, so a screen reader reads it before each cell of the row. */
  rowHeader?: boolean;
  /** The cell is a link to the row's own page. */
  link?: (row: Row) => string;
  width?: string | number;
  minWidth?: number;
  cellStyle?: CSSProperties;
}

type RowKey<Row> = (row: Row, index: number) => Key;

/** Rows with an `id` are told apart by it; others must say how. */
type RowKeyProp<Row> = Row extends { id: string } ? { rowKey?: RowKey<Row> } : { rowKey: RowKey<Row> };

type Props<Row> = RowKeyProp<Row> & {
  rows: Row[];
  columns: Column<Row>[];
  /** Shown instead of the table when there are no rows (nothing when not given). */
  empty?: ReactNode;
  /** A wide table scrolls sideways inside its own named region on a small screen, never the page. */
  scroll?: { label: string; minWidth: number };
  /** On a phone the rows are a list of cards, each drawn by this (otherwise: labelled values). */
  card?: (row: Row) => ReactNode;
  /**
   * Below this breakpoint the table becomes a list of cards, one per row, so a phone never scrolls
   * sideways ("sm" unless the table draws its own cards, "md" then). `false` keeps the table at every
   * width: only for a table of two or three short columns that fits any phone.
   */
  stackBelow?: "sm" | "md" | false;
  striped?: boolean;
  highlightOnHover?: boolean;
  spacing?: "xs" | "sm";
};

const byId = (row: unknown) => (row as { id: string }).id;

/** Every table in the app: column headers scoped for screen readers, an empty state, links, phones. */
export function DataTable<Row>({
  rows,
  columns,
  rowKey = byId,
  empty = null,
  scroll,
  card,
  stackBelow = card ? "md" : "sm",
  striped,
  highlightOnHover,
  spacing = "sm",
}: Props<Row>) {
  const theme = useMantineTheme();
  // One layout in the page at a time (not both, one hidden by CSS): a page of 600 pupils draws
  // its rows once, and a screen reader or a search of the page finds each value once.
  // In the browser the first render already knows the width (no table flashing on a phone);
  // without a window (rendered to a string) it is the table.
  const serverSide = typeof window === "undefined";
  const wideEnough = useMediaQuery(
    `(min-width: ${theme.breakpoints[stackBelow || "xs"]})`,
    serverSide || undefined,
    {
      getInitialValueInEffect: serverSide,
    },
  );
  if (rows.length === 0) return empty;
  if (stackBelow && !wideEnough)
    return <PhoneRows rows={rows} columns={columns} rowKey={rowKey} card={card} />;
  const table = (
    <Table striped={striped} highlightOnHover={highlightOnHover} verticalSpacing={spacing}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, place) => (
            <Table.Th key={column.key ?? place} scope="col" w={column.width} miw={column.minWidth}>
              {column.headerHidden ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => (
          <Table.Tr key={rowKey(row, index)}>
            {columns.map((column, place) => (
              <Cell key={column.key ?? place} column={column} row={row} />
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return scroll ? (
    <ScrollRegion label={scroll.label} minWidth={scroll.minWidth}>
      {table}
    </ScrollRegion>
  ) : (
    table
  );
}

const isBlank = (content: ReactNode) =>
  content === null || content === undefined || content === false || content === "";

/**
 * The rows as a phone shows them: one card per row, titled by the cell that names the row, with
 * every other cell under its column's heading. Buttons (columns whose heading is hidden) come last.
 */
export function PhoneRows<Row>({
  rows,
  columns,
  rowKey,
  card,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: RowKey<Row>;
  card?: (row: Row) => ReactNode;
}) {
  const titleColumn = columns.find((c) => c.rowHeader) ?? columns.find((c) => c.link) ?? columns[0];
  const labelled = columns.filter((c) => c !== titleColumn && !c.headerHidden);
  const actions = columns.filter((c) => c !== titleColumn && c.headerHidden);
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {rows.map((row, index) => (
        <Paper key={rowKey(row, index)} component="li" withBorder p="sm" style={{ overflowWrap: "anywhere" }}>
          {card ? (
            card(row)
          ) : (
            <Stack gap={6}>
              <Box fw={600}>{contentOf(titleColumn, row)}</Box>
              <Box component="dl" m={0}>
                {labelled.map((column, place) => {
                  const content = contentOf(column, row);
                  if (isBlank(content)) return null;
                  return (
                    <Box
                      key={column.key ?? place}
                      style={{
                        display: "grid",
                        gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)",
                        gap: "var(--mantine-spacing-xs)",
                        paddingBlock: 2,
                      }}
                    >
                      <Text component="dt" size="sm" c="dimmed">
                        {column.header}
                      </Text>
                      <Box component="dd" m={0} fz="sm">
                        {content}
                      </Box>
                    </Box>
                  );
                })}
              </Box>
              {actions.map((column, place) => {
                const content = contentOf(column, row);
                return isBlank(content) ? null : <Box key={column.key ?? place}>{content}</Box>;
              })}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function contentOf<Row>(column: Column<Row>, row: Row): ReactNode {
  const content = column.cell(row);
  if (!column.link) return content;
  return (
    <RouterLink to={column.link(row)} fw={500}>
      {content}
    </RouterLink>
  );
}

function Cell<Row>({ column, row }: { column: Column<Row>; row: Row }) {
  const content = contentOf(column, row);
  if (column.rowHeader)
    return (
      <Table.Th scope="row" fw={400} style={column.cellStyle}>
        {content}
      </Table.Th>
    );
  return <Table.Td style={column.cellStyle}>{content}</Table.Td>;
}
