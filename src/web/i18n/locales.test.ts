import { describe, expect, it } from "vitest";
import cy from "./locales/cy.json";
import enGB from "./locales/en-GB.json";

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → string, for every leaf of a locale file. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => new Set([...text.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]));
const tags = (text: string) => [...text.matchAll(/<\/?[a-z][\w-]*\s*\/?>/gi)].map((m) => m[0]).sort();

const en = flatten(enGB as Tree);
const welsh = flatten(cy as Tree);

// i18next picks a plural form with Intl.PluralRules: Welsh has zero, one, two, few, many and other.
const welshForms = new Intl.PluralRules("cy").resolvedOptions().pluralCategories as string[];
const pluralBases = new Set([...en.keys()].filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -6)));
const pluralOf = (key: string) => {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m && pluralBases.has(m[1]) ? { base: m[1], form: m[2] } : null;
};

/** The English string a Welsh one translates; Welsh-only plural forms translate the English "other". */
function englishTwin(key: string): string | undefined {
  if (en.has(key)) return en.get(key);
  const plural = pluralOf(key);
  return plural ? en.get(`${plural.base}_other`) : undefined;
}

describe("the Welsh translation", () => {
  it("has every English string", () => {
    const missing = [...en.keys()].filter((k) => !welsh.has(k));
    expect(missing).toEqual([]);
  });

  it("has no strings English does not have, apart from Welsh plural forms", () => {
    const extra = [...welsh.keys()].filter((k) => englishTwin(k) === undefined);
    expect(extra).toEqual([]);
  });

  it("has every Welsh plural form wherever English has plurals", () => {
    expect(welshForms).toEqual(expect.arrayContaining(["zero", "one", "two", "few", "many", "other"]));
    const missing = [...pluralBases].flatMap((base) =>
      welshForms.map((form) => `${base}_${form}`).filter((k) => !welsh.has(k)),
    );
    expect(missing).toEqual([]);
  });

  it("keeps every {{placeholder}} of the English, and adds none", () => {
    const problems: string[] = [];
    for (const [key, text] of welsh) {
      const twin = englishTwin(key);
      if (twin === undefined) continue;
      const want = placeholders(twin);
      const have = placeholders(text);
      // "Dim …" (none) says zero in words, so a zero form may leave out {{count}}.
      if (pluralOf(key)?.form === "zero") want.delete("count");
      for (const p of want) if (!have.has(p)) problems.push(`${key}: missing {{${p}}}`);
      // Any English form of the same string may carry the placeholder (e.g. "one" without {{count}}).
      const allowed = placeholders(
        [twin, ...["one", "other"].map((f) => en.get(`${pluralOf(key)?.base}_${f}`) ?? "")].join(" "),
      );
      for (const p of have) if (!allowed.has(p)) problems.push(`${key}: unknown {{${p}}}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps the markup of the English", () => {
    const problems = [...welsh]
      .filter(([key, text]) => {
        const twin = englishTwin(key);
        return twin !== undefined && tags(twin).join() !== tags(text).join();
      })
      .map(([key]) => key);
    expect(problems).toEqual([]);
  });

  it("has no empty strings", () => {
    expect([...welsh].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });
});
