import { type Message, msg } from "./i18n/index.js";
import type { FieldError } from "./problem.js";

/**
 * Text PostgreSQL cannot store, found anywhere in a request: a NUL character (text and jsonb refuse
 * it) or half of a UTF-16 surrogate pair (a broken emoji, which UTF-8 cannot encode, so what is
 * stored would differ from what was hashed into the audit chain). Both are refused with the field
 * named, before any schema or service sees them.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_NUL = msg`Remove the invisible NUL character from this text.`;
export const UNSTORABLE_SURROGATE = msg`This text holds a broken character (half of an emoji or symbol). Please type it again.`;

export function unstorableText(value: string): Message | null {
  if (value.includes("\u0000")) return UNSTORABLE_NUL;
  if (LONE_SURROGATE.test(value)) return UNSTORABLE_SURROGATE;
  return null;
}

/**
 * Every unstorable string in a parsed JSON value, object keys included, by field path. Walked with
 * a queue, not recursion: a deeply nested body must not overflow the stack.
 */
export function findUnstorableText(root: unknown): FieldError[] {
  const found: FieldError[] = [];
  const queue: [unknown, string[]][] = [[root, []]];
  while (queue.length > 0 && found.length < 20) {
    const [value, path] = queue.pop()!;
    if (typeof value === "string") {
      const message = unstorableText(value);
      if (message) found.push({ field: path.join("."), message });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        queue.push([item, [...path, String(i)]]);
      });
    } else if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(value)) {
        const message = unstorableText(key);
        if (message) found.push({ field: [...path, key].join("."), message });
        queue.push([item, [...path, key]]);
      }
    }
  }
  return found;
}
