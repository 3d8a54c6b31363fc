/** Blocks back to clean Markdown: one blank line between blocks, lists kept tight. */
import type { Block } from "./blocks.js";

export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  let previous: Block | undefined;
  const counters: Counter[] = [];
  for (const block of blocks) {
    if (block.kind !== "item") counters.length = 0;
    const separator = previous && !(previous.kind === "item" && block.kind === "item") ? "\n" : "";
    out.push(separator + renderBlock(block, counters));
    previous = block;
  }
  return `${out.join("\n").trim()}\n`;
}

function renderBlock(block: Block, counters: Counter[]): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(Math.max(block.level, 1), 6))} ${oneLine(block.text)}`;
    case "paragraph":
      return oneLine(block.text);
    case "item":
      return renderItem(block, counters);
    case "table":
      return renderTable(block.rows);
  }
}

type Counter = { ordered: boolean; count: number };

/** Ordered items are renumbered 1, 2, 3 per level, so "a)" and "(i)" lists stay valid Markdown. */
function renderItem(block: Extract<Block, { kind: "item" }>, counters: Counter[]): string {
  counters.length = Math.min(counters.length, block.depth + 1);
  while (counters.length <= block.depth) counters.push({ ordered: block.ordered, count: 0 });
  const counter = counters[block.depth];
  // A numbered list straight after a bulleted one starts again at 1.
  if (counter.ordered !== block.ordered) Object.assign(counter, { ordered: block.ordered, count: 0 });
  counter.count += 1;
  const marker = block.ordered ? `${counter.count}.` : "-";
  // Three spaces nest under both "- " and "1. " parents.
  return `${"   ".repeat(block.depth)}${marker} ${oneLine(block.text)}`;
}

function renderTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  const line = (cells: string[]) => `| ${cells.map((c) => oneLine(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  const [header, ...body] = padded;
  return [line(header), line(header.map(() => "---")), ...body.map(line)].join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
