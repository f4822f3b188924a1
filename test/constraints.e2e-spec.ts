import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Invariants the database itself keeps, whatever code writes to it. */
describe('database constraints', () => {
  let t: TestApp;
  let f: Factories;
  let a: { parkCode: string; zoneCode: string; units: { id: string }[] };
  let b: { parkCode: string; zoneCode: string; units: { id: string }[] };
  let enterpriseOfB: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    a = await f.space(2, { prefix: 'A' });
    b = await f.space(2, { prefix: 'B' });
    enterpriseOfB = await f.enterprise({ parkCode: b.parkCode });
  });
  afterAll(async () => {
    await t.close();
  });

  const parkId = async (code: string) =>
    (await t.sql<{ id: string }[]>('SELECT id FROM park WHERE code = $1', [code]))[0]!.id;

  it('refuses a tenancy of one park’s enterprise on another park’s unit, whatever park_id says', async () => {
    for (const park of [a.parkCode, b.parkCode]) {
      await expect(
        t.sql(
          `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on) VALUES ($1, $2, $3, '2024-01-01')`,
          [await parkId(park), a.units[0]!.id, enterpriseOfB.id],
        ),
      ).rejects.toThrow(/violates foreign key constraint "tenancy_(unit|enterprise)_id_park_id_fkey"/);
    }
    const [{ n }] = await t.sql<{ n: number }[]>('SELECT count(*)::int AS n FROM tenancy');
    expect(n).toBe(0);
  });

  it('refuses a unit whose park is not its zone’s park', async () => {
    await expect(
      t.sql(`UPDATE unit SET park_id = $1 WHERE id = $2`, [await parkId(b.parkCode), a.units[0]!.id]),
    ).rejects.toThrow(/violates foreign key constraint "unit_zone_id_park_id_fkey"/);
  });

  it('refuses overlapping tenancies of one unit', async () => {
    const e = await f.enterprise({ parkCode: a.parkCode });
    const park = await parkId(a.parkCode);
    await t.sql(
      `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, ends_on) VALUES ($1, $2, $3, '2024-01-01', '2024-06-01')`,
      [park, a.units[1]!.id, e.id],
    );
    await expect(
      t.sql(
        `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on) VALUES ($1, $2, $3, '2024-05-31')`,
        [park, a.units[1]!.id, e.id],
      ),
    ).rejects.toThrow(/tenancy_unit_no_overlap/);
    // Back to back is fine: the range is [starts_on, ends_on).
    const rows = await t.sql<{ id: string }[]>(
      `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on) VALUES ($1, $2, $3, '2024-06-01') RETURNING id`,
      [park, a.units[1]!.id, e.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses stage dates out of order', async () => {
    const e = await f.enterprise({ parkCode: a.parkCode });
    await expect(
      t.sql(
        `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from)
         VALUES ($1, $2, $3, '2030-01-10', '2030-01-20', '2030-01-15')`,
        [await parkId(a.parkCode), a.units[0]!.id, e.id],
      ),
    ).rejects.toThrow(/tenancy_opening_in_order/);
  });
});
