import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createScratchDatabase, startScratchServer } from '../src/database/scratch-server';
import { OccupancyService } from '../src/modules/occupancy/occupancy.service';
import { systemActor } from '../src/modules/access/principal';
import { OccupancyBasis } from '../src/modules/occupancy/occupancy.models';

/**
 * `npm run bench`: parkOverview and occupancyTrend over one zone of 100,000 units (about 80% held by tenancies with
 * staggered stages), on a scratch database (embedded, or TEST_DATABASE_URL's server). Prints median and p95 of
 * repeated calls of the same service methods the resolvers use.
 */
const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  console.log(`${label.padEnd(48)} median ${pick(0.5)} ms   p95 ${pick(0.95)} ms   (${RUNS} runs)`);
}

async function main(): Promise<void> {
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  const db = await createScratchDatabase(server.adminUrl, 'bench');
  const dataSource = new DataSource(dataSourceOptions(db.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const t0 = Date.now();
    await dataSource.query(`INSERT INTO park (code, name) VALUES ('bench-park', '基准园区')`);
    await dataSource.query(
      `INSERT INTO zone (park_id, code, name, kind) SELECT id, z, z, 'MARKET' FROM park, unnest(ARRAY['big','small']) z`,
    );
    await dataSource.query(
      `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
       SELECT z.park_id, z.id, z.code || '-' || g, 'BAY', 30 + (g % 50)
       FROM zone z, generate_series(1, CASE WHEN z.code = 'big' THEN $1::int ELSE 200 END) g`,
      [UNITS],
    );
    await dataSource.query(
      `INSERT INTO enterprise (name, credit_code, industry, origin_province)
       SELECT '企业' || g, lpad(g::text, 17, '0') || '0', 'STONE_MATERIAL', 'CHONGQING' FROM generate_series(1, 5000) g`,
    );
    await dataSource.query(
      `INSERT INTO tenancy (unit_id, enterprise_id, starts_on, fitting_out_from, operating_from)
       SELECT u.id, e.id, d, d + 20, CASE WHEN n % 3 = 0 THEN d + 120 END
       FROM (SELECT id, row_number() OVER (ORDER BY id) n FROM unit) u
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 k FROM enterprise) e ON e.k = u.n % 5000
       CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + (u.n % 700)::int AS d) dd
       WHERE u.n % 5 <> 0`,
    );
    await dataSource.query('ANALYZE');
    const [{ units, tenancies }] = await dataSource.query<{ units: number; tenancies: number }[]>(
      'SELECT (SELECT count(*) FROM unit)::int AS units, (SELECT count(*) FROM tenancy)::int AS tenancies',
    );
    console.log(`data: ${units} units, ${tenancies} tenancies, loaded in ${Date.now() - t0} ms`);

    const service = new OccupancyService(dataSource);
    const actor = systemActor('bench');
    const overview = await service.overview(actor, 'bench-park', 'big', '2023-06-30');
    console.log(
      `check: ${overview.totalUnits} units, ${overview.occupiedUnits} occupied, ${overview.operatingUnits} operating on 2023-06-30`,
    );
    await time(`parkOverview, zone of ${UNITS} units`, () =>
      service.overview(actor, 'bench-park', 'big', '2023-06-30'),
    );
    await time('parkOverview, zone of 200 units', () =>
      service.overview(actor, 'bench-park', 'small', '2023-06-30'),
    );
    await time(`occupancyTrend 24 months, ${UNITS} units`, () =>
      service.trend(actor, 'bench-park', 'big', '2022-01-01', '2023-12-31', OccupancyBasis.UNIT_COUNT),
    );
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
