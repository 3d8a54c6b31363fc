/**
 * Benchmark: staff signing through the API under load (autocannon, loopback, 10 connections) on
 * PostgreSQL, against a bare INSERT of the same signature row through the same driver (pg, 10
 * connections) measured in the same run. Each request is a different member of staff (a session
 * cookie each), as on an INSET morning.
 *
 *   npx tsx bench/signing.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 *                                BENCH_ROUNDS, default 3: flat-out and bare-INSERT runs, median ratio quoted)
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import autocannon from "autocannon";
import pg from "pg";
import { newSecret } from "../src/kernel/secrets.js";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SIGNERS = 100_000; // enough for every round to sign someone new
const SECONDS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

type Cpu = { server: number; postgres: number; total: number };

/** CPU seconds used so far by the server process, by all PostgreSQL processes, and by the machine. */
function cpuSeconds(serverPid: number): Cpu {
  const tick = 100; // USER_HZ on Linux
  const ofPid = (pid: string) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return {
        name: readFileSync(`/proc/${pid}/comm`, "utf8").trim(),
        parent: fields[1],
        cpu: (+fields[11] + +fields[12]) / tick,
        reaped: (+fields[13] + +fields[14]) / tick,
      };
    } catch {
      return { name: "", parent: "", cpu: 0, reaped: 0 };
    }
  };
  let postgres = 0;
  const all = new Map(
    readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map((pid) => [pid, ofPid(pid)]),
  );
  for (const p of all.values()) {
    if (p.name !== "postgres") continue;
    postgres += p.cpu;
    // The postmaster (whose parent is not PostgreSQL) also counts its children that have ended
    // (backends, autovacuum workers), so PostgreSQL's total does not drop when one exits.
    if (all.get(p.parent)?.name !== "postgres") postgres += p.reaped;
  }
  const [user, nice, system] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .split(/\s+/)
    .slice(1, 4)
    .map(Number);
  return { server: ofPid(String(serverPid)).cpu, postgres, total: (user + nice + system) / tick };
}

async function main() {
  const name = `accord_bench_sign_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=.test-cache/prof"] : [];
  const server = spawn(process.execPath, [...profile, "--import", "tsx", "src/server/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url.toString(),
      ACCORD_PUBLIC_URL: base,
      ACCORD_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    const head = { name: "Bench Head", email: "head@bench.test", password: "quiet-harbour-lantern-97" };
    await fetch(`${base}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ school: { name: "Bench School" }, admin: head }),
    });
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(head),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { "content-type": "application/json", cookie, origin: base },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    await call("PUT", "/api/v1/policies/settings/approvers", { roles: [] });
    const policy = await call("POST", "/api/v1/policies", { title: "Acceptable use", audiences: ["staff"] });
    const versionId = policy.versions[0].id;
    await call("PATCH", `/api/v1/policies/${policy.id}/versions/${versionId}`, {
      content: "# Rules",
      statements: [
        "I will lock my screen.",
        "I will not share my password.",
        "I understand my use is monitored.",
      ],
    });
    await call("POST", `/api/v1/policies/${policy.id}/versions/${versionId}/publish`);
    const agreement = await call("POST", "/api/v1/agreements", {
      policyVersionId: versionId,
      title: "Staff AUP",
      audience: "staff",
      declaration: "I agree to follow this agreement.",
      choices: [{ key: "photo", label: "Photo use", options: ["agree", "disagree"] }],
    });

    // Many signers, each with a session, straight into the database (setting them up is not what is measured).
    const db = new pg.Pool({ connectionString: url.toString(), max: 10 });
    const {
      rows: [school],
    } = await db.query("SELECT id FROM schools LIMIT 1");
    const cookies: string[] = [];
    const signerIds: string[] = [];
    for (let i = 0; i < SIGNERS; i += 1000) {
      const n = Math.min(1000, SIGNERS - i);
      const { rows } = await db.query(
        "INSERT INTO people (school_id, given_name, family_name, kinds, job_title, email) SELECT $1, 'Signer', 'No' || g, ARRAY['staff'], 'Teacher', 'signer' || g || '@bench.test' FROM generate_series($2::int, $3::int) g RETURNING id",
        [school.id, i, i + n - 1],
      );
      const secrets = rows.map(() => newSecret());
      await db.query(
        "INSERT INTO sessions (token_hash, school_id, person_id) SELECT unnest($1::text[]), $2, unnest($3::uuid[])",
        [secrets.map((s) => s.hash), school.id, rows.map((r) => r.id)],
      );
      cookies.push(...secrets.map((s) => `accord_session=${s.secret}`));
      signerIds.push(...rows.map((r) => r.id as string));
    }
    // Each signer was last seen two minutes ago (they opened the agreement, read it, then sign),
    // so every request also touches its session: the most work a signature can bring.
    await db.query("UPDATE sessions SET last_seen_at = now() - interval '2 minutes'");
    // As on a real INSET morning, the staff were loaded long before: tables vacuumed and analysed.
    await db.query("VACUUM ANALYZE people, sessions");
    // …and checkpointed since: the load's WAL is not written out during the measurement.
    await db.query("CHECKPOINT");
    const body = JSON.stringify({
      fullName: "Signer",
      jobTitle: "Teacher",
      choices: { photo: "agree" },
      textSha256: agreement.textSha256,
    });

    let next = 0;
    const run = (overallRate?: number, duration = SECONDS) =>
      autocannon({
        url: `${base}/api/v1/agreements/${agreement.id}/signatures`,
        connections: 10,
        duration,
        overallRate,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => ({
              ...req,
              body,
              headers: {
                ...req.headers,
                "content-type": "application/json",
                origin: base,
                cookie: cookies[next++ % cookies.length],
              },
            }),
          },
        ],
      });
    // Warm-up, not counted: the first requests of a fresh process compile code (JIT) and fill
    // caches; the targets are about a server that has been up for a while.
    await run(200, 3);
    const paced = await run(200);

    // The floor: the same row inserted through the same driver, 10 at a time, for the same time.
    // Like the API's rows, each is for a different member of staff (a signature's foreign key
    // locks its person's row: one person for every row would be a cheaper row than the API's).
    const {
      rows: [audit],
    } = await db.query("SELECT id FROM audit_events LIMIT 1");

    let inserts = 0;
    const bareInserts = async () => {
      // A fresh copy of the signatures table each round (same columns, defaults, indexes and
      // foreign keys), dropped afterwards: the baseline's rows must not leave the API's own
      // table bigger, or autovacuum busy with it, in the next round.
      await db.query(`DROP TABLE IF EXISTS bare_signatures;
        CREATE TABLE bare_signatures (LIKE signatures INCLUDING ALL);
        ALTER TABLE bare_signatures ADD FOREIGN KEY (school_id) REFERENCES schools (id),
          ADD FOREIGN KEY (person_id) REFERENCES people (id),
          ADD FOREIGN KEY (on_behalf_of_id) REFERENCES people (id),
          ADD FOREIGN KEY (corrects_id) REFERENCES bare_signatures (id)`);
      const from = inserts;
      const until = Date.now() + SECONDS * 1000;
      const startedAt = performance.now();
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (Date.now() < until) {
            await db.query(
              `INSERT INTO bare_signatures (school_id, subject_type, subject_id, kind, person_id, full_name, job_title, choices, text_sha256, auth_method, signed_at, ip, user_agent, audit_event_id, verification_ref)
               VALUES ($1, 'agreement', $2, 'signed', $3, 'Signer', 'Teacher', '{"photo":"agree"}', $4, 'password', now(), '127.0.0.1', 'bench', $5, $6)`,
              [
                school.id,
                agreement.id,
                signerIds[(SIGNERS - 1 - inserts) % SIGNERS],
                agreement.textSha256,
                audit.id,
                `B${inserts}-${Math.random()}`,
              ],
            );
            inserts++;
          }
        }),
      );
      const rate = (inserts - from) / ((performance.now() - startedAt) / 1000);
      await db.query("DROP TABLE bare_signatures");
      return { rows: inserts - from, rate };
    };

    // Flat out, then the bare INSERT, ROUNDS times: the machine is shared and noisy, so each
    // round's ratio compares two runs a few seconds apart, and the median of the rounds is quoted.
    const signedPerSecond = (r: autocannon.Result) => r["2xx"] / r.duration;
    const perItem = (before: Cpu, after: Cpu, n: number, k: keyof Cpu) =>
      (((after[k] - before[k]) * 1000) / n).toFixed(2);
    console.log(
      `API paced at 200/s: ${signedPerSecond(paced).toFixed(0)} signatures/s, p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms, non-2xx ${paced.non2xx}, errors ${paced.errors}`,
    );
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const c0 = cpuSeconds(server.pid!);
      const flat = await run();
      const c1 = cpuSeconds(server.pid!);
      const bare = await bareInserts();
      const c2 = cpuSeconds(server.pid!);
      const ratio = signedPerSecond(flat) / bare.rate;
      ratios.push(ratio);
      console.log(
        `round ${round}: API flat out ${signedPerSecond(flat).toFixed(0)} signatures/s (p50 ${flat.latency.p50} ms, p99 ${flat.latency.p99} ms, non-2xx ${flat.non2xx}, errors ${flat.errors}; CPU per signature: server ${perItem(c0, c1, flat["2xx"], "server")} ms, PostgreSQL ${perItem(c0, c1, flat["2xx"], "postgres")} ms, machine ${perItem(c0, c1, flat["2xx"], "total")} ms)`,
      );
      console.log(
        `         bare INSERT ${bare.rate.toFixed(0)} rows/s (CPU per row: PostgreSQL ${perItem(c1, c2, bare.rows, "postgres")} ms, machine ${perItem(c1, c2, bare.rows, "total")} ms); ratio ${ratio.toFixed(3)}`,
      );
    }
    if (next > cookies.length) console.warn("warning: signers were reused, so some requests were 409s");
    await db.end();
    const median = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)];
    console.log(
      `ratio API flat-out / bare INSERT, median of ${ROUNDS} rounds: ${median.toFixed(3)} (target: at least 1/3, ${median >= 1 / 3 ? "met" : "not met"})`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
