/**
 * Benchmark: a trust-sized device register on the embedded database (PGlite): 20,000 devices and
 * 60,000 loans (most returned, 4,000 out now). Measures GET /api/v1/devices through the app
 * (in-process inject: session, the list with each device's holder, the total) for the first page,
 * a status filter, a text search and a deep page, each against the bare indexed query of one page
 * of devices in the same run.
 *
 *   npx tsx bench/devices.ts
 * Target (issue 16): list, filter and page each under 50 ms median.
 */
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { buildApp } from "../src/server/app.js";

const DEVICES = 20_000;
const LOANS = 60_000;
const RUNS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const database = await openPglite(undefined);
  await database.migrate();
  const db = database.db;
  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const started = performance.now();
  const [school] = await rows<{ id: string }>(
    sql`INSERT INTO schools (name) VALUES ('Bench Trust Academy') RETURNING id`,
  );
  const people = await rows<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds)
        SELECT ${school.id}, 'Person', 'Number ' || g, ARRAY['staff'] FROM generate_series(1, 2000) g RETURNING id`,
  );
  const manager = people[0];
  await db.execute(
    sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${school.id}, ${manager.id}, 'network_manager')`,
  );
  const { secret, hash } = newSecret();
  await db.execute(
    sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${school.id}, ${manager.id})`,
  );
  await db.execute(
    sql`INSERT INTO devices (school_id, asset_tag, type, make_model, serial, status)
        SELECT ${school.id}, 'AT-' || lpad(g::text, 6, '0'),
          (ARRAY['tablet','laptop','phone','camera','removable_media'])[1 + g % 5],
          (ARRAY['iPad 10th gen','Dell Latitude 3440','iPhone SE','Canon PowerShot','Kingston IronKey'])[1 + g % 5],
          'SN' || g, CASE WHEN g % 5 = 0 THEN 'on_loan' ELSE 'in_store' END
        FROM generate_series(1, ${DEVICES}) g`,
  );
  // Three loans per device on average: the older ones returned, one open for each device on loan.
  await db.execute(
    sql`INSERT INTO device_allocations (school_id, device_id, person_id, due_date, out_at, returned_at)
        SELECT ${school.id}, d.id, p.id, current_date + 7, now() - make_interval(days => k * 30),
          CASE WHEN k = 0 AND d.status = 'on_loan' THEN NULL ELSE now() - make_interval(days => k * 30 - 5) END
        FROM (SELECT id, status, row_number() OVER (ORDER BY asset_tag) AS n FROM devices) d
          CROSS JOIN generate_series(0, ${LOANS / DEVICES - 1}) k
          JOIN LATERAL (SELECT id FROM people WHERE school_id = ${school.id} OFFSET ((d.n + k) % 2000) LIMIT 1) p ON true`,
  );
  await db.execute(sql`ANALYZE`);
  const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM device_allocations`);
  console.log(
    `seeded ${DEVICES} devices, ${n} loans in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const list = (query: string) => async () => {
    const t = performance.now();
    const res = await app.inject({
      url: `/api/v1/devices?${query}`,
      headers: { cookie: `accord_session=${secret}` },
    });
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
    return performance.now() - t;
  };
  const bare = async () => {
    const t = performance.now();
    await db.execute(
      sql`SELECT id, asset_tag, type, status FROM devices WHERE school_id = ${school.id} ORDER BY asset_tag LIMIT 50`,
    );
    return performance.now() - t;
  };
  const cases: [string, () => Promise<number>][] = [
    ["first page (50)", list("page=1")],
    ["filter: on loan", list("status=on_loan")],
    ["search: 'latitude'", list("q=latitude")],
    ["page 200 of 400", list("page=200")],
  ];
  for (let i = 0; i < 3; i++) {
    await bare();
    for (const [, f] of cases) await f();
  }
  const results = new Map<string, number[]>(cases.map(([label]) => [label, []]));
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await bare());
    for (const [label, f] of cases) results.get(label)?.push(await f());
  }
  const b = median(baseline);
  console.log(`baseline: bare indexed select of one page        median ${b.toFixed(2)} ms`);
  let met = true;
  for (const [label, xs] of results) {
    const m = median(xs);
    met &&= m < 50;
    console.log(`GET /devices, ${label.padEnd(22)} median ${m.toFixed(2)} ms  (${(m / b).toFixed(1)}×)`);
  }
  console.log(`target: each under 50 ms — ${met ? "met" : "NOT met"}`);
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
