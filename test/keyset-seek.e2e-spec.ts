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

/**
 * Keyset pages seek: a later page is found through the index on its sort key (a row comparison `(key, id) > (…)`)
 * instead of filtering every row before it, so page 1,000 of a 100,000-unit park costs what page 1 costs. And the
 * pages still hold every row once, in order, with ties on the sort key broken by id.
 */
describe('keyset paging seeks by the sort key', () => {
  let t: TestApp;
  let park: string;
  const COUNT = 1_250;

  beforeAll(async () => {
    t = await startTestApp();
    const f = factories(t);
    park = (await f.park()).code;
    const zone = await f.zone(park);
    await t.ownerQuery(
      `INSERT INTO unit (park_id, zone_id, code, kind, floor_area)
       SELECT z.park_id, z.id, 'K-' || lpad(g::text, 5, '0'), 'BAY', 10 * (g % 7 + 1)
       FROM zone z, generate_series(1, ${COUNT}) g WHERE z.id = $1`,
      [keyOf(zone.id)],
    );
    await t.ownerQuery('ANALYZE unit');
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
});
