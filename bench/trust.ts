/**
 * Benchmark: a trust's data (issue 20). 50 schools × 120 staff × 6 agreements (36,000 cells, ~70%
 * signed), 600 pupils each (30,000) × the 8 default consent purposes with one carer each, 100
 * incidents each (5,000), the default courses with completions, 40 policies each. Measures
 * `GET /api/v1/trust/schools` for the trust admin (every school's headline figures, from the
 * dashboard's own queries) and one school's termly governors' report (PDF), against plain
 * aggregates over the whole trust (one GROUP BY school per chart) in the same run.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/trust.ts
 *   (without it: the embedded PGlite; BENCH_SCHOOLS=10 for a smaller trust)
 * Targets (issue 20): the trust's data under 300 ms median on PostgreSQL; the PDF under 2 s.
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { seedCourses } from "../src/modules/training/service.js";
import { buildApp } from "../src/server/app.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 50);
const STAFF = 120;
const AGREEMENTS = 6;
const PUPILS = 600;
const INCIDENTS = 100;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return openPglite(undefined);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS accord_bench_trust WITH (FORCE)");
  await admin.query("CREATE DATABASE accord_bench_trust");
  await admin.end();
  const u = new URL(url);
  u.pathname = "/accord_bench_trust";
  return openPostgres(u.toString(), 10);
}

async function main() {
  const database = await openBenchDatabase();
  await database.migrate();
  const db = database.db;
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const started = performance.now();
  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const [trust] = await rows<{ id: string }>(
    sql`INSERT INTO trusts (name) VALUES ('Bench Trust') RETURNING id`,
  );
  let trustAdminCookie = "";
  let firstSchool = "";
  let firstHeadCookie = "";
  for (let n = 0; n < SCHOOLS; n++) {
    const [school] = await rows<{ id: string }>(
      sql`INSERT INTO schools (name, trust_id) VALUES (${`Bench School ${n + 1}`}, ${trust.id}) RETURNING id`,
    );
    const staff = await rows<{ id: string }>(
      sql`INSERT INTO people (school_id, given_name, family_name, kinds, department, start_date)
          SELECT ${school.id}, 'Staff', 'Member ' || g, ARRAY['staff'], 'Department ' || (g % 6), DATE '2019-09-01'
          FROM generate_series(1, ${STAFF}) g RETURNING id`,
    );
    const head = staff[0];
    await db.execute(
      sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${school.id}, ${head.id}, 'headteacher')`,
    );
    const { secret, hash } = newSecret();
    await db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${school.id}, ${head.id})`,
    );
    if (n === 0) {
      firstSchool = school.id;
      firstHeadCookie = `accord_session=${secret}`;
      await db.execute(
        sql`INSERT INTO trust_roles (trust_id, school_id, person_id, role) VALUES (${trust.id}, ${school.id}, ${head.id}, 'trust_admin')`,
      );
      trustAdminCookie = firstHeadCookie;
    }
    const [policy] = await rows<{ id: string }>(
      sql`INSERT INTO policies (school_id, title, audiences) VALUES (${school.id}, 'AUP', ARRAY['staff']) RETURNING id`,
    );
    const [version] = await rows<{ id: string }>(
      sql`INSERT INTO policy_versions (school_id, policy_id, major, minor, status, content, statements)
          VALUES (${school.id}, ${policy.id}, 1, 0, 'published', 'x', '["I will"]') RETURNING id`,
    );
    const staffIds = sql.param(staff.map((p) => p.id));
    for (let a = 0; a < AGREEMENTS; a++) {
      const [agreement] = await rows<{ id: string }>(
        sql`INSERT INTO agreements (school_id, policy_id, policy_version_id, title, audience, declaration, statements, text_sha256)
            VALUES (${school.id}, ${policy.id}, ${version.id}, ${`Agreement ${a + 1}`}, 'staff', 'I agree', '["I will"]', repeat('a', 64)) RETURNING id`,
      );
      await db.execute(
        sql`INSERT INTO assignments (school_id, agreement_id, person_id, due_date, source)
            SELECT ${school.id}, ${agreement.id}, unnest(${staffIds}::uuid[]), current_date + 14, 'manual'`,
      );
      await db.execute(
        sql`INSERT INTO signatures (school_id, subject_type, subject_id, kind, person_id, full_name, text_sha256, auth_method, signed_at, audit_event_id, verification_ref)
            SELECT ${school.id}, 'agreement', ${agreement.id}, 'signed', p, 'Staff', repeat('a', 64), 'password',
              now() - random() * interval '365 days', gen_random_uuid(), gen_random_uuid()::text
            FROM unnest(${staffIds}::uuid[]) p WHERE random() < 0.7`,
      );
    }
    const pupils = await rows<{ id: string }>(
      sql`INSERT INTO people (school_id, given_name, family_name, kinds, reg_group, year_group)
          SELECT ${school.id}, 'Pupil', 'Number ' || g, ARRAY['pupil'], 'Class ' || (g % 21), 'Year ' || (g % 7)
          FROM generate_series(1, ${PUPILS}) g RETURNING id`,
    );
    const carers = await rows<{ id: string }>(
      sql`INSERT INTO people (school_id, given_name, family_name, kinds)
          SELECT ${school.id}, 'Carer', 'Number ' || g, ARRAY['parent'] FROM generate_series(1, ${PUPILS}) g RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, parental_responsibility)
          SELECT ${school.id}, p, c, true
          FROM unnest(${sql.param(pupils.map((p) => p.id))}::uuid[], ${sql.param(carers.map((c) => c.id))}::uuid[]) AS t(p, c)`,
    );
    await seedCourses(db, school.id);
    await db.execute(
      sql`INSERT INTO training_completions (school_id, course_id, person_id, completed_on, source)
          SELECT ${school.id}, c.id, p.id, current_date - ((abs(hashtext(p.id::text || c.id::text)) % 700) || ' days')::interval, 'attendance'
          FROM people p CROSS JOIN training_courses c
          WHERE p.school_id = ${school.id} AND 'staff' = ANY(p.kinds) AND c.school_id = ${school.id}`,
    );
    await db.execute(
      sql`INSERT INTO policies (school_id, title, audiences, next_review_due)
          SELECT ${school.id}, 'Policy ' || g, ARRAY['staff'], CASE WHEN g % 5 = 0 THEN NULL ELSE current_date + (g * 9 - 120) END
          FROM generate_series(1, 40) g`,
    );
    await db.execute(
      sql`INSERT INTO incidents (school_id, reference, category, occurred_at, aware_at, summary, reporter_id, routed_roles, status, reported_at)
          SELECT ${school.id}, 'INC-' || lpad(g::text, 5, '0'),
            (ARRAY['cyberbullying','inappropriate_content','filtering_breach','inappropriate_contact','other'])[1 + g % 5],
            now() - make_interval(hours => g * 40), now() - make_interval(hours => g * 40), 'History ' || g, ${head.id},
            ARRAY['dsl'], 'closed', now() - make_interval(hours => g * 40)
          FROM generate_series(1, ${INCIDENTS}) g`,
    );
    // The eight default purposes, made as the app makes them on first use; each carer answers each.
    const res = await app.inject({
      url: "/api/v1/consent/purposes",
      headers: { cookie: `accord_session=${secret}` },
    });
    if (res.statusCode !== 200) throw new Error(`purposes: ${res.statusCode} ${res.body}`);
    await db.execute(
      sql`INSERT INTO consent_answers (school_id, pupil_id, purpose_id, answer, carer_id, method, wording, wording_sha256, answered_at)
          SELECT ${school.id}, pc.pupil_id, pu.id, CASE WHEN random() < 0.8 THEN 'yes' ELSE 'no' END, pc.contact_id, 'link',
            'wording', repeat('a', 64), now() - random() * interval '300 days'
          FROM pupil_contacts pc CROSS JOIN consent_purposes pu
          WHERE pc.school_id = ${school.id} AND pu.school_id = ${school.id}`,
    );
  }
  await db.execute(sql`ANALYZE`);
  console.log(
    `seeded ${SCHOOLS} schools × ${STAFF} staff × ${AGREEMENTS} agreements, ${SCHOOLS * PUPILS} pupils × 8 purposes, ${SCHOOLS * INCIDENTS} incidents on ${database.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const timed = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const trustView = () =>
    timed(async () => {
      const res = await app.inject({ url: "/api/v1/trust/schools", headers: { cookie: trustAdminCookie } });
      if (res.statusCode !== 200) throw new Error(`trust view: ${res.statusCode} ${res.body}`);
      if (res.json().schools.length !== SCHOOLS) throw new Error("not every school");
    });
  const governorsPdf = () =>
    timed(async () => {
      const res = await app.inject({
        url: "/api/v1/reports/governors.pdf",
        headers: { cookie: firstHeadCookie },
      });
      if (res.statusCode !== 200)
        throw new Error(`governors' report: ${res.statusCode} ${res.body.slice(0, 200)}`);
    });
  // Plain aggregates over the whole trust: one GROUP BY school per chart.
  const bare = () =>
    timed(async () => {
      await db.execute(
        sql`SELECT school_id, count(*) FROM signatures WHERE kind = 'signed' GROUP BY school_id`,
      );
      await db.execute(
        sql`SELECT school_id, count(*) FILTER (WHERE answer = 'yes') FROM consent_answers GROUP BY school_id`,
      );
      await db.execute(
        sql`SELECT school_id, category, count(*) FROM incidents WHERE occurred_at > now() - interval '120 days' GROUP BY 1, 2`,
      );
      await db.execute(
        sql`SELECT school_id, count(*) FROM policies WHERE next_review_due < current_date GROUP BY 1`,
      );
      await db.execute(
        sql`SELECT school_id, count(DISTINCT (person_id, course_id)) FROM training_completions GROUP BY 1`,
      );
    });
  await bare();
  await trustView();
  await governorsPdf();
  const times = { bare: [] as number[], trust: [] as number[], pdf: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.bare.push(await bare());
    times.trust.push(await trustView());
    times.pdf.push(await governorsPdf());
  }
  const b = median(times.bare);
  const tr = median(times.trust);
  const p = median(times.pdf);
  console.log(`baseline: one GROUP BY school per chart (5 queries)   median ${b.toFixed(1)} ms`);
  console.log(
    `GET /api/v1/trust/schools (${SCHOOLS} schools)          median ${tr.toFixed(1)} ms  (${(tr / b).toFixed(1)}×)`,
  );
  console.log(
    `GET /api/v1/reports/governors.pdf (one school)       median ${p.toFixed(1)} ms  (${(p / b).toFixed(1)}×)`,
  );
  await app.close();
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
