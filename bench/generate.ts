import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { hashPassword } from '../src/modules/access/passwords';
import { DEMO_PARK } from '../src/seed/demo-data';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';

export type Scale = 'park' | 'platform' | 'tiny';

/** The zone every list scenario reads: BENCH_ZONE_UNITS units, 70% let, in the demo park. */
export const BENCH_PARK = DEMO_PARK.code;
export const BENCH_ZONE = 'bench-hall';
export const BENCH_USER = 'bench-admin';
export const BENCH_PASSWORD = 'bench-password-not-secret';
/** A platform park (2,000 units, tenancy history since 2021) for the figures at platform scale (S7). */
export const PLATFORM_PARK = 'platform-01';

interface Shape {
  benchUnits: number;
  parks: number;
  zonesPerPark: number;
  unitsPerZone: number;
  enterprisesPerPark: number;
}

export const SHAPES: Record<Scale, Shape> = {
  tiny: { benchUnits: 120, parks: 0, zonesPerPark: 0, unitsPerZone: 0, enterprisesPerPark: 0 },
  park: { benchUnits: 1000, parks: 0, zonesPerPark: 0, unitsPerZone: 0, enterprisesPerPark: 0 },
  // 50 parks × 5 zones × 400 units = 100,000 units; 50 × 1,200 = 60,000 enterprises.
  platform: { benchUnits: 1000, parks: 50, zonesPerPark: 5, unitsPerZone: 400, enterprisesPerPark: 1200 },
};

/**
 * Fills a freshly migrated database at a scale, reproducibly from `seed`: the demo park (fixed data), a zone of
 * `benchUnits` bays in it, 70% let with staggered stages and some ended history, and at platform scale 50 more parks.
 * Everything is set-based SQL (INSERT … SELECT over generate_series, random() after setseed) run in one session
 * without parallel workers, so the same seed gives the same rows; 100,000 units take seconds, not minutes.
 */
export async function generate(url: string, scale: Scale, seed: number): Promise<Record<string, number>> {
  const db = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
  await db.initialize();
  try {
    await db.runMigrations();
    await seedDemoIfEmpty(db, { users: false });
    const shape = SHAPES[scale];
    await db.transaction(async (m) => {
      await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
      // setseed takes a number in [-1, 1].
      await m.query('SELECT setseed($1)', [((seed % 1000) + 1) / 1001]);
      const [park] = await m.query<{ id: string }[]>('SELECT id FROM park WHERE code = $1', [BENCH_PARK]);
      await m.query(
        `INSERT INTO zone (park_id, code, name, name_en, kind) VALUES ($1, $2, '基准大厅', 'Bench hall', 'MARKET')`,
        [park.id, BENCH_ZONE],
      );
      await fillZones(m.query.bind(m), `p.code = '${BENCH_PARK}'`, `z.code = '${BENCH_ZONE}'`, 'B', {
        units: shape.benchUnits,
        enterprises: Math.ceil(shape.benchUnits * 0.75),
        parkCodePrefix: null,
      });
      if (shape.parks > 0) {
        await m.query(
          `INSERT INTO park (code, name, name_en)
           SELECT 'platform-' || lpad(g::text, 2, '0'), '平台园区' || g, 'Platform park ' || g
           FROM generate_series(1, $1) g`,
          [shape.parks],
        );
        await m.query(
          `INSERT INTO zone (park_id, code, name, kind)
           SELECT p.id, 'zone-' || z, '片区' || z, (ARRAY['MARKET','INDUSTRIAL','DIGITAL_CREATIVE','JEWELLERY','OTHER'])[1 + (z - 1) % 5]::zone_kind
           FROM park p CROSS JOIN generate_series(1, $1) z WHERE p.code LIKE 'platform-%'`,
          [shape.zonesPerPark],
        );
        await fillZones(m.query.bind(m), `p.code LIKE 'platform-%'`, `z.code LIKE 'zone-%'`, 'U', {
          units: shape.unitsPerZone,
          enterprises: shape.enterprisesPerPark,
          parkCodePrefix: 'platform-',
        });
      }
      const hash = await hashPassword(BENCH_PASSWORD);
      await m.query(
        `INSERT INTO app_user (username, display_name, password_hash, roles, all_parks)
         VALUES ($1, 'Benchmark administrator', $2, ARRAY['ADMIN']::role[], true)`,
        [BENCH_USER, hash],
      );
    });
    await db.query('VACUUM (ANALYZE)');
    const [counts] = await db.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM park)::int AS parks, (SELECT count(*) FROM unit)::int AS units,
              (SELECT count(*) FROM enterprise)::int AS enterprises, (SELECT count(*) FROM tenancy)::int AS tenancies`,
    );
    return counts;
  } finally {
    await db.destroy();
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/**
 * Units in every zone matching `zoneWhere` of the parks matching `parkWhere`, enterprises per park, and tenancies:
 * 70% of leasable units let today (a third operating, a third fitting out, a third reserved), and 30% of units with
 * an earlier, ended tenancy. Unit codes are `<letter>-<zone no>-<n>`, unique per park.
 */
async function fillZones(
  query: Query,
  parkWhere: string,
  zoneWhere: string,
  letter: string,
  spec: { units: number; enterprises: number; parkCodePrefix: string | null },
): Promise<void> {
  await query(
    `INSERT INTO unit (park_id, zone_id, code, kind, building, floor, floor_area, leasable, unleasable_reason)
     SELECT z.park_id, z.id, '${letter}-' || z.n || '-' || lpad(g::text, 4, '0'),
            (ARRAY['BAY','WORKSHOP','OFFICE','WAREHOUSE'])[1 + floor(random() * 4)::int]::unit_kind,
            'B' || (1 + g / 100), (g % 4)::smallint, round((15 + random() * 285)::numeric, 2),
            g % 50 <> 0, CASE WHEN g % 50 = 0 THEN 'plant room' END
     FROM (SELECT z.*, row_number() OVER (PARTITION BY z.park_id ORDER BY z.code) AS n
           FROM zone z JOIN park p ON p.id = z.park_id WHERE ${parkWhere} AND ${zoneWhere}) z
     CROSS JOIN generate_series(1, $1) g`,
    [spec.units],
  );
  await query(
    `INSERT INTO enterprise (park_id, name, name_en, credit_code, industry, origin_province, origin_city, "leading", registered_on)
     SELECT p.id, '基准企业' || p.rn || '-' || g, 'Bench enterprise ' || p.rn || '-' || g,
            '91' || lpad(p.rn::text, 3, '0') || lpad(g::text, 6, '0') || '${letter === 'B' ? '000000' : '100000'}' || '1',
            (ARRAY['STONE_MATERIAL','SCULPTURE','STONE_CARVING','DIGITAL_CREATIVE','JEWELLERY_JADE','LOGISTICS','OTHER'])[1 + floor(random() * 7)::int]::industry,
            (ARRAY['CHONGQING','SICHUAN','FUJIAN','GUANGDONG','ZHEJIANG'])[1 + floor(random() * 5)::int]::province,
            '大足', random() < 0.05, DATE '2010-01-01' + floor(random() * 4000)::int
     FROM (SELECT p.id, row_number() OVER (ORDER BY p.code) AS rn FROM park p WHERE ${parkWhere}) p
     CROSS JOIN generate_series(1, $1) g`,
    [spec.enterprises],
  );
  const ownEnterprises = `e.name LIKE '基准企业%' AND e.credit_code LIKE '%${letter === 'B' ? '000000' : '100000'}1'`;
  // Earlier, ended tenancies (history) on 30% of units, then the current ones on 70%.
  for (const [share, startFrom, days, ended] of [
    [0.3, '2019-01-01', 500, true],
    [0.7, '2021-01-01', 1400, false],
  ] as const) {
    await query(
      `WITH u AS (
         SELECT un.id, un.park_id, row_number() OVER (PARTITION BY un.park_id ORDER BY un.code) AS n,
                random() AS r, random() AS r2
         FROM unit un JOIN zone z ON z.id = un.zone_id JOIN park p ON p.id = un.park_id
         WHERE ${parkWhere} AND ${zoneWhere} AND un.leasable
       ), e AS MATERIALIZED (
         SELECT e.id, e.park_id, row_number() OVER (PARTITION BY e.park_id ORDER BY e.credit_code) - 1 AS k
         FROM enterprise e WHERE ${ownEnterprises}
       ), totals AS (
         SELECT park_id, count(*) AS total FROM e GROUP BY park_id
       )
       INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from, ends_on, end_reason)
       SELECT u.park_id, u.id, e.id, s.d,
              CASE WHEN u.r2 < 0.66 THEN s.d + 20 END,
              CASE WHEN u.r2 < 0.33 THEN s.d + 90 END,
              CASE WHEN $4 THEN s.d + 400 END, CASE WHEN $4 THEN 'lease ended' END
       -- An equality on (park, k) computed from the unit side, so that the join is a hash join: comparing against a
       -- column of the enterprise side made it a nested loop (100,000 × 60,000 at platform scale).
       FROM u JOIN totals tt ON tt.park_id = u.park_id
       JOIN e ON e.park_id = u.park_id AND e.k = (u.n * 7) % tt.total
       CROSS JOIN LATERAL (SELECT $2::date + floor(u.r * $3)::int AS d) s
       WHERE u.r < $1`,
      [share, startFrom, days, ended],
    );
  }
}
