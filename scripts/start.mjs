// `npm start`: build the web app if it has not been built, then run the server (which applies
// migrations itself). Kept in plain JavaScript so it runs before anything is compiled.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("dist/web/index.html") && existsSync("src/web/index.html")) {
  console.log("Building the web app (first start only)…");
  const built = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const server = spawnSync(process.execPath, ["--import", "tsx", "src/server/start.ts"], { stdio: "inherit" });
process.exit(server.status ?? 1);
