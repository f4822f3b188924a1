import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { hashPassword } from '../src/modules/access/passwords';
import { DEMO_PARK } from '../src/seed/demo-data';
import { parsePiiKey, PiiCipher } from '../src/modules/talent/pii/pii-cipher';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';

/** The personal-data key of the bench database: the API under test is started with it (servers.ts). */
export const BENCH_PII_KEY = 'be'.repeat(32);

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
    await seedDemoIfEmpty(db, { users: false, pii: new PiiCipher(parsePiiKey(BENCH_PII_KEY)) });
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
      await fillMachines(m.query.bind(m), park.id);
      await fillContracts(m.query.bind(m), `p.code = '${BENCH_PARK}'`, `z.code = '${BENCH_ZONE}'`);
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
        await fillContracts(m.query.bind(m), `p.code = '${PLATFORM_PARK}'`, 'true');
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
              (SELECT count(*) FROM enterprise)::int AS enterprises, (SELECT count(*) FROM tenancy)::int AS tenancies,
              (SELECT count(*) FROM machine)::int AS machines, (SELECT count(*) FROM machine_event)::int AS machine_events,
              (SELECT count(*) FROM contract)::int AS contracts, (SELECT count(*) FROM contract_bill)::int AS contract_bills`,
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
  // Statistics of the rows just inserted (ANALYZE runs inside the transaction and sees them): without them the
  // planner takes the new tables for near-empty and joins the tenancy insert below by nested loop, 100,000 units ×
  // 60,000 enterprises at platform scale, which ran for many minutes (seen in pg_stat_activity).
  await query('ANALYZE park, zone, unit, enterprise');
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

/** The date the machine scenario (S8) reads the bench zone on. */
export const BENCH_MACHINES_AS_OF = '2024-02-01';

/**
 * Machines in the bench zone (S8): 1–3 per unit let to a fitting-out or operating tenancy that started by
 * 2024-01-01, owned by the tenant and placed in the unit from a few days after fit-out began (so the owner holds the
 * unit, as the module requires; the second and third arrive a week apart, so a few arrive after 2024-02-01), and
 * every 25 days a status event (RUNNING first, then RUNNING, IDLE or DOWN with a reason) with a monotonic meter
 * reading an hour later; one machine in twenty has reported nothing yet. One open placement per machine (no moves). Serial numbers `BENCH-<unit code>-<n>` cannot meet the demo's `SFS-…`. Set-based, random() after the
 * caller's setseed, rows visited in unit-code order, so the same seed gives the same machines.
 */
async function fillMachines(query: Query, parkId: string): Promise<void> {
  await query(
    `CREATE TEMP TABLE bench_machine ON COMMIT DROP AS
     SELECT 'BENCH-' || s.code || '-' || g AS serial, s.unit_id, s.enterprise_id,
            s.placed_on + (g - 1) * 7 AS placed_on, random() AS r, random() AS r2, random() AS r3
     FROM (SELECT t.unit_id, t.enterprise_id, t.code, t.fitting_out_from + 3 AS placed_on,
                  1 + floor(random() * 3)::int AS n
           FROM (SELECT t.unit_id, t.enterprise_id, t.fitting_out_from, un.code
                 FROM tenancy t JOIN unit un ON un.id = t.unit_id JOIN zone z ON z.id = un.zone_id
                 WHERE t.park_id = $1 AND z.code = '${BENCH_ZONE}' AND t.ends_on IS NULL
                   AND t.fitting_out_from IS NOT NULL AND t.starts_on <= DATE '2024-01-01'
                 ORDER BY un.code) t) s
     CROSS JOIN LATERAL generate_series(1, s.n) g
     ORDER BY 1`,
    [parkId],
  );
  await query(
    `INSERT INTO machine (park_id, serial_number, type, manufacturer, model, axes, spindle_power_kw, commissioned_year, owner_enterprise_id)
     SELECT $1, b.serial,
            (ARRAY['CNC_ROUTER','CNC_ROUTER','CNC_ROUTER','BRIDGE_SAW','BRIDGE_SAW','FIVE_AXIS_CARVER','WIRE_SAW','POLISHER','LATHE','OTHER'])[1 + floor(b.r * 10)::int]::machine_type,
            (ARRAY['海天精工','华中数控','宏达石材机械','Breton','Pellegrini'])[1 + floor(b.r2 * 5)::int],
            'BM-' || (100 + floor(b.r3 * 900)::int), 3 + floor(b.r2 * 3)::int, round((5 + b.r3 * 40)::numeric, 2),
            2012 + floor(b.r * 12)::int, b.enterprise_id
     FROM bench_machine b ORDER BY b.serial`,
    [parkId],
  );
  await query(
    `INSERT INTO machine_placement (park_id, machine_id, unit_id, from_on, until_on, note)
     SELECT $1, m.id, b.unit_id, b.placed_on, NULL, 'bench'
     FROM bench_machine b JOIN machine m ON m.serial_number = b.serial`,
    [parkId],
  );
  await query(
    `INSERT INTO machine_event (machine_id, occurred_at, kind, status, down_kind, reason_code, meter_hours, source)
     SELECT e.machine_id, e.at + x.shift, x.kind::machine_event_kind,
            CASE WHEN x.kind = 'STATUS' THEN e.status::machine_status END,
            CASE WHEN x.kind = 'STATUS' AND e.status = 'DOWN' THEN (CASE WHEN e.r2 < 0.4 THEN 'PLANNED' ELSE 'UNPLANNED' END)::downtime_kind END,
            CASE WHEN x.kind = 'STATUS' AND e.status = 'DOWN' THEN (ARRAY['SPINDLE_FAULT','BLADE_CHANGE','COOLANT','POWER','TOOLING'])[1 + floor(e.r2 * 5)::int] END,
            CASE WHEN x.kind = 'METER' THEN e.g * 150 + floor(e.r2 * 100) END,
            'bench'
     FROM (SELECT m.id AS machine_id, g,
                  (b.placed_on + g * 25)::timestamp AT TIME ZONE 'Asia/Shanghai' + make_interval(hours => 8 + floor(random() * 10)::int) AS at,
                  CASE WHEN g = 1 THEN 'RUNNING' ELSE (ARRAY['RUNNING','RUNNING','RUNNING','IDLE','IDLE','DOWN'])[1 + floor(random() * 6)::int] END AS status,
                  random() AS r2
           FROM bench_machine b JOIN machine m ON m.serial_number = b.serial
           CROSS JOIN LATERAL generate_series(1, 4 + floor(b.r3 * 12)::int) g
           WHERE b.r2 >= 0.05 ORDER BY b.serial, g) e
     CROSS JOIN (VALUES ('STATUS', interval '0'), ('METER', interval '1 hour')) x(kind, shift)`,
  );
}

/** The date the receivables scenarios (S9, S10) read on. */
export const BENCH_RENT_AS_OF = '2024-02-01';

/**
 * Contracts (S9, S10): one per current tenancy of the matching zones, a 3-year term from the tenancy's start, monthly
 * bills (rate 18–35 CNY/m² × area, due on the period's first day), and a payment per bill due by 2024-02-01 for 85%
 * of them, 0–40 days after the due date: aging has every bucket to fill. Amounts are written directly (the schedule
 * calculator is exercised by the tests, not here); set-based, random() after the caller's setseed.
 */
async function fillContracts(query: Query, parkWhere: string, zoneWhere: string): Promise<void> {
  await query(
    `CREATE TEMP TABLE bench_contract ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, t.park_id, t.enterprise_id, t.id AS tenancy_id, t.starts_on,
            round((18 + random() * 17)::numeric, 2) AS rate, u.floor_area,
            'BENCH-HT-' || lpad((row_number() OVER (PARTITION BY t.park_id ORDER BY u.code))::text, 6, '0') AS number
     FROM tenancy t JOIN unit u ON u.id = t.unit_id JOIN zone z ON z.id = u.zone_id JOIN park p ON p.id = u.park_id
     WHERE ${parkWhere} AND ${zoneWhere} AND t.ends_on IS NULL
     ORDER BY u.code`,
  );
  await query(
    `INSERT INTO contract (id, park_id, number, enterprise_id, signed_on)
     SELECT id, park_id, number, enterprise_id, starts_on - 3 FROM bench_contract`,
  );
  await query(
    `INSERT INTO contract_version (contract_id, version_number, effective_from, starts_on, ends_on, rent_basis, rate,
       payment_cycle, due_day, escalation_percent, rent_free_days, rent_free_start, notice_days, deposit_amount, note)
     SELECT id, 1, starts_on, starts_on, (starts_on + interval '36 months')::date, 'PER_SQUARE_METRE', rate, 'MONTHLY',
            1, 0, 0, 'TERM_START', 90, 0, 'bench'
     FROM bench_contract`,
  );
  await query(
    'INSERT INTO contract_tenancy (contract_id, tenancy_id) SELECT id, tenancy_id FROM bench_contract',
  );
  await query(
    `INSERT INTO contract_bill (contract_id, park_id, period_start, period_end, due_on, cycle_months, days, rent_free_days,
       amount_before_incentives, incentive_discount, rent_amount, amount)
     SELECT c.id, c.park_id, s.ps, s.pe, s.ps, 1, s.pe - s.ps, 0, round(c.rate * c.floor_area, 2), 0,
            round(c.rate * c.floor_area, 2), round(c.rate * c.floor_area, 2)
     FROM bench_contract c
     CROSS JOIN LATERAL generate_series(0, 35) k
     CROSS JOIN LATERAL (SELECT (c.starts_on + k * interval '1 month')::date AS ps,
                                (c.starts_on + (k + 1) * interval '1 month')::date AS pe) s`,
  );
  await query(
    `CREATE TEMP TABLE bench_paid ON COMMIT DROP AS
     SELECT gen_random_uuid() AS payment_id, b.id AS bill_id, b.contract_id, b.park_id, b.amount,
            b.due_on + floor(random() * 40)::int AS paid_on
     FROM contract_bill b JOIN bench_contract c ON c.id = b.contract_id
     WHERE b.due_on <= DATE '${BENCH_RENT_AS_OF}' AND random() < 0.85`,
  );
  await query(
    `INSERT INTO contract_payment (id, contract_id, park_id, amount, allocated, received_on, method, reference)
     SELECT payment_id, contract_id, park_id, amount, amount, paid_on, 'BANK_TRANSFER', 'bench' FROM bench_paid`,
  );
  await query(
    `INSERT INTO payment_allocation (payment_id, bill_id, amount, allocated_on)
     SELECT payment_id, bill_id, amount, paid_on FROM bench_paid`,
  );
  await query('UPDATE contract_bill b SET paid = p.amount FROM bench_paid p WHERE b.id = p.bill_id');
  await query('DROP TABLE bench_paid');
  await query('DROP TABLE bench_contract');
}
