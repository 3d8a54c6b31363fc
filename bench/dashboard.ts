/**
 * Benchmark: the leaders' dashboard for one school on the embedded database (PGlite): 120 staff ×
 * 6 agreements (720 cells, about 70% signed over the last year), 1,000 pupils × the 8 default
 * consent purposes (one carer each, answered at random), 2,000 incidents over two years, the
 * default training courses with a completion each, 40 policies with review dates.
 * Measures GET /api/v1/reports/dashboard through the app and dashboardFigures in-process, against
 * a plain aggregate baseline in the same run: one GROUP BY per chart (signatures by agreement,
 * answers by purpose, incidents by category, policies by review date, latest completions).
 *
 *   npx tsx bench/dashboard.ts
 */
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { todayInLondon } from "../src/kernel/dates.js";
import { newSecret } from "../src/kernel/secrets.js";
import { dashboardFigures } from "../src/modules/reports/figures.js";
import { termOf, termsEndingWith } from "../src/modules/reports/terms.js";
import { seedCourses } from "../src/modules/training/service.js";
import { buildApp } from "../src/server/app.js";

const STAFF = 120;
const AGREEMENTS = 6;
const PUPILS = 1000;
const INCIDENTS = 2000;
const RUNS = 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const database = await openPglite(undefined);
  await database.migrate();
  const db = database.db;
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const started = performance.now();
  const [school] = await rows<{ id: string }>(
    sql`INSERT INTO schools (name) VALUES ('Bench Primary') RETURNING id`,
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
        SELECT ${school.id}, 'Pupil', 'Number ' || g, ARRAY['pupil'], 'Class ' || (g % 35), 'Year ' || (g % 7)
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
          now() - make_interval(hours => g * 8), now() - make_interval(hours => g * 8), 'History ' || g, ${head.id},
          ARRAY['dsl'], 'closed', now() - make_interval(hours => g * 8)
        FROM generate_series(1, ${INCIDENTS}) g`,
  );

  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const cookie = `accord_session=${secret}`;
  // The eight default purposes, made as the app makes them on first use; each carer answers each.
  const purposes = (await app.inject({ url: "/api/v1/consent/purposes", headers: { cookie } })).json()
    .purposes as { id: string }[];
  await db.execute(
    sql`INSERT INTO consent_answers (school_id, pupil_id, purpose_id, answer, carer_id, method, wording, wording_sha256, answered_at)
        SELECT ${school.id}, pc.pupil_id, pu.id, CASE WHEN random() < 0.8 THEN 'yes' ELSE 'no' END, pc.contact_id, 'link',
          'wording', repeat('a', 64), now() - random() * interval '300 days'
        FROM pupil_contacts pc CROSS JOIN consent_purposes pu
        WHERE pc.school_id = ${school.id} AND pu.school_id = ${school.id}`,
  );
  await db.execute(sql`ANALYZE`);
  console.log(
    `seeded ${STAFF} staff × ${AGREEMENTS} agreements, ${PUPILS} pupils × ${purposes.length} purposes, ${INCIDENTS} incidents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const today = todayInLondon();
  const terms = termsEndingWith(termOf(today), 3);
  const timed = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const throughApp = () =>
    timed(async () => {
      const res = await app.inject({ url: "/api/v1/reports/dashboard", headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`dashboard failed: ${res.statusCode} ${res.body}`);
    });
  const inProcess = () => timed(() => dashboardFigures(db, school.id, terms, today));
  const s = school.id;
  const bare = () =>
    timed(async () => {
      await db.execute(
        sql`SELECT subject_id, count(*) FROM signatures WHERE school_id = ${s} AND kind = 'signed' GROUP BY subject_id`,
      );
      await db.execute(
        sql`SELECT purpose_id, count(*) FILTER (WHERE answer = 'yes') FROM consent_answers WHERE school_id = ${s} GROUP BY purpose_id`,
      );
      await db.execute(
        sql`SELECT category, date_trunc('month', occurred_at), count(*) FROM incidents WHERE school_id = ${s} GROUP BY 1, 2`,
      );
      await db.execute(
        sql`SELECT next_review_due < current_date, count(*) FROM policies WHERE school_id = ${s} GROUP BY 1`,
      );
      await db.execute(
        sql`SELECT person_id, course_id, max(completed_on) FROM training_completions WHERE school_id = ${s} GROUP BY 1, 2`,
      );
    });
  for (let i = 0; i < 3; i++) {
    await bare();
    await inProcess();
    await throughApp();
  }
  const times = { bare: [] as number[], inProcess: [] as number[], app: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.bare.push(await bare());
    times.inProcess.push(await inProcess());
    times.app.push(await throughApp());
  }
  if (process.env.BENCH_PARTS) {
    const f = await import("../src/modules/reports/figures.js");
    const parts: [string, () => Promise<unknown>][] = [
      ["agreements", () => f.agreementFigures(db, s, terms, today)],
      ["consent", () => f.consentFigures(db, s)],
      ["incidents", () => f.incidentFigures(db, s, terms)],
      ["policies", () => f.policyFigures(db, s, today)],
      ["training", () => f.trainingFigures(db, s, today)],
      ["filtering", () => f.filteringFigures(db, s, today)],
    ];
    for (const [name, run] of parts) {
      const xs = [];
      for (let i = 0; i < 7; i++) xs.push(await timed(run));
      console.log(`  ${name.padEnd(12)} median ${median(xs).toFixed(1)} ms`);
    }
  }
  const b = median(times.bare);
  const c = median(times.inProcess);
  const m = median(times.app);
  console.log(`baseline: one GROUP BY per chart (5 queries)          median ${b.toFixed(1)} ms`);
  console.log(
    `dashboardFigures (in-process)                         median ${c.toFixed(1)} ms  (${(c / b).toFixed(1)}×)`,
  );
  console.log(
    `GET /api/v1/reports/dashboard (through the app)       median ${m.toFixed(1)} ms  (${(m / b).toFixed(1)}×)`,
  );
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
