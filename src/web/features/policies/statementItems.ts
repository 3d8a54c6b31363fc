/** A statement being edited, with a key that stays put while statements are moved about. */
export interface StatementItem {
  key: string;
  text: string;
}

let counter = 0;
const nextKey = () => `statement-${++counter}`;

export function toItems(statements: string[]): StatementItem[] {
  return statements.map((text) => ({ key: nextKey(), text }));
}

export function newItem(): StatementItem {
  return { key: nextKey(), text: "" };
}

/** Statements to send: trimmed, with empty ones left out. */
export function toStatements(items: StatementItem[]): string[] {
  return items.map((item) => item.text.trim()).filter((text) => text.length > 0);
}
