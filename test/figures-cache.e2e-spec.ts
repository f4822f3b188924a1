import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Park figures are cached under the park's figures version (figures_version, raised at commit by a trigger on unit
 * and tenancy): a repeated figure costs one statement, and every kind of write shows in the next answer, including
 * writes that do not go through this process (several API replicas).
 */
describe('figures cache', () => {
  let t: TestApp;
  let f: Factories;
  let park: string;
  let units: { code: string }[];

  const OVERVIEW = `query ($park: String!) {
    parkOverview(parkCode: $park, asOf: "2024-06-01") { totalUnits occupiedUnits reservedUnits vacantUnits }
  }`;
  const TREND = `query ($park: String!) {
    occupancyTrend(parkCode: $park, from: "2024-01-01", to: "2024-06-30") { date occupiedUnits }
  }`;

  interface Overview {
    totalUnits: number;
    occupiedUnits: number;
    reservedUnits: number;
    vacantUnits: number;
  }

  async function overview(): Promise<{ figures: Overview; statements: number }> {
    const { result, count } = await t.queries.measure(() =>
      t.gql<{ parkOverview: Overview }>(OVERVIEW, { park }),
    );
    expect(result.errors).toBeUndefined();
    return { figures: result.data!.parkOverview, statements: count };
  }

  async function occupiedInJune(): Promise<number> {
    const r = await t.gql<{ occupancyTrend: { date: string; occupiedUnits: number }[] }>(TREND, { park });
    expect(r.errors).toBeUndefined();
    return r.data!.occupancyTrend.at(-1)!.occupiedUnits;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const space = await f.space(4, { prefix: 'F' });
    park = space.parkCode;
    units = space.units;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a repeated figure from the cache in one statement (scope and version)', async () => {
    const first = await overview();
    expect(first.figures).toEqual({ totalUnits: 4, occupiedUnits: 0, reservedUnits: 0, vacantUnits: 4 });
    expect(first.statements).toBe(2);
    const again = await overview();
    expect(again.figures).toEqual(first.figures);
    expect(again.statements).toBe(1);
  });

  it('looks the park up once per query, however many figure fields name it (the request memo)', async () => {
    const both = `query ($park: String!) {
      a: parkOverview(parkCode: $park, asOf: "2024-06-01") { totalUnits }
      b: parkOverview(parkCode: $park, asOf: "2024-06-01") { vacantUnits }
      occupancyTrend(parkCode: $park, from: "2024-01-01", to: "2024-06-30") { date occupiedUnits }
    }`;
    const first = await t.queries.measure(() => t.gql(both, { park }));
    expect(first.result.errors).toBeUndefined();
    // One scope lookup plus the trend computed once (the overview is cached by the test above).
    expect(first.count).toBe(2);
    const again = await t.queries.measure(() => t.gql(both, { park }));
    expect(again.result.errors).toBeUndefined();
    expect(again.result.data).toEqual(first.result.data);
    expect(again.count).toBe(1);
    // Another caller's request keeps its own scope: a park outside its parks stays NOT_FOUND.
    const outsider = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST], parks: [] });
    const refused = await t.gql(both, { park }, { authorization: outsider.authorization });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows a lease and a stage change made through the API in the next answer', async () => {
    expect(await occupiedInJune()).toBe(0);
    const e = await f.enterprise({ parkCode: park });
    const tenancy = await f.leaseOne({
      enterpriseId: e.id,
      parkCode: park,
      unitCode: units[0]!.code,
      startsOn: '2024-01-01',
    });
    expect((await overview()).figures).toMatchObject({ reservedUnits: 1, vacantUnits: 3, occupiedUnits: 0 });
    await f.advance(tenancy.id, 'FITTING_OUT', '2024-02-01');
    expect((await overview()).figures).toMatchObject({ reservedUnits: 0, occupiedUnits: 1 });
    expect(await occupiedInJune()).toBe(1);
  });

  it('shows writes made outside this process (another replica, SQL) once they commit', async () => {
    const before = (await overview()).figures;
    await t.ownerQuery(
      `UPDATE unit SET leasable = false, unleasable_reason = 'plant room'
      WHERE code = $1 AND park_id = (SELECT id FROM park WHERE code = $2)`,
      [units[3]!.code, park],
    );
    expect((await overview()).figures.totalUnits).toBe(before.totalUnits - 1);
    await t.ownerQuery(
      `UPDATE tenancy SET ends_on = '2024-03-01', end_reason = 'ended elsewhere'
       WHERE park_id = (SELECT id FROM park WHERE code = $1)`,
      [park],
    );
    expect((await overview()).figures).toMatchObject({ occupiedUnits: 0, reservedUnits: 0 });
    expect(await occupiedInJune()).toBe(0);
  });

  it('does not raise the version for a write that rolls back', async () => {
    const version = async () =>
      (
        await t.ownerQuery<{ version: string }>(
          'SELECT version::text FROM figures_version WHERE park_id = (SELECT id FROM park WHERE code = $1)',
          [park],
        )
      )[0]?.version;
    const before = await version();
    await expect(
      t.ownerQuery(`DO $$ BEGIN
        UPDATE unit SET floor_area = floor_area + 1 WHERE park_id = (SELECT id FROM park WHERE code = '${park}');
        RAISE EXCEPTION 'roll back';
      END $$`),
    ).rejects.toThrow('roll back');
    expect(await version()).toBe(before);
    expect(before).toBeDefined();
  });
});
