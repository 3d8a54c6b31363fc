/**
 * Benchmark: what a first visit to the sign-in page downloads. Builds the web app with Vite (its own
 * config, plus the manifest) into a scratch folder, then reads the built index.html and the Vite
 * manifest: the entry script, every chunk it imports statically (recursively), their CSS, the
 * English strings (fetched before the first paint) and the sign-in route's lazy chunk with its own
 * static imports. Each file is gzipped (level 9, what a
 * compressing proxy in front of Accord would send) and the totals printed, with the largest route
 * chunk (a lazily loaded page or feature chunk, on its own).
 *
 *   npx tsx bench/bundle.ts              (builds into a temporary folder; dist/web is left alone)
 *   npx tsx bench/bundle.ts dist/web     (reads a build made with a manifest, e.g. `npm run build`)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

// The manifest names modules by their path from the web root (src/web). The sign-in page's route
// module is what `routes.tsx` lazily imports for the auth feature; a route chunk is any lazily
// imported module under features/.
const SIGN_IN_ROUTE = "features/auth/pages.ts";
const ROUTES = "features/";
// Lazily imported, but always fetched before the first paint: main.tsx waits for the core strings of
// the page's language (vite.config.ts splits them out); an English browser's are these.
const BEFORE_FIRST_PAINT = /\/strings-en-GB-core-[^/]+\.js$/;
const TARGET_JS_KB = 150;

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

async function builtFolder(): Promise<{ dir: string; scratch: boolean }> {
  const given = process.argv[2];
  if (given) return { dir: resolve(given), scratch: false };
  const dir = mkdtempSync(join(tmpdir(), "accord-bundle-"));
  await build({
    configFile: resolve("vite.config.ts"),
    logLevel: "warn",
    build: { outDir: dir, emptyOutDir: true, manifest: true },
  });
  return { dir, scratch: true };
}

function gzippedSize(dir: string, file: string, cache: Map<string, number>): number {
  let size = cache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    cache.set(file, size);
  }
  return size;
}

/** The chunk and every chunk it imports statically, recursively: what the browser fetches with it. */
function withStaticImports(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) withStaticImports(manifest, imported, into);
  return into;
}

function filesOf(manifest: Manifest, keys: Iterable<string>) {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const key of keys) {
    js.add(manifest[key].file);
    for (const sheet of manifest[key].css ?? []) css.add(sheet);
  }
  return { js, css };
}

/** Files index.html names itself (script, modulepreload, stylesheet): downloaded before any route runs. */
function filesInHtml(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]);
}

async function main() {
  const { dir, scratch } = await builtFolder();
  try {
    const manifestPath = join(dir, ".vite", "manifest.json");
    if (!existsSync(manifestPath)) {
      throw new Error(`${manifestPath} is missing: build with \`build.manifest\` on (vite.config.ts).`);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    const html = readFileSync(join(dir, "index.html"), "utf8");
    const sizes = new Map<string, number>();
    const size = (file: string) => gzippedSize(dir, file, sizes);

    const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
    if (!entryKey) throw new Error("The manifest names no entry.");
    const firstVisit = withStaticImports(manifest, entryKey);

    for (const key of Object.keys(manifest).filter((k) => BEFORE_FIRST_PAINT.test(manifest[k].file))) {
      withStaticImports(manifest, key, firstVisit);
    }
    const routeKeys = Object.keys(manifest).filter(
      (key) => manifest[key].isDynamicEntry && (manifest[key].src ?? key).startsWith(ROUTES),
    );
    const signInKey = routeKeys.find((key) => (manifest[key].src ?? key) === SIGN_IN_ROUTE);
    if (signInKey) withStaticImports(manifest, signInKey, firstVisit);

    const { js, css } = filesOf(manifest, firstVisit);
    for (const file of filesInHtml(html)) (file.endsWith(".css") ? css : js).add(file);
    const total = (files: Set<string>) => [...files].reduce((sum, file) => sum + size(file), 0);
    const jsTotal = total(js);
    const cssTotal = total(css);

    console.log(`First visit to /sign-in (gzip -9), built in ${dir}${scratch ? " (scratch)" : ""}`);
    for (const file of [...js, ...css].sort((a, b) => size(b) - size(a))) {
      console.log(`  ${file.padEnd(48)} ${kB(size(file)).padStart(7)} kB`);
    }
    console.log(
      `  sign-in route chunk: ${signInKey ? manifest[signInKey].file : "none (the sign-in page is in the entry chunk)"}`,
    );
    console.log(`JavaScript: ${kB(jsTotal)} kB gzipped (${js.size} files; target under ${TARGET_JS_KB} kB)`);
    console.log(`CSS:        ${kB(cssTotal)} kB gzipped (${css.size} files)`);

    const largest = routeKeys
      .map((key) => ({ key, file: manifest[key].file, gz: size(manifest[key].file) }))
      .sort((a, b) => b.gz - a.gz)[0];
    if (largest) {
      console.log(`Largest route chunk: ${largest.key} → ${largest.file}, ${kB(largest.gz)} kB gzipped`);
    } else {
      const entry = manifest[entryKey].file;
      console.log(
        `Largest route chunk: none, every route is in the entry ${entry} (${kB(size(entry))} kB gzipped)`,
      );
    }
    console.log(`Route chunks: ${routeKeys.length}`);
  } finally {
    if (scratch) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
