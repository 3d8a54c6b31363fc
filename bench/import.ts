/**
 * Benchmark: import a 100,000-row pupils file through the API, on the embedded database and on
 * PostgreSQL, against a bare COPY of the same rows into the same database (the floor).
 * Reports wall time (median of runs), the ratio to COPY, and the server's peak memory (VmHWM).
 *
 *   npx tsx bench/import.ts [rows=100000] [runs=3]
 * PostgreSQL is used when BENCH_DATABASE_URL is set (default postgres://postgres@127.0.0.1:5432/postgres
 * if reachable); every run gets a new database.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openPglite } from "../src/db/client.js";

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const work = mkdtempSync(path.join(os.tmpdir(), "accord-bench-"));

const FIRST = [
  "Amira",
  "Ben",
  "Cara",
  "Dafydd",
  "Elin",
  "Farah",
  "Gethin",
  "Hana",
  "Idris",
  "Jasmine",
  "Kai",
  "Lowri",
];
const LAST = ["Ashcombe", "Brackwell", "Carrow", "Dunmere", "Eastleigh", "Fennimore", "Garside", "Hollins"];
const YEARS = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"];

function makeFile() {
  const lines = ["UPN,Admission Number,Legal Forename,Legal Surname,Year Group,Reg Group,Date of Birth"];
  const copy: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const upn = `B${String(100000000000 + i)}`;
    const y = i % 7;
    const dob = `${String((i % 28) + 1).padStart(2, "0")}/${String((i % 12) + 1).padStart(2, "0")}/${2020 - y}`;
    const row = [
      upn,
      String(10000 + i),
      FIRST[i % FIRST.length],
      `${LAST[i % LAST.length]}${i}`,
      YEARS[y],
      `${YEARS[y].slice(-1)}${"ABC"[i % 3]}`,
    ];
    lines.push([...row, dob].join(","));
    copy.push(
      [
        ...row,
        `${2020 - y}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      ].join(","),
    );
  }
  writeFileSync(path.join(work, "pupils.csv"), `${lines.join("\n")}\n`);
  writeFileSync(path.join(work, "copy.csv"), `${copy.join("\n")}\n`);
}

const COPY_TABLE = `CREATE TABLE bench_copy (upn text, admission_number text, given_name text, family_name text, year_group text, reg_group text, date_of_birth date)`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function peakRssMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function importOnce(env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/start.ts"], {
    env: { ...process.env, PORT: String(port), ACCORD_PUBLIC_URL: url, ACCORD_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const admin = { name: "Bench Head", email: "bench@school.test", password: "quiet-harbour-lantern-97" };
  const setup = await fetch(`${url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ school: { name: "Bench" }, admin }),
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  const tok = await fetch(`${url}/api/v1/api-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await tok.json()) as { token: string };
  const body = readFileSync(path.join(work, "pupils.csv"));
  const baseRss = peakRssMb(child.pid!);
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/people/import?kind=pupils`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body,
  });
  const ms = performance.now() - started;
  const report = (await res.json()) as { created: number };
  if (report.created !== ROWS)
    throw new Error(
      `import created ${report.created}, expected ${ROWS}: ${JSON.stringify(report).slice(0, 300)}`,
    );
  const peak = peakRssMb(child.pid!);
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return { ms, peakMb: peak, idleMb: baseRss };
}

async function copyPglite(dataDir: string) {
  const db = await openPglite(dataDir);
  await db.pglite!.exec(COPY_TABLE);
  const blob = new Blob([readFileSync(path.join(work, "copy.csv"))]);
  const started = performance.now();
  await db.pglite!.query("COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv)", [], { blob });
  const ms = performance.now() - started;
  await db.close();
  return ms;
}

function copyPostgres(url: string) {
  execFileSync("psql", [url, "-qc", COPY_TABLE]);
  const started = performance.now();
  execFileSync("psql", [
    url,
    "-qc",
    `\\copy bench_copy FROM '${path.join(work, "copy.csv")}' WITH (FORMAT csv)`,
  ]);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pgReachable() {
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  makeFile();
  console.log(
    `pupils file: ${ROWS} rows, ${(readFileSync(path.join(work, "pupils.csv")).length / 1e6).toFixed(1)} MB; ${RUNS} runs each; ${os.cpus().length} cores`,
  );
  const results: Record<string, { importMs: number[]; copyMs: number[]; peakMb: number[] }> = {};

  results.pglite = { importMs: [], copyMs: [], peakMb: [] };
  for (let r = 0; r < RUNS; r++) {
    const dir = path.join(work, `pglite-${r}`);
    const { ms, peakMb } = await importOnce({ ACCORD_DATA_DIR: dir });
    results.pglite.importMs.push(ms);
    results.pglite.peakMb.push(peakMb);
    results.pglite.copyMs.push(await copyPglite(dir));
    rmSync(dir, { recursive: true, force: true });
  }

  if (await pgReachable()) {
    results.postgresql = { importMs: [], copyMs: [], peakMb: [] };
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    for (let r = 0; r < RUNS; r++) {
      const name = `accord_bench_${process.pid}_${r}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(PG_URL);
      u.pathname = `/${name}`;
      const { ms, peakMb } = await importOnce({ DATABASE_URL: u.toString() });
      results.postgresql.importMs.push(ms);
      results.postgresql.peakMb.push(peakMb);
      results.postgresql.copyMs.push(copyPostgres(u.toString()));
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await admin.end();
  }

  for (const [db, r] of Object.entries(results)) {
    const imp = median(r.importMs);
    const cp = median(r.copyMs);
    console.log(
      `${db.padEnd(10)} import median ${(imp / 1000).toFixed(2)} s (runs: ${r.importMs.map((x) => (x / 1000).toFixed(2)).join(", ")}) | bare COPY median ${(cp / 1000).toFixed(2)} s | ratio ${(imp / cp).toFixed(1)}× | server peak RSS ${Math.max(...r.peakMb).toFixed(0)} MB`,
    );
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
