import { factories } from './support/factories';
import { keyOf } from './support/ids';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

type Page = {
  units: {
    edges: { node: { code: string; floorArea: number } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const UNITS = `query($park: String!, $after: String, $order: UnitOrder) {
  units(filter: { parkCode: $park }, first: 100, after: $after, orderBy: $order) {
    edges { node { code floorArea } }
    pageInfo { hasNextPage endCursor }
  } }`;

/** Every `Index Cond` of a plan (EXPLAIN FORMAT JSON), depth first. */
function indexConds(plan: Record<string, unknown>): string[] {
  const own = typeof plan['Index Cond'] === 'string' ? [plan['Index Cond']] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(indexConds)];
}

/** Every scan node of a plan (EXPLAIN FORMAT JSON), depth first. */
function scans(plan: Record<string, unknown>): Record<string, unknown>[] {
  const own = typeof plan['Relation Name'] === 'string' ? [plan] : [];
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [...own, ...children.flatMap(scans)];
}

/**
 * Keyset pages seek: a later page is found through the index on its sort key (a row comparison `(key, id) > (…)`)
 * instead of filtering every row before it, so page 1,000 of a 100,000-unit park costs what page 1 costs. And the
 * pages still hold every row once, in order, with ties on the sort key broken by id.
 */
describe('keyset paging seeks by the sort key', () => {
  let t: TestApp;
  let park: string;
  let zoneCode: string;
  let otherPark: string;
  const COUNT = 1_250;

  beforeAll(async () => {
    t = await startTestApp();
    const f = factories(t);
    park = (await f.park()).code;
    const zone = await f.zone(park);
    zoneCode = zone.code;
    // A second park with a zone of the same code: a filter by zone code alone spans both parks.
    otherPark = (await f.park()).code;
    await f.zone(otherPark, zoneCode);
    await f.units(otherPark, zoneCode, [{ code: 'K-00001' }]);
    // And in it a zone of 1,000 units whose codes sort before the 1,250 of the zone the page is asked of.
    const before = await f.zone(otherPark);
    await t.ownerQuery(
      `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
       SELECT z.park_id, z.id, 'A-' || lpad(g::text, 5, '0'), 'BAY', 10 FROM zone z, generate_series(1, 1000) g
       WHERE z.id = $1`,
      [keyOf(before.id)],
    );
    await t.ownerQuery(
      `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
       SELECT z.park_id, z.id, 'K-' || lpad(g::text, 5, '0'), 'BAY', 10 FROM zone z, generate_series(2, ${COUNT}) g
       WHERE z.park_id = (SELECT id FROM park WHERE code = $1) AND z.code = $2`,
      [otherPark, zoneCode],
    );
    await t.ownerQuery(
      `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
       SELECT z.park_id, z.id, 'K-' || lpad(g::text, 5, '0'), 'BAY', 10 * (g % 7 + 1)
       FROM zone z, generate_series(1, ${COUNT}) g WHERE z.id = $1`,
      [keyOf(zone.id)],
    );
    await t.ownerQuery('ANALYZE unit, zone, park');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const all = async (order?: { field: string; direction: string }) => {
    const seen: { code: string; floorArea: number }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res: GqlResponse<Page> = await t.gql<Page>(UNITS, { park, after, order });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.units.edges.map((e) => e.node));
      if (!res.data!.units.pageInfo.hasNextPage) return seen;
      after = res.data!.units.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  };

  it('returns every row once, in order, by code and by a key with many ties', async () => {
    const byCode = await all();
    expect(byCode).toHaveLength(COUNT);
    expect(byCode.map((u) => u.code)).toEqual([...byCode.map((u) => u.code)].sort());
    const byArea = await all({ field: 'FLOOR_AREA', direction: 'DESC' });
    expect(new Set(byArea.map((u) => u.code)).size).toBe(COUNT);
    const areas = byArea.map((u) => u.floorArea);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
  });

  it("bounds a later page's index scan by the cursor's sort key, not only by the park", async () => {
    const first = await t.gql<Page>(UNITS, { park, after: null });
    const cursor = first.data!.units.pageInfo.endCursor;
    const { statements } = await t.queries.measure(() => t.gql<Page>(UNITS, { park, after: cursor }));
    const index = statements.findIndex((s) => /FROM "?unit"? "?unit"?/i.test(s) && /LIMIT/i.test(s));
    expect(index).toBeGreaterThanOrEqual(0);
    const params = t.queries.parameters[index];
    const plan = await t.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const [row] = await m.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }[]>(
        `EXPLAIN (FORMAT JSON) ${statements[index]}`,
        params,
      );
      return row!['QUERY PLAN'][0].Plan;
    });
    const conds = indexConds(plan).join(' | ');
    expect(conds).toMatch(/code\)?::text >= /);
  });

  const ZONE_PAGE = `query($park: String, $zone: String!) {
    units(filter: { parkCode: $park, zoneCode: $zone }, first: 100) { totalCount edges { node { code } } } }`;
  type ZonePage = { units: { totalCount: number; edges: { node: { code: string } }[] } };

  it("reads only a park and zone's first page from the (zone_id, code) index, not the whole zone", async () => {
    const { statements } = await t.queries.measure(() =>
      t.gql<ZonePage>(ZONE_PAGE, { park: otherPark, zone: zoneCode }),
    );
    const index = statements.findIndex((s) => /FROM "?unit"? "?unit"?/i.test(s) && /LIMIT/i.test(s));
    expect(index).toBeGreaterThanOrEqual(0);
    const params = t.queries.parameters[index];
    const [row] = await t.dataSource.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statements[index]}`,
      params,
    );
    const unitScans = scans(row!['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'unit');
    expect(unitScans).toHaveLength(1);
    expect(unitScans[0]['Node Type']).toBe('Index Scan');
    // The page is 100 rows plus one to learn whether there is a next page, of 1,250 in the zone and 2,250 in the park.
    expect(unitScans[0]['Actual Rows']).toBeLessThanOrEqual(110);
  });

  it('filters by zone code alone across parks, and by park and zone code to one park', async () => {
    const both = await t.gql<ZonePage>(ZONE_PAGE, { park: null, zone: zoneCode });
    expect(both.errors).toBeUndefined();
    expect(both.data!.units.totalCount).toBe(2 * COUNT);
    const one = await t.gql<ZonePage>(ZONE_PAGE, { park, zone: zoneCode });
    expect(one.errors).toBeUndefined();
    expect(one.data!.units.totalCount).toBe(COUNT);
    expect(one.data!.units.edges[0].node.code).toBe('K-00001');
    const none = await t.gql<ZonePage>(ZONE_PAGE, { park: otherPark, zone: 'no-such-zone' });
    expect(none.data!.units.totalCount).toBe(0);
  });
});
