import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const modules = path.resolve("src/modules");

/** What a file loads at run time: its imports other than `import type`, resolved to .ts files. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s+"([^"]+)"/gms)].map(
    (m) => m[1],
  );
  return specifiers.map((s) =>
    s.startsWith(".") ? path.resolve(path.dirname(file), s.replace(/\.js$/, ".ts")) : s,
  );
}

/** Every package a file needs at run time, following its relative imports. */
function packagesReachedFrom(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const target of runtimeImports(file)) {
    if (path.isAbsolute(target)) for (const p of packagesReachedFrom(target, seen)) packages.add(p);
    else packages.add(target);
  }
  return packages;
}

describe("response contracts", () => {
  const schemaFiles = readdirSync(modules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(modules, d.name, "schema.ts"))
    .filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    });

  it("finds the modules' schema files", () => {
    expect(schemaFiles.map((f) => path.basename(path.dirname(f)))).toEqual(
      expect.arrayContaining([
        "people",
        "policies",
        "auth",
        "schools",
        "audit",
        "mail",
        "home",
        "agreements",
        "signing",
      ]),
    );
  });

  // The web app imports these files for its types and lists, so they load in a browser: zod and
  // pure modules only (no database, no node:*, no server).
  it.each(schemaFiles.map((f) => [path.relative(modules, f), f]))(
    "%s needs nothing but zod",
    (_name, file) => {
      expect([...packagesReachedFrom(file)]).toEqual(["zod"]);
    },
  );
});
