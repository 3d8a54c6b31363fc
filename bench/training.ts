/**
 * Benchmark: a school's training matrix on the embedded database (PGlite): 150 staff, 10 courses,
 * five years of completions (one a year for each person and course, 7,500 rows, a few withdrawn).
 * Measures GET /api/v1/compliance/training through the app (session, courses, people with their
 * roles, each person's latest completion per course, the statuses) and the coverage in-process,
 * each against the bare aggregate (latest completion per person and course) in the same run.
 *
 *   npx tsx bench/training.ts
 * Target (issue 17): the matrix under 30 ms median.
 */
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { coverage } from "../src/modules/training/coverage.js";
import { seedCourses } from "../src/modules/training/service.js";
import { buildApp } from "../src/server/app.js";

const STAFF = 150;
const YEARS = 5;
const RUNS = 40;
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
  await seedCourses(db, school.id);
  // Three more courses of the school's own, to make ten.
  await db.execute(
    sql`INSERT INTO training_courses (school_id, key, name, validity_months, required_kinds, position)
        SELECT ${school.id}, 'own_' || g, 'School course ' || g, 12 * g, ARRAY['staff'], 10 + g FROM generate_series(1, 3) g`,
  );
  const people = await rows<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds, department, start_date)
        SELECT ${school.id}, 'Person', 'Number ' || g, ARRAY['staff'], 'Department ' || (g % 8), DATE '2018-09-01'
        FROM generate_series(1, ${STAFF}) g RETURNING id`,
  );
  const head = people[0];
  await db.execute(
    sql`INSERT INTO role_assignments (school_id, person_id, role)
        SELECT ${school.id}, id, (ARRAY['headteacher','dsl','deputy_dsl','network_manager','online_safety_lead'])[1 + (row_number() OVER ()) % 5]
        FROM (SELECT id FROM people WHERE school_id = ${school.id} LIMIT 12) p`,
  );
  await db.execute(
    sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${school.id}, ${head.id}, 'school_admin')
        ON CONFLICT DO NOTHING`,
  );
  const { secret, hash } = newSecret();
  await db.execute(
    sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${school.id}, ${head.id})`,
  );
  // One completion a year for five years, on a day that varies by person and course.
  await db.execute(
    sql`INSERT INTO training_completions (school_id, course_id, person_id, completed_on, source)
        SELECT ${school.id}, c.id, p.id,
          current_date - make_interval(years => y) - ((abs(hashtext(p.id::text || c.id::text)) % 200) || ' days')::interval,
          'attendance'
        FROM people p CROSS JOIN training_courses c CROSS JOIN generate_series(0, ${YEARS - 1}) y
        WHERE p.school_id = ${school.id} AND c.school_id = ${school.id}`,
  );
  await db.execute(
    sql`INSERT INTO training_withdrawals (completion_id, school_id, reason)
        SELECT id, school_id, 'Recorded by mistake' FROM training_completions WHERE school_id = ${school.id}
        ORDER BY id LIMIT 50`,
  );
  await db.execute(sql`ANALYZE`);
  const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM training_completions`);
  console.log(
    `seeded ${STAFF} staff, 10 courses, ${n} completions in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const matrix = async () => {
    const t = performance.now();
    const res = await app.inject({
      url: "/api/v1/compliance/training",
      headers: { cookie: `accord_session=${secret}` },
    });
    if (res.statusCode !== 200) throw new Error(`matrix failed: ${res.statusCode} ${res.body}`);
    return performance.now() - t;
  };
  const inProcess = async () => {
    const t = performance.now();
    await coverage(db, school.id);
    return performance.now() - t;
  };
  const bare = async () => {
    const t = performance.now();
    await db.execute(
      sql`SELECT person_id, course_id, max(completed_on) FROM training_completions
          WHERE school_id = ${school.id} GROUP BY person_id, course_id`,
    );
    return performance.now() - t;
  };
  for (let i = 0; i < 3; i++) {
    await bare();
    await inProcess();
    await matrix();
  }
  const times = { bare: [] as number[], inProcess: [] as number[], matrix: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.bare.push(await bare());
    times.inProcess.push(await inProcess());
    times.matrix.push(await matrix());
  }
  const b = median(times.bare);
  const c = median(times.inProcess);
  const m = median(times.matrix);
  console.log(`baseline: GROUP BY person, course max(completed_on)   median ${b.toFixed(2)} ms`);
  console.log(
    `coverage (three queries and the statuses)            median ${c.toFixed(2)} ms  (${(c / b).toFixed(1)}×)`,
  );
  console.log(
    `GET /compliance/training (through the app)           median ${m.toFixed(2)} ms  (${(m / b).toFixed(1)}×)`,
  );
  console.log(`target: matrix under 30 ms — ${m < 30 ? "met" : "NOT met"}`);
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
