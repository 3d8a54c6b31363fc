/**
 * Benchmark: "Can I use this photo?" for 30 pupils, on the embedded database (PGlite, as a school
 * runs Accord by default), with 1,000 pupils × 8 purposes × 3 years of answer history (two carers
 * per pupil, answering and changing their minds about once a year: ~48,000 answers) and a few
 * restrictions. Measures POST /api/v1/consent/check through the app (in-process inject: routing,
 * session, the history read, the rule, recording the check and its audit event), against a
 * baseline measured in the same run: one indexed lookup of the 30 pupils' answers for a purpose.
 *
 *   npx tsx bench/consent-check.ts
 * Target (issue 13): median under 20 ms.
 */
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { buildApp } from "../src/server/app.js";

const PUPILS = 1000;
const YEARS = 3;
const RUNS = 60;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const database = await openPglite(undefined);
  await database.migrate();
  const db = database.db;
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)) as unknown as { rows: T[] };

  const started = performance.now();
  const {
    rows: [school],
  } = await one<{ id: string }>(sql`INSERT INTO schools (name) VALUES ('Bench Primary') RETURNING id`);
  const {
    rows: [teacher],
  } = await one<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds) VALUES (${school.id}, 'Tess', 'Teacher', ARRAY['staff']) RETURNING id`,
  );
  const { secret, hash } = newSecret();
  await db.execute(
    sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${school.id}, ${teacher.id})`,
  );
  const { rows: pupils } = await one<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds, reg_group, year_group)
        SELECT ${school.id}, 'Pupil', 'Number ' || g, ARRAY['pupil'], 'Class ' || (g % 30), 'Year ' || (g % 7)
        FROM generate_series(1, ${PUPILS}) g RETURNING id`,
  );
  const { rows: carers } = await one<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds)
        SELECT ${school.id}, 'Carer', 'Number ' || g, ARRAY['parent'] FROM generate_series(1, ${PUPILS * 2}) g RETURNING id`,
  );
  await db.execute(
    sql`INSERT INTO pupil_contacts (school_id, pupil_id, contact_id, parental_responsibility)
        SELECT ${school.id}, p, c, true
        FROM unnest(${sql.param(pupils.flatMap((p) => [p.id, p.id]))}::uuid[], ${sql.param(carers.map((c) => c.id))}::uuid[]) AS t(p, c)`,
  );
  // The eight default purposes, made as the app makes them on first use.
  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const cookie = `accord_session=${secret}`;
  const purposes = (await app.inject({ url: "/api/v1/consent/purposes", headers: { cookie } })).json()
    .purposes as {
    id: string;
    key: string;
  }[];
  // Each carer answers each purpose once a year for three years, at random.
  await db.execute(
    sql`INSERT INTO consent_answers (school_id, pupil_id, purpose_id, answer, carer_id, method, wording, wording_sha256, answered_at)
        SELECT ${school.id}, pc.pupil_id, pu.id, CASE WHEN random() < 0.8 THEN 'yes' ELSE 'no' END, pc.contact_id, 'link',
          'wording', repeat('a', 64), now() - make_interval(days => y * 365 + (random() * 300)::int)
        FROM pupil_contacts pc CROSS JOIN consent_purposes pu CROSS JOIN generate_series(0, ${YEARS - 1}) y
        WHERE pc.school_id = ${school.id} AND pu.school_id = ${school.id}`,
  );
  await db.execute(
    sql`INSERT INTO consent_restrictions (school_id, pupil_id, restricted, reason)
        SELECT ${school.id}, id, true, 'bench' FROM people WHERE school_id = ${school.id} AND 'pupil' = ANY(kinds) AND random() < 0.01`,
  );
  await db.execute(sql`ANALYZE`);
  const {
    rows: [{ n }],
  } = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM consent_answers`);
  console.log(
    `seeded ${PUPILS} pupils × ${purposes.length} purposes, ${n} answers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const website = purposes.find((p) => p.key === "school_website")!;
  const pick = () => {
    const start = Math.floor(Math.random() * (PUPILS - 30));
    return pupils.slice(start, start + 30).map((p) => p.id);
  };
  const check = async () => {
    const ids = pick();
    const t = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/consent/check",
      headers: { cookie, origin: "http://localhost:3000" },
      payload: { purposeKey: "school_website", pupilIds: ids },
    });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`check failed: ${res.statusCode} ${res.body}`);
    return ms;
  };
  const lookup = async () => {
    const ids = pick();
    const t = performance.now();
    await db.execute(
      sql`SELECT pupil_id, answer, carer_id, answered_at FROM consent_answers
          WHERE school_id = ${school.id} AND pupil_id = ANY(${sql.param(ids)}::uuid[]) AND purpose_id = ${website.id}`,
    );
    return performance.now() - t;
  };
  for (let i = 0; i < 10; i++) {
    await check();
    await lookup();
  }
  const checks: number[] = [];
  const lookups: number[] = [];
  // Interleaved, so noise on this shared machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    lookups.push(await lookup());
    checks.push(await check());
  }
  const c = median(checks);
  const l = median(lookups);
  console.log(`baseline: one indexed lookup of 30 pupils' answers  median ${l.toFixed(2)} ms`);
  console.log(
    `POST /consent/check, 30 pupils (recorded)           median ${c.toFixed(2)} ms  (${(c / l).toFixed(1)}× the lookup)`,
  );
  console.log(`target: median under 20 ms — ${c < 20 ? "met" : "NOT met"}`);
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
