import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// A locale file is fetched in two parts, so that a first visit to the sign-in page does not download
// every feature's strings. `core`: the sections the app's frame and the pages before signing in
// (sign-in, set-up, an invitation) use. `features`: every other section, fetched with the first
// feature page (src/web/routes.tsx). The files themselves stay whole, for translators; Vite splits them
// (here), and locales.test.ts still checks each whole file.
const coreSections = [
  "app",
  "common",
  "errors",
  "validation",
  "passwordHint",
  "flash",
  "fields",
  "setup",
  "signIn",
  "account",
  "invitation",
  "shell",
  "nav",
  "notFound",
  "noAccess",
  "pagination",
];

type StringsPart = "core" | "features";

function stringsPart(all: Record<string, unknown>, part: StringsPart): Record<string, unknown> {
  const core = (section: string) => coreSections.includes(section);
  return Object.fromEntries(
    Object.entries(all).filter(([section]) => (part === "core" ? core(section) : !core(section))),
  );
}

const stringsId = "\0accord-strings:";

/** `./locales/cy.json?part=core` → a module of just that part of the locale file. */
function localeParts(): Plugin {
  return {
    name: "accord-locale-parts",
    enforce: "pre",
    async resolveId(source, importer) {
      const asked = /^(.+\.json)\?part=(core|features)$/.exec(source);
      if (!asked) return null;
      const file = await this.resolve(asked[1], importer);
      // Not ending in ".json", or Vite's own JSON plugin would read the module again as JSON.
      return file ? `${stringsId}${asked[2]}:${file.id}:strings` : null;
    },
    load(id) {
      if (!id.startsWith(stringsId)) return null;
      const [part, ...path] = id.slice(stringsId.length, -":strings".length).split(":");
      const file = path.join(":");
      this.addWatchFile(file);
      const strings = stringsPart(JSON.parse(readFileSync(file, "utf8")), part as StringsPart);
      return `export default ${JSON.stringify(strings)};`;
    },
  };
}

/** Chunks named for what they hold: a feature's pages by the feature, a locale part by language and part. */
function chunkName(facade: string | null | undefined, name: string): string {
  const feature = facade && /features\/(.+)\/pages\.ts$/.exec(facade);
  if (feature) return feature[1].replace(/\//g, "-");
  const strings =
    facade?.startsWith(stringsId) &&
    /^(\w+):.*\/([\w-]+)\.json:strings$/.exec(facade.slice(stringsId.length));
  if (strings) return `strings-${strings[2]}-${strings[1]}`;
  return name;
}

// The web app lives in src/web and is built into dist/web, which the Fastify server serves.
export default defineConfig({
  root: "src/web",
  plugins: [react(), localeParts()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // bench/bundle.ts reads it to tell which files a first visit downloads.
    manifest: true,
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => `assets/${chunkName(chunk.facadeModuleId, chunk.name)}-[hash].js`,
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
