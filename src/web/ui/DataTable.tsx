import { Box, Paper, Stack, Table, VisuallyHidden } from "@mantine/core";
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
  /** Below the md breakpoint the rows become a list of cards, each drawn by this, instead of the table. */
  card?: (row: Row) => ReactNode;
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
  striped,
  highlightOnHover,
  spacing = "sm",
}: Props<Row>) {
  if (rows.length === 0) return empty;
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
  const wide = scroll ? (
    <ScrollRegion label={scroll.label} minWidth={scroll.minWidth}>
      {table}
    </ScrollRegion>
  ) : (
    table
  );
  if (!card) return wide;
  return (
    <>
      <Box visibleFrom="md">{wide}</Box>
      <Box hiddenFrom="md">
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {rows.map((row, index) => (
            <Paper key={rowKey(row, index)} component="li" withBorder p="sm">
              {card(row)}
            </Paper>
          ))}
        </Stack>
      </Box>
    </>
  );
}

function Cell<Row>({ column, row }: { column: Column<Row>; row: Row }) {
  const content = column.link ? (
    <RouterLink to={column.link(row)} fw={500}>
      {column.cell(row)}
    </RouterLink>
  ) : (
    column.cell(row)
  );
  if (column.rowHeader)
    return (
      <Table.Th scope="row" fw={400} style={column.cellStyle}>
        {content}
      </Table.Th>
    );
  return <Table.Td style={column.cellStyle}>{content}</Table.Td>;
}
