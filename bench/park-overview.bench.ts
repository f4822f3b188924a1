import 'reflect-metadata';
import { deepStrictEqual } from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createScratchDatabase, startScratchServer } from '../src/database/scratch-server';
import { systemActor } from '../src/modules/access/principal';
import { OccupancyService } from '../src/modules/occupancy/occupancy.service';
import { OccupancyBasis } from '../src/modules/occupancy/occupancy.models';
import { overviewBefore, trendBefore } from './occupancy-before';

/**
 * `npm run bench`: parkOverview and occupancyTrend over one zone of 100,000 units (about 80% held by tenancies with
 * staggered stages), on a scratch database (embedded, or TEST_DATABASE_URL's server). Prints median and p95 of
 * repeated calls of the same service methods the resolvers use ("after"), next to the SQL they replaced ("before",
 * bench/occupancy-before.ts) on the same data, and first checks that old and new give identical figures.
 *
 * BENCH_UNITS (100000), BENCH_RUNS (30); BENCH_BEFORE=0 skips the old SQL; BENCH_EXPLAIN=1 prints
 * EXPLAIN (ANALYZE, BUFFERS) of each timed statement, old and new.
 */
const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BEFORE = process.env.BENCH_BEFORE !== '0';
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';

const actor = systemActor('bench');

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: pick(0.5), p95: pick(0.95) };
}

async function sample(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const show = (s: Stats) =>
  `median ${s.median.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms`;

/** Times old and new alternately (so both see the same load on a busy machine), after one warm-up call of each. */
async function time(
  label: string,
  after: () => Promise<unknown>,
  before: (() => Promise<unknown>) | null,
): Promise<void> {
  await after();
  if (before) await before();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (before && i % 2 === 1) b.push(await sample(before));
    a.push(await sample(after));
    if (before && i % 2 === 0) b.push(await sample(before));
  }
  const old = before ? `before: ${show(stats(b))}   ` : '';
  console.log(`${label.padEnd(42)} ${old}after: ${show(stats(a))}   (${RUNS} runs)`);
}

/** A DataSource whose `query` also records each statement, to EXPLAIN the one a service method ran. */
function recording(db: DataSource, log: { sql: string; params?: unknown[] }[]): DataSource {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (sql: string, params?: unknown[]) => {
          log.push({ sql, params });
          return target.query(sql, params);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

async function explain(
  db: DataSource,
  label: string,
  run: (db: DataSource) => Promise<unknown>,
): Promise<void> {
  const log: { sql: string; params?: unknown[] }[] = [];
  await run(recording(db, log));
  const last = log[log.length - 1];
  const plan = await db.query<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN (ANALYZE, BUFFERS) ${last.sql}`,
    last.params,
  );
  console.log(`\n--- ${label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
}

async function load(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO park (code, name) VALUES ('bench-park', '基准园区')`);
  await db.query(
    `INSERT INTO zone (park_id, code, name, kind) SELECT id, z, z, 'MARKET' FROM park, unnest(ARRAY['big','small']) z`,
  );
  await db.query(
    `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
     SELECT z.park_id, z.id, z.code || '-' || g, 'BAY', 30 + (g % 50)
     FROM zone z, generate_series(1, CASE WHEN z.code = 'big' THEN $1::int ELSE 200 END) g`,
    [UNITS],
  );
  // Enterprises belong to a park's register where the schema has enterprise.park_id.
  await db.query(
    `INSERT INTO enterprise (park_id, name, credit_code, industry, origin_province)
     SELECT p.id, '企业' || g, lpad(g::text, 17, '0') || '0', 'STONE_MATERIAL', 'CHONGQING'
     FROM park p, generate_series(1, 5000) g`,
  );
  await db.query(
    `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from)
     SELECT (SELECT id FROM park), u.id, e.id, d, d + 20, CASE WHEN n % 3 = 0 THEN d + 120 END
     FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM unit) u
     JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM enterprise) e ON e.k = u.n % 5000
     CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + (u.n % 700)::int AS d) dd
     WHERE u.n % 5 <> 0`,
  );
  // A third zone, not timed, only for the old/new check: unleasable units, odd areas, up to three successive
  // tenancies per unit, some ended, some never past RESERVED, some straight to OPERATING.
  await db.query(
    `INSERT INTO zone (park_id, code, name, kind) SELECT id, 'mixed', 'mixed', 'MARKET' FROM park`,
  );
  await db.query(
    `INSERT INTO unit (park_id, zone_id, code, kind, floor_area, leasable, unleasable_reason)
     SELECT z.park_id, z.id, 'mixed-' || g, 'WORKSHOP', 12.35 + (g % 97) * 1.1, g % 20 <> 0,
            CASE WHEN g % 20 = 0 THEN 'plant room' END
     FROM zone z, generate_series(1, 2000) g WHERE z.code = 'mixed'`,
  );
  await db.query(
    `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from, ends_on)
     SELECT (SELECT id FROM park), u.id, e.id, s, f, o, CASE WHEN k < 2 OR u.g % 5 = 0 THEN s + 200 + u.g % 60 END
     FROM (SELECT un.id, substr(un.code, 7)::int AS g FROM unit un JOIN zone z ON z.id = un.zone_id
           WHERE z.code = 'mixed') u
     CROSS JOIN generate_series(0, 2) k
     JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM enterprise) e ON e.n = (u.g * 7 + k) % 5000
     CROSS JOIN LATERAL (SELECT DATE '2021-03-01' + k * 300 + u.g % 37 AS s) ss
     CROSS JOIN LATERAL (SELECT CASE WHEN u.g % 4 <> 0 THEN s + u.g % 40 END AS f) ff
     CROSS JOIN LATERAL (SELECT CASE WHEN u.g % 3 <> 0 THEN coalesce(f, s) + u.g % 90 END AS o) oo
     WHERE (u.g + k) % 7 <> 0`,
  );
  // Steady state: autovacuum would otherwise set the visibility map at some moment during the runs and switch
  // plans between index-only and heap scans midway.
  await db.query('VACUUM (ANALYZE)');
}

/** Old and new must give the same figures: several dates and ranges, each zone and the whole park. */
async function check(db: DataSource, service: OccupancyService): Promise<string> {
  const zones = ['big', 'small', 'mixed', null];
  const dates = [
    '2020-01-01',
    '2021-06-15',
    '2022-01-01',
    '2022-12-31',
    '2023-06-30',
    '2023-09-10',
    '2024-02-29',
  ];
  const ranges: [string, string][] = [
    ['2022-01-01', '2023-12-31'],
    ['2021-02-10', '2023-03-15'],
    ['2023-06-30', '2023-06-30'],
    ['2019-01-01', '2019-03-31'],
    ['2020-11-15', '2024-06-10'],
  ];
  let overviews = 0;
  let trends = 0;
  for (const zone of zones) {
    const scope = await service.scope(actor, 'bench-park', zone);
    for (const asOf of dates) {
      const after = await service.overview(actor, 'bench-park', zone, asOf);
      deepStrictEqual(after, await overviewBefore(db, scope, asOf), `overview ${zone} ${asOf}`);
      overviews++;
    }
    for (const [i, [from, to]] of ranges.entries()) {
      const basis = i % 2 === 0 ? OccupancyBasis.UNIT_COUNT : OccupancyBasis.AREA;
      const after = await service.trend(actor, 'bench-park', zone, from, to, basis);
      deepStrictEqual(after, await trendBefore(db, scope, from, to, basis), `trend ${zone} ${from}..${to}`);
      trends++;
    }
  }
  return `${overviews} overviews and ${trends} trends (zones big, small, mixed and the whole park): old and new SQL agree`;
}

async function main(): Promise<void> {
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  const db = await createScratchDatabase(server.adminUrl, 'bench');
  const dataSource = new DataSource(dataSourceOptions(db.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const t0 = Date.now();
    await load(dataSource);
    const [{ units, tenancies }] = await dataSource.query<{ units: number; tenancies: number }[]>(
      'SELECT (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM tenancy)::int AS tenancies',
    );
    console.log(`data: ${units} units, ${tenancies} tenancies, loaded in ${Date.now() - t0} ms`);

    const service = new OccupancyService(dataSource);
    const overview = await service.overview(actor, 'bench-park', 'big', '2023-06-30');
    console.log(
      `check: ${overview.totalUnits} units, ${overview.occupiedUnits} occupied, ${overview.operatingUnits} operating on 2023-06-30`,
    );
    if (BEFORE) console.log(`check: ${await check(dataSource, service)}`);

    const big = await service.scope(actor, 'bench-park', 'big');
    const small = await service.scope(actor, 'bench-park', 'small');
    const cases: {
      label: string;
      zone: string;
      after: (s: OccupancyService) => Promise<unknown>;
      before: (db: DataSource) => Promise<unknown>;
    }[] = [
      {
        label: `parkOverview, zone of ${UNITS} units`,
        zone: 'big',
        after: (s) => s.overview(actor, 'bench-park', 'big', '2023-06-30'),
        before: (d) => overviewBefore(d, big, '2023-06-30'),
      },
      {
        label: 'parkOverview, zone of 200 units',
        zone: 'small',
        after: (s) => s.overview(actor, 'bench-park', 'small', '2023-06-30'),
        before: (d) => overviewBefore(d, small, '2023-06-30'),
      },
      {
        label: `occupancyTrend 24 months, ${UNITS} units`,
        zone: 'big',
        after: (s) =>
          s.trend(actor, 'bench-park', 'big', '2022-01-01', '2023-12-31', OccupancyBasis.UNIT_COUNT),
        before: (d) => trendBefore(d, big, '2022-01-01', '2023-12-31', OccupancyBasis.UNIT_COUNT),
      },
    ];
    for (const c of cases) {
      // "before" makes the same scope look-up as the service methods do.
      const before = async () => {
        await service.scope(actor, 'bench-park', c.zone);
        return c.before(dataSource);
      };
      await time(c.label, () => c.after(service), BEFORE ? before : null);
    }
    if (EXPLAIN) {
      for (const c of cases) {
        if (BEFORE) await explain(dataSource, `${c.label}: before`, (recorder) => c.before(recorder));
        await explain(dataSource, `${c.label}: after`, (recorder) => c.after(new OccupancyService(recorder)));
      }
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
