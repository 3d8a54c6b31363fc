/**
 * Benchmark: the agreements compliance view for a trust of 50 schools × 120 staff × 6 agreements
 * (36,000 person × agreement cells) on PostgreSQL. Measures GET /api/v1/compliance/agreements
 * through the app (in-process inject: routing, auth, queries, JSON), for one school and for all 50
 * in turn (the whole trust's 36,000 cells), and prints the query plans' key indexes.
 *
 *   npx tsx bench/compliance.ts     (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 */
import pg from "pg";
import { openPostgres } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { buildApp } from "../src/server/app.js";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SCHOOLS = 50;
const STAFF = 120;
const AGREEMENTS = 6;
const RUNS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const name = `accord_bench_comp_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  try {
    await database.migrate();
    const q = (text: string, values: unknown[] = []) => database.pool!.query(text, values);
    const cookies: string[] = [];
    const started = performance.now();
    for (let s = 0; s < SCHOOLS; s++) {
      const {
        rows: [school],
      } = await q("INSERT INTO schools (name) VALUES ($1) RETURNING id", [`School ${s + 1}`]);
      const { rows: staff } = await q(
        "INSERT INTO people (school_id, given_name, family_name, kinds, department) SELECT $1, 'Staff', 'Member' || g, ARRAY['staff'], 'Dept ' || (g % 5) FROM generate_series(1, $2) g RETURNING id",
        [school.id, STAFF],
      );
      await q("INSERT INTO role_assignments (school_id, person_id, role) VALUES ($1, $2, 'school_admin')", [
        school.id,
        staff[0].id,
      ]);
      const { secret, hash } = newSecret();
      await q("INSERT INTO sessions (token_hash, school_id, person_id) VALUES ($1, $2, $3)", [
        hash,
        school.id,
        staff[0].id,
      ]);
      cookies.push(`accord_session=${secret}`);
      const {
        rows: [policy],
      } = await q(
        "INSERT INTO policies (school_id, title, audiences) VALUES ($1, 'AUP', ARRAY['staff']) RETURNING id",
        [school.id],
      );
      const {
        rows: [version],
      } = await q(
        "INSERT INTO policy_versions (school_id, policy_id, major, minor, status, content, statements) VALUES ($1, $2, 1, 0, 'published', 'x', '[\"I will\"]') RETURNING id",
        [school.id, policy.id],
      );
      for (let a = 0; a < AGREEMENTS; a++) {
        const {
          rows: [agreement],
        } = await q(
          "INSERT INTO agreements (school_id, policy_id, policy_version_id, title, audience, declaration, statements, text_sha256) VALUES ($1, $2, $3, $4, 'staff', 'I agree', '[\"I will\"]', repeat('a', 64)) RETURNING id",
          [school.id, policy.id, version.id, `Agreement ${a + 1}`],
        );
        await q(
          "INSERT INTO assignments (school_id, agreement_id, person_id, due_date, source) SELECT $1, $2, unnest($3::uuid[]), current_date + (random() * 20 - 10)::int, 'manual'",
          [school.id, agreement.id, staff.map((p) => p.id)],
        );
        // About 70% have signed; a few declined.
        await q(
          `INSERT INTO signatures (school_id, subject_type, subject_id, kind, person_id, full_name, text_sha256, auth_method, signed_at, audit_event_id, verification_ref)
           SELECT $1, 'agreement', $2, CASE WHEN random() < 0.03 THEN 'declined' ELSE 'signed' END, p, 'Staff', repeat('a', 64), 'password', now() - random() * interval '30 days', gen_random_uuid(), gen_random_uuid()::text
           FROM unnest($3::uuid[]) p WHERE random() < 0.7`,
          [school.id, agreement.id, staff.map((p) => p.id)],
        );
      }
    }
    await q("ANALYZE");
    console.log(
      `data: ${SCHOOLS} schools × ${STAFF} staff × ${AGREEMENTS} agreements = ${SCHOOLS * STAFF * AGREEMENTS} cells (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const app = await buildApp(
      database,
      loadConfig({ ACCORD_LOG_LEVEL: "silent", DATABASE_URL: url.toString() }),
    );
    await app.ready();
    const fetchOne = async (cookie: string) => {
      const t = performance.now();
      const res = await app.inject({ url: "/api/v1/compliance/agreements", headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
      return {
        ms: performance.now() - t,
        cells: (res.json() as { people: unknown[] }).people.length * AGREEMENTS,
      };
    };
    await fetchOne(cookies[0]); // warm up
    const one: number[] = [];
    for (let i = 0; i < RUNS; i++) one.push((await fetchOne(cookies[i % SCHOOLS])).ms);
    const trust: number[] = [];
    let cells = 0;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      cells = 0;
      for (const c of cookies) cells += (await fetchOne(c)).cells;
      trust.push(performance.now() - t);
    }
    console.log(
      `one school (${STAFF * AGREEMENTS} cells): median ${median(one).toFixed(1)} ms over ${RUNS} requests (min ${Math.min(...one).toFixed(1)}, max ${Math.max(...one).toFixed(1)})`,
    );
    console.log(
      `whole trust, all ${SCHOOLS} schools in turn (${cells} cells): median ${median(trust).toFixed(0)} ms over 5 runs`,
    );

    const {
      rows: [school],
    } = await q("SELECT id FROM schools LIMIT 1");
    for (const [label, sqlText] of [
      [
        "assignments",
        "SELECT agreement_id, person_id, due_date FROM assignments WHERE school_id = $1 AND agreement_id = ANY(SELECT id FROM agreements WHERE school_id = $1) AND cancelled_at IS NULL",
      ],
      [
        "signatures",
        "SELECT id, person_id, subject_id, kind, signed_at FROM signatures WHERE school_id = $1 AND subject_type = 'agreement' AND person_id IS NOT NULL",
      ],
      [
        "people",
        "SELECT id FROM people WHERE school_id = $1 AND (leave_date IS NULL OR leave_date > current_date) ORDER BY family_name, given_name",
      ],
    ] as const) {
      const { rows } = await q(`EXPLAIN ${sqlText}`, [school.id]);
      const plan = rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]).join(" | ");
      console.log(
        `plan ${label}: ${plan.match(/(Index[ A-Za-z]* Scan using \w+|Seq Scan on \w+|Bitmap Index Scan on \w+)/g)?.join(", ")}`,
      );
    }
    await app.close();
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
