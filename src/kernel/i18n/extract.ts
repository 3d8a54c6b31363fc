import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every sentence the server can say, read from its source: each `msg\`…\`` template (its `${…}`
 * become `{0}`, `{1}`…, as `msg` makes them at run time) and each message a zod schema writes
 * itself (`message: "…"`, `error: "…"`, `.min(1, "…")`). The missing-translation test and
 * `npm run i18n:missing` both use it, so what is checked is what the code holds.
 */
export type FoundMessage = { template: string; file: string; module: string };

const SERVER_ROOTS = ["src/kernel", "src/modules", "src/server", "src/cli"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.endsWith("extract.ts") ? [path] : [];
  });
}

/** Where a message belongs: its module (`signing`), or `kernel`, `server`, `cli`. */
const moduleOf = (file: string) => {
  const parts = file.split("/");
  return parts[1] === "modules" ? parts[2] : parts[1];
};

/** The body of the template literal starting at `start` (just after the backtick), and its end. */
function readTemplate(src: string, start: number): { template: string; end: number } {
  let out = "";
  let n = 0;
  let i = start;
  while (i < src.length && src[i] !== "`") {
    if (src[i] === "\\") {
      out +=
        src[i + 1] === "`" || src[i + 1] === "$" || src[i + 1] === "\\" ? src[i + 1] : src.slice(i, i + 2);
      i += 2;
    } else if (src[i] === "$" && src[i + 1] === "{") {
      let depth = 1;
      i += 2;
      while (i < src.length && depth > 0) {
        if (src[i] === "{") depth++;
        else if (src[i] === "}") depth--;
        else if (src[i] === "`") i = readTemplate(src, i + 1).end; // a template inside the value
        i++;
      }
      out += `{${n++}}`;
    } else out += src[i++];
  }
  return { template: out, end: i };
}

const ZOD_MESSAGE = new RegExp(
  [
    String.raw`\b(?:message|error):\s*`, // { message: "…" }
    String.raw`\.(?:min|max|length|regex|refine|startsWith|endsWith|includes)\([^,()]*(?:\([^()]*\))?[^,()]*,\s*`, // .min(1, "…")
    String.raw`\bz\.enum\([^,()]*,\s*`, // z.enum(KINDS, "…")
    String.raw`\bz\.(?!literal\b)[a-z][\w.]*\(\s*`, // z.uuid("…"), z.email("…")
  ]
    .map((p) => `(?:${p})`)
    .join("|")
    .replace(/^/, "(?:")
    .concat(String.raw`)"((?:[^"\\]|\\.)+)"`),
  "g",
);

export function serverMessages(root = process.cwd()): FoundMessage[] {
  const found: FoundMessage[] = [];
  for (const top of SERVER_ROOTS) {
    for (const path of sourceFiles(join(root, top))) {
      const file = relative(root, path);
      const src = readFileSync(path, "utf8");
      const module = moduleOf(file);
      for (let i = src.indexOf("msg`"); i !== -1; i = src.indexOf("msg`", i + 4)) {
        if (/[\w$`]/.test(src[i - 1] ?? "")) continue; // `errmsg` + backtick, or `msg` named in a comment
        found.push({ template: readTemplate(src, i + 4).template, file, module });
      }
      // zod messages live in schemas; the literal is the English the client sees.
      // Only sentences: the same shapes also hold codes (`error: "outbox"`, `z.string("csv")`).
      for (const m of src.matchAll(ZOD_MESSAGE))
        if (/\S\s+\S/.test(m[1]) && !/^\s*\/\//.test(src.slice(src.lastIndexOf("\n", m.index) + 1, m.index)))
          found.push({ template: JSON.parse(`"${m[1]}"`), file, module });
    }
  }
  return found;
}

export const placeholdersOf = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
