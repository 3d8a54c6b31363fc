/**
 * Benchmark: reporting a concern and listing the DSL's open incidents, on the embedded database
 * (PGlite, as a school runs Accord by default), in a school with 20,000 incidents and 200,000
 * timeline entries. Through the app (in-process inject: routing, session, routing the report to
 * its handlers, the outbox, the audit event), each against a baseline in the same run: a bare
 * INSERT of one incident row, and a bare indexed select of one page of open incidents.
 *
 *   npx tsx bench/incidents.ts
 * Target (issue 14): each under 50 ms median.
 */
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.js";
import { loadConfig } from "../src/kernel/config.js";
import { newSecret } from "../src/kernel/secrets.js";
import { buildApp } from "../src/server/app.js";

const INCIDENTS = 20_000;
const ENTRIES_EACH = 10;
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
    sql`INSERT INTO schools (name) VALUES ('Bench High') RETURNING id`,
  );
  const people = await rows<{ id: string }>(
    sql`INSERT INTO people (school_id, given_name, family_name, kinds, email)
        SELECT ${school.id}, 'Person', 'Number ' || g, ARRAY['staff'], 'p' || g || '@bench.test' FROM generate_series(1, 3) g RETURNING id`,
  );
  const [reporter, dsl, deputy] = people;
  await db.execute(
    sql`INSERT INTO role_assignments (school_id, person_id, role) VALUES (${school.id}, ${dsl.id}, 'dsl'), (${school.id}, ${deputy.id}, 'deputy_dsl')`,
  );
  const cookies: Record<string, string> = {};
  for (const [name, p] of [
    ["reporter", reporter],
    ["dsl", dsl],
  ] as const) {
    const { secret, hash } = newSecret();
    await db.execute(
      sql`INSERT INTO sessions (token_hash, school_id, person_id) VALUES (${hash}, ${school.id}, ${p.id})`,
    );
    cookies[name] = `accord_session=${secret}`;
  }
  // History: three years of incidents, a tenth still open, all routed to the DSL and deputy.
  await db.execute(
    sql`INSERT INTO incidents (school_id, reference, category, occurred_at, aware_at, summary, reporter_id, routed_roles, status, reported_at, last_routed_at, first_opened_at)
        SELECT ${school.id}, 'INC-' || (2023 + g / 7000) || '-' || lpad(g::text, 5, '0'), 'cyberbullying',
          now() - make_interval(mins => g * 70), now() - make_interval(mins => g * 70), 'History ' || g, ${reporter.id},
          ARRAY['dsl','deputy_dsl'], CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END,
          now() - make_interval(mins => g * 70), now() - make_interval(mins => g * 70), now() - make_interval(mins => g * 70)
        FROM generate_series(1, ${INCIDENTS}) g`,
  );
  await db.execute(
    sql`INSERT INTO incident_handlers (school_id, incident_id, person_id, why, opened_at)
        SELECT ${school.id}, i.id, p.id, 'routed', now() FROM incidents i CROSS JOIN unnest(${sql.param([dsl.id, deputy.id])}::uuid[]) AS p(id)`,
  );
  await db.execute(
    sql`INSERT INTO incident_entries (school_id, incident_id, kind, text, author_id, at)
        SELECT ${school.id}, i.id, 'note', 'Entry ' || g, ${dsl.id}, i.reported_at + make_interval(mins => g)
        FROM incidents i CROSS JOIN generate_series(1, ${ENTRIES_EACH}) g`,
  );
  await db.execute(sql`ANALYZE`);
  console.log(
    `seeded ${INCIDENTS} incidents, ${INCIDENTS * ENTRIES_EACH} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp(database, loadConfig({ ACCORD_LOG_LEVEL: "silent" }));
  await app.ready();
  const headers = (who: string) => ({ cookie: cookies[who], origin: "http://localhost:3000" });
  const timed = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  const reportOne = () =>
    timed(async () => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/incidents",
        headers: headers("reporter"),
        payload: {
          category: "cyberbullying",
          occurredAt: new Date().toISOString(),
          summary: "Unkind messages in a group chat.",
        },
      });
      if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`);
    });
  const listOpen = () =>
    timed(async () => {
      const res = await app.inject({ url: "/api/v1/incidents?status=open", headers: headers("dsl") });
      if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode}`);
    });
  const bareInsert = () =>
    timed(() =>
      db.execute(
        sql`INSERT INTO incidents (school_id, reference, category, occurred_at, aware_at, summary, reporter_id, routed_roles)
            VALUES (${school.id}, ${`BARE-${Math.random()}`}, 'other', now(), now(), 'bare', ${reporter.id}, ARRAY['dsl'])`,
      ),
    );
  const bareSelect = () =>
    timed(() =>
      db.execute(
        sql`SELECT id, reference, category, status, reported_at FROM incidents
            WHERE school_id = ${school.id} AND status = 'open' ORDER BY reported_at DESC LIMIT 500`,
      ),
    );
  for (let i = 0; i < 5; i++) {
    await reportOne();
    await listOpen();
    await bareInsert();
    await bareSelect();
  }
  const r: number[] = [];
  const l: number[] = [];
  const bi: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bi.push(await bareInsert());
    r.push(await reportOne());
    bs.push(await bareSelect());
    l.push(await listOpen());
  }
  const line = (label: string, x: number, base: number) =>
    console.log(
      `${label.padEnd(44)} median ${x.toFixed(2)} ms  (${(x / base).toFixed(1)}× the baseline, ${base.toFixed(2)} ms)`,
    );
  line("POST /incidents (routed, mailed, audited)", median(r), median(bi));
  line("GET /incidents?status=open as the DSL", median(l), median(bs));
  console.log(`target: each under 50 ms — ${median(r) < 50 && median(l) < 50 ? "met" : "NOT met"}`);
  await app.close();
  await database.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
