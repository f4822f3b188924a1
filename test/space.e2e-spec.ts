import { keyOf } from './support/ids';
import { completeCreditCode, CREDIT_CODE_ALPHABET } from '../src/modules/enterprises/credit-code';
import {
  countRows,
  dataOf,
  EnterpriseData,
  errorOf,
  factories,
  Factories,
  fieldsOf,
  nextCreditCode,
  UnitSpec,
} from './support/factories';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}

interface UnitNode {
  id: string;
  code: string;
  floorArea: number;
  kind: string;
  status: string;
}

describe('space', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    // Enterprises belong to a park's register; this one is theirs unless a test makes another park first.
    await f.park();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('createEnterprise: unified social credit code', () => {
    const valid = completeCreditCode('91500111MA000001');
    const otherCheck = CREDIT_CODE_ALPHABET.split('').find((c) => c !== valid[17])!;

    it.each([
      ['a wrong check character', valid.slice(0, 17) + otherCheck],
      ['17 characters', valid.slice(0, 17)],
      ['lowercase letters', valid.toLowerCase()],
    ])('refuses %s with BAD_USER_INPUT on creditCode and inserts nothing', async (_name, creditCode) => {
      expect(creditCode).not.toBe(valid);
      const before = await countRows(t, 'enterprise');
      const res = await f.createEnterpriseRaw({ creditCode, name: '校验码测试企业' });
      const error = errorOf(res, 'BAD_USER_INPUT');
      const fields = fieldsOf(error);
      expect(fields.some((x) => x.field.endsWith('creditCode'))).toBe(true);
      expect(res.data).toBeNull();
      expect(await countRows(t, 'enterprise')).toBe(before);
      expect(await countRows(t, 'enterprise', 'name = $1', ['校验码测试企业'])).toBe(0);
    });

    it('accepts the valid code, then refuses the same code again with CONFLICT', async () => {
      const first = await f.enterprise({ creditCode: valid, name: '大足龙头石雕集团' });
      expect(first.creditCode).toBe(valid);
      const res = await f.createEnterpriseRaw({ creditCode: valid, name: '另一家石雕企业' });
      const error = errorOf(res, 'CONFLICT');
      expect(error.message).toContain(valid);
      expect(await countRows(t, 'enterprise', 'credit_code = $1', [valid])).toBe(1);
      expect(await countRows(t, 'enterprise', 'name = $1', ['另一家石雕企业'])).toBe(0);
    });
  });

  describe('createUnits', () => {
    it('creates all or none: a batch with a code that already exists is a CONFLICT and creates nothing', async () => {
      const park = await f.park();
      const zone = await f.zone(park.code);
      await f.units(park.code, zone.code, [{ code: 'X-001' }]);

      const res = await f.createUnitsRaw(park.code, zone.code, [
        { code: 'X-100' },
        { code: 'X-001' },
        { code: 'X-101' },
      ]);
      // Nothing of the batch was written (checked first, so a wrong error code below cannot hide it).
      expect(
        await countRows(t, 'unit', 'park_id = $1 AND code = ANY($2)', [park.id, ['X-100', 'X-101']]),
      ).toBe(0);
      expect(await countRows(t, 'unit', 'park_id = $1', [park.id])).toBe(1);
      const error = errorOf(res, 'CONFLICT');
      expect(error.message).toContain('X-001');
      expect(error.message).not.toContain('X-100');
      expect(error.extensions?.codes).toEqual(['X-001']);
    });

    it('refuses a batch repeating a code with BAD_USER_INPUT and creates nothing', async () => {
      const park = await f.park();
      const zone = await f.zone(park.code);
      const res = await f.createUnitsRaw(park.code, zone.code, [
        { code: 'D-1' },
        { code: 'D-2' },
        { code: 'D-1' },
      ]);
      expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT')).map((x) => x.field)).toEqual(['input.units.2.code']);
      expect(await countRows(t, 'unit', 'park_id = $1', [park.id])).toBe(0);
    });
  });

  describe('units list', () => {
    const PARK = 'list-park';
    const ZONE = 'hall-a';
    // 25 units with different areas, two pairs of equal areas to exercise the id tie-breaker.
    const AREAS = [
      36.5, 12, 48.25, 60, 24, 60, 18.75, 72, 30, 42, 54, 66, 15.5, 27, 39, 51, 63, 75, 21, 33, 45, 57, 69,
      81, 42,
    ];
    const specs: UnitSpec[] = AREAS.map((floorArea, i) =>
      i < 20
        ? { code: `B-${String(i + 1).padStart(2, '0')}`, floorArea, kind: 'BAY' }
        : { code: `W-${String(i - 19).padStart(2, '0')}`, floorArea, kind: 'WORKSHOP' },
    );
    let created: { id: string; code: string; floorArea: number }[];

    const UNITS = `query($first: Int, $after: String, $asOf: Date, $filter: UnitFilter, $orderBy: UnitOrder) {
      units(first: $first, after: $after, asOf: $asOf, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node { id code floorArea kind status } }
      }
    }`;

    async function list(variables: Record<string, unknown>): Promise<Page<UnitNode>> {
      return dataOf(await t.gql<{ units: Page<UnitNode> }>(UNITS, variables)).units;
    }

    async function codes(filter: Record<string, unknown>, asOf = '2024-06-01'): Promise<string[]> {
      const page = await list({
        first: 100,
        asOf,
        filter: { parkCode: PARK, zoneCode: ZONE, ...filter },
        orderBy: { field: 'CODE', direction: 'ASC' },
      });
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((e) => e.node.code);
    }

    beforeAll(async () => {
      await f.park(PARK, '列表测试园区');
      await f.zone(PARK, ZONE);
      await f.zone(PARK, 'hall-b');
      created = await f.units(PARK, ZONE, specs);
      // Another zone of the same park: never part of hall-a's lists.
      await f.units(PARK, 'hall-b', [
        { code: 'B-90', floorArea: 100 },
        { code: 'HB-unavailable', floorArea: 45, leasable: false, unleasableReason: 'stairwell' },
      ]);
      const e1 = await f.enterprise();
      const e2 = await f.enterprise();
      await f.lease({
        enterpriseId: e1.id,
        parkCode: PARK,
        unitCodes: ['B-01', 'B-02', 'W-01'],
        startsOn: '2024-01-01',
        stage: 'FITTING_OUT',
      });
      await f.lease({
        enterpriseId: e2.id,
        parkCode: PARK,
        unitCodes: ['B-03', 'B-04'],
        startsOn: '2024-01-01',
      });
      await f.lease({
        enterpriseId: e2.id,
        parkCode: PARK,
        unitCodes: ['B-05'],
        startsOn: '2024-01-01',
        stage: 'OPERATING',
      });
    });

    /** Pages through a list with first: 10 and returns the codes in order, checking each page. */
    async function pageThrough(
      fetchPage: (after: string | null) => Promise<Page<UnitNode>>,
    ): Promise<{ codes: string[]; pages: number }> {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await fetchPage(after);
        pages++;
        expect(page.totalCount).toBe(25);
        expect(page.pageInfo.hasPreviousPage).toBe(false);
        expect(page.edges.length).toBe(page.pageInfo.hasNextPage ? 10 : 25 - seen.length);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        seen.push(...page.edges.map((e) => e.node.code));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(10);
      }
      return { codes: seen, pages };
    }

    const byAreaDesc = () =>
      [...created]
        // Ties by the database key (uuid), descending, as the keyset does.
        .sort(
          (a, b) =>
            b.floorArea - a.floorArea || (keyOf(a.id) < keyOf(b.id) ? 1 : keyOf(a.id) > keyOf(b.id) ? -1 : 0),
        )
        .map((u) => u.code);
    const byCodeAsc = () => specs.map((s) => s.code).sort();

    it.each([
      ['FLOOR_AREA', 'DESC', byAreaDesc],
      ['CODE', 'ASC', byCodeAsc],
    ] as const)(
      'pages Query.units by %s %s: every unit once, in order, totalCount on every page',
      async (field, direction, expected) => {
        const { codes: seen, pages } = await pageThrough((after) =>
          list({
            first: 10,
            after,
            filter: { parkCode: PARK, zoneCode: ZONE },
            orderBy: { field, direction },
          }),
        );
        expect(pages).toBe(3);
        expect(new Set(seen).size).toBe(25);
        expect(seen).toEqual(expected());
      },
    );

    it.each([
      ['FLOOR_AREA', 'DESC', byAreaDesc],
      ['CODE', 'ASC', byCodeAsc],
    ] as const)('pages Zone.units by %s %s the same way', async (field, direction, expected) => {
      const { codes: seen } = await pageThrough(async (after) => {
        const res = await t.gql<{ park: { zones: { code: string; units: Page<UnitNode> }[] } }>(
          `query($park: String!, $after: String, $orderBy: UnitOrder) {
            park(code: $park) {
              zones {
                code
                units(first: 10, after: $after, orderBy: $orderBy) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage endCursor }
                  edges { cursor node { id code floorArea kind status } }
                }
              }
            }
          }`,
          { park: PARK, after, orderBy: { field, direction } },
        );
        return dataOf(res).park.zones.find((z) => z.code === ZONE)!.units;
      });
      expect(seen).toEqual(expected());
    });

    it('filters by status on asOf', async () => {
      expect(await codes({ status: 'FITTING_OUT' })).toEqual(['B-01', 'B-02', 'W-01']);
      expect(await codes({ status: 'RESERVED' })).toEqual(['B-03', 'B-04']);
      expect(await codes({ status: 'OPERATING' })).toEqual(['B-05']);
      const vacant = await codes({ status: 'VACANT' });
      expect(vacant).toHaveLength(19);
      expect(vacant).not.toEqual(expect.arrayContaining(['B-01', 'B-02', 'B-03', 'B-04', 'B-05', 'W-01']));
      // The day before the leases, everything was vacant.
      expect(await codes({ status: 'VACANT' }, '2023-12-31')).toHaveLength(25);
      expect(await codes({ status: 'FITTING_OUT' }, '2023-12-31')).toEqual([]);
      // The status shown matches the filter.
      const page = await list({
        first: 100,
        asOf: '2024-06-01',
        filter: { parkCode: PARK, zoneCode: ZONE, status: 'FITTING_OUT' },
        orderBy: { field: 'CODE', direction: 'ASC' },
      });
      expect(page.edges.map((e) => e.node.status)).toEqual(['FITTING_OUT', 'FITTING_OUT', 'FITTING_OUT']);
      // Unleasable units are UNAVAILABLE, never VACANT.
      const hallB = await list({
        first: 100,
        asOf: '2024-06-01',
        filter: { parkCode: PARK, zoneCode: 'hall-b', status: 'VACANT' },
        orderBy: { field: 'CODE', direction: 'ASC' },
      });
      expect(hallB.edges.map((e) => e.node.code)).toEqual(['B-90']);
    });

    it('filters by kind, code and area (inclusive bounds)', async () => {
      expect(await codes({ kind: 'WORKSHOP' })).toEqual(['W-01', 'W-02', 'W-03', 'W-04', 'W-05']);
      expect(await codes({ kind: 'OFFICE' })).toEqual([]);
      expect(await codes({ codeContains: 'b-1' })).toEqual(Array.from({ length: 10 }, (_, i) => `B-1${i}`));
      // LIKE wildcards are taken literally.
      expect(await codes({ codeContains: '%' })).toEqual([]);
      expect(await codes({ codeContains: '_' })).toEqual([]);
      const inRange = specs
        .filter((s) => s.floorArea! >= 42 && s.floorArea! <= 60)
        .map((s) => s.code)
        .sort();
      expect(inRange.length).toBeGreaterThan(3);
      expect(await codes({ minArea: 42, maxArea: 60 })).toEqual(inRange);
      expect(await codes({ minArea: 81 })).toEqual(['W-04']);
      expect(await codes({ maxArea: 12 })).toEqual(['B-02']);
      // Conditions combine.
      expect(await codes({ kind: 'BAY', status: 'VACANT', maxArea: 30 })).toEqual(
        specs
          .filter((s) => s.kind === 'BAY' && s.floorArea! <= 30)
          .map((s) => s.code)
          .filter((c) => !['B-01', 'B-02', 'B-03', 'B-04', 'B-05'].includes(c))
          .sort(),
      );
    });

    it.each([0, 101])('refuses first: %i with BAD_USER_INPUT naming first', async (first) => {
      const lists = [
        `{ units(first: ${first}) { totalCount } }`,
        `{ enterprises(first: ${first}) { totalCount } }`,
        `{ tenancies(first: ${first}) { totalCount } }`,
        `{ park(code: "${PARK}") { zones { units(first: ${first}) { totalCount } } } }`,
      ];
      for (const query of lists) {
        const res = await t.gql(query);
        expect(res.errors?.length).toBeGreaterThanOrEqual(1);
        const error = res.errors![0]!;
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(fieldsOf(error).map((x) => x.field)).toContain('first');
      }
    });
  });

  describe('enterprises list', () => {
    const MARK = '筛选';
    let e: Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5', EnterpriseData>;

    beforeAll(async () => {
      const park = await f.park('ent-park');
      await f.zone(park.code, 'ent-east');
      await f.zone(park.code, 'ent-west');
      await f.units(park.code, 'ent-east', [{ code: 'EE-1' }, { code: 'EE-2' }]);
      await f.units(park.code, 'ent-west', [{ code: 'EW-1' }, { code: 'EW-2' }]);
      e = {
        e1: await f.enterprise({
          name: `${MARK}甲石雕`,
          industry: 'STONE_CARVING',
          leading: true,
          originProvince: 'SICHUAN',
        }),
        e2: await f.enterprise({
          name: `${MARK}乙石材`,
          industry: 'STONE_MATERIAL',
          leading: false,
          originProvince: 'CHONGQING',
        }),
        e3: await f.enterprise({
          name: `${MARK}丙珠宝`,
          industry: 'JEWELLERY_JADE',
          leading: true,
          originProvince: 'FUJIAN',
        }),
        e4: await f.enterprise({
          name: `${MARK}丁雕塑`,
          industry: 'SCULPTURE',
          leading: false,
          originProvince: 'GUANGDONG',
        }),
        e5: await f.enterprise({
          name: `${MARK}戊石雕`,
          industry: 'STONE_CARVING',
          leading: false,
          originProvince: 'HEBEI',
        }),
      };
      const t1 = await f.leaseOne({
        enterpriseId: e.e1.id,
        parkCode: park.code,
        unitCode: 'EE-1',
        startsOn: '2024-01-01',
      });
      await f.advance(t1.id, 'FITTING_OUT', '2024-03-01');
      await f.leaseOne({
        enterpriseId: e.e2.id,
        parkCode: park.code,
        unitCode: 'EW-1',
        startsOn: '2024-01-01',
        stage: 'OPERATING',
      });
      const t3 = await f.leaseOne({
        enterpriseId: e.e3.id,
        parkCode: park.code,
        unitCode: 'EE-2',
        startsOn: '2024-01-01',
      });
      await f.end(t3.id, '2024-02-01', 'left the park');
      await f.leaseOne({
        enterpriseId: e.e4.id,
        parkCode: park.code,
        unitCode: 'EW-2',
        startsOn: '2024-02-10',
        stage: 'FITTING_OUT',
      });
    });

    const ENTERPRISES = `query($first: Int, $after: String, $asOf: Date, $filter: EnterpriseFilter, $orderBy: EnterpriseOrder) {
      enterprises(first: $first, after: $after, asOf: $asOf, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name originRegion } }
      }
    }`;

    async function names(
      filter: Record<string, unknown>,
      asOf = '2024-02-15',
      direction: 'ASC' | 'DESC' = 'ASC',
    ): Promise<string[]> {
      const res = await t.gql<{ enterprises: Page<{ id: string; name: string; originRegion: string }> }>(
        ENTERPRISES,
        {
          first: 100,
          asOf,
          filter: { nameContains: MARK, ...filter },
          orderBy: { field: 'NAME', direction },
        },
      );
      const page = dataOf(res).enterprises;
      expect(page.totalCount).toBe(page.edges.length);
      return page.edges.map((x) => x.node.name);
    }

    const n = (...keys: (keyof typeof e)[]) => keys.map((k) => e[k].name);
    /** Code point order, as the API documents for NAME. */
    // Names sort in pinyin order (the zh_pinyin ICU collation; see natural-keys.e2e-spec.ts for the fallback).
    const pinyin = new Intl.Collator('zh-u-co-pinyin');
    const sorted = (list: string[]) => [...list].sort(pinyin.compare);

    it('orders by NAME in pinyin order, both directions, also across pages', async () => {
      const all = sorted(n('e1', 'e2', 'e3', 'e4', 'e5'));
      expect(await names({})).toEqual(all);
      expect(await names({}, '2024-02-15', 'DESC')).toEqual([...all].reverse());
      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res: GqlResponse<{ enterprises: Page<{ name: string }> }> = await t.gql(ENTERPRISES, {
          first: 2,
          after,
          filter: { nameContains: MARK },
          orderBy: { field: 'NAME', direction: 'ASC' },
        });
        const page: Page<{ name: string }> = dataOf(res).enterprises;
        expect(page.totalCount).toBe(5);
        paged.push(...page.edges.map((x) => x.node.name));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('filters by industry, leading and origin region', async () => {
      expect(await names({ industry: 'STONE_CARVING' })).toEqual(sorted(n('e1', 'e5')));
      expect(await names({ industry: 'LOGISTICS' })).toEqual([]);
      expect(await names({ leading: true })).toEqual(sorted(n('e1', 'e3')));
      expect(await names({ leading: false })).toEqual(sorted(n('e2', 'e4', 'e5')));
      expect(await names({ originRegion: 'SICHUAN_CHONGQING' })).toEqual(sorted(n('e1', 'e2')));
      expect(await names({ originRegion: 'ELSEWHERE' })).toEqual(sorted(n('e3', 'e4', 'e5')));
      expect(await names({ industry: 'STONE_CARVING', originRegion: 'SICHUAN_CHONGQING' })).toEqual(n('e1'));
      const res = await t.gql<{ enterprises: Page<{ name: string; originRegion: string }> }>(ENTERPRISES, {
        first: 100,
        filter: { nameContains: MARK, originRegion: 'SICHUAN_CHONGQING' },
        orderBy: { field: 'NAME', direction: 'ASC' },
      });
      expect(dataOf(res).enterprises.edges.map((x) => x.node.originRegion)).toEqual([
        'SICHUAN_CHONGQING',
        'SICHUAN_CHONGQING',
      ]);
    });

    it('filters by the stage held on asOf', async () => {
      expect(await names({ stage: 'RESERVED' })).toEqual(n('e1'));
      expect(await names({ stage: 'FITTING_OUT' })).toEqual(n('e4'));
      expect(await names({ stage: 'OPERATING' })).toEqual(n('e2'));
      expect(await names({ stage: 'ENDED' })).toEqual(n('e3'));
      // On 1 March e1 began fitting out.
      expect(await names({ stage: 'FITTING_OUT' }, '2024-03-01')).toEqual(sorted(n('e1', 'e4')));
      expect(await names({ stage: 'RESERVED' }, '2024-03-01')).toEqual([]);
      // Before e3 ended it was RESERVED, and nobody had ended.
      expect(await names({ stage: 'RESERVED' }, '2024-01-15')).toEqual(sorted(n('e1', 'e3')));
      expect(await names({ stage: 'ENDED' }, '2024-01-15')).toEqual([]);
    });

    it('filters by the zone of a unit held on asOf', async () => {
      expect(await names({ zoneCode: 'ent-east' })).toEqual(n('e1'));
      expect(await names({ zoneCode: 'ent-east' }, '2024-01-15')).toEqual(sorted(n('e1', 'e3')));
      expect(await names({ zoneCode: 'ent-west' })).toEqual(sorted(n('e2', 'e4')));
      expect(await names({ zoneCode: 'ent-west' }, '2024-01-15')).toEqual(n('e2'));
      expect(await names({ zoneCode: 'ent-east' }, '2023-12-31')).toEqual([]);
      expect(await names({ zoneCode: 'ent-west', stage: 'OPERATING' })).toEqual(n('e2'));
    });
  });

  describe('optimistic concurrency', () => {
    it('updateUnit: a stale version is a CONFLICT and changes nothing; the current version increments it', async () => {
      const space = await f.space(1, { prefix: 'OC', area: () => 40 });
      const unit = space.units[0]!;
      expect(unit.version).toBe(1);
      const UPDATE = `mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id version floorArea building } }`;

      const first = await t.gql<{ updateUnit: { version: number; floorArea: number } }>(UPDATE, {
        input: { id: unit.id, version: 1, floorArea: 70 },
      });
      expect(dataOf(first).updateUnit).toMatchObject({ version: 2, floorArea: 70 });

      const stale = await t.gql(UPDATE, {
        input: { id: unit.id, version: 1, floorArea: 99, building: '三号厅' },
      });
      const error = errorOf(stale, 'CONFLICT');
      expect(error.extensions?.currentVersion).toBe(2);
      // Named by its code, which people know, not by its UUID.
      expect(error.message).toBe(`Unit ${unit.code} was changed by someone else (version 2, you sent 1)`);
      const [row] = await t.sql<{ floor_area: string; version: number; building: string | null }[]>(
        'SELECT floor_area, version, building FROM unit WHERE id = $1',
        [unit.id],
      );
      expect(row).toEqual({ floor_area: '70.00', version: 2, building: null });

      const current = await t.gql<{ updateUnit: { version: number; building: string; floorArea: number } }>(
        UPDATE,
        { input: { id: unit.id, version: 2, building: '三号厅' } },
      );
      expect(dataOf(current).updateUnit).toMatchObject({ version: 3, building: '三号厅', floorArea: 70 });
    });

    it('updateEnterprise: a stale version is a CONFLICT and changes nothing; the current version increments it', async () => {
      const ent = await f.enterprise({ name: '版本测试石材公司' });
      const UPDATE = `mutation($input: UpdateEnterpriseInput!) {
        updateEnterprise(input: $input) { id version name contactName }
      }`;
      const first = await t.gql<{ updateEnterprise: { version: number; contactName: string } }>(UPDATE, {
        input: { id: ent.id, version: ent.version, contactName: '张师傅' },
      });
      expect(dataOf(first).updateEnterprise).toMatchObject({
        version: ent.version + 1,
        contactName: '张师傅',
      });

      const stale = await t.gql(UPDATE, {
        input: { id: ent.id, version: ent.version, name: '改名石材公司' },
      });
      expect(errorOf(stale, 'CONFLICT').extensions?.currentVersion).toBe(ent.version + 1);
      expect(errorOf(stale, 'CONFLICT').message).toMatch(
        new RegExp(`^Enterprise ${ent.creditCode} was changed by someone else`),
      );
      const [row] = await t.sql<{ name: string; version: number; contact_name: string }[]>(
        'SELECT name, version, contact_name FROM enterprise WHERE id = $1',
        [ent.id],
      );
      expect(row).toEqual({ name: '版本测试石材公司', version: ent.version + 1, contact_name: '张师傅' });

      const current = await t.gql<{ updateEnterprise: { version: number; name: string } }>(UPDATE, {
        input: { id: ent.id, version: ent.version + 1, name: '改名石材公司' },
      });
      expect(dataOf(current).updateEnterprise).toMatchObject({
        version: ent.version + 2,
        name: '改名石材公司',
      });
    });
  });

  describe('statement count', () => {
    const QUERY = `query($code: String!) {
      park(code: $code) {
        zones {
          units(first: 100) {
            totalCount
            edges { node { code status currentTenancy { stage enterprise { name } } } }
          }
        }
      }
    }`;
    type Result = {
      park: {
        zones: {
          units: {
            totalCount: number;
            edges: {
              node: { code: string; status: string; currentTenancy: { enterprise: { name: string } } | null };
            }[];
          };
        }[];
      };
    };

    /** A park whose one zone has `count` units; `leased` of them let (from 2024, so held today) to `tenants` enterprises. */
    async function parkWith(count: number, leased: number, tenants: number): Promise<string> {
      const space = await f.space(count, { prefix: 'N' });
      const enterprises: EnterpriseData[] = [];
      for (let i = 0; i < tenants; i++) enterprises.push(await f.enterprise());
      const stages = ['RESERVED', 'FITTING_OUT', 'OPERATING'] as const;
      for (let i = 0; i < leased; i++) {
        await f.leaseOne({
          enterpriseId: enterprises[i % tenants]!.id,
          parkCode: space.parkCode,
          unitCode: space.units[i]!.code,
          startsOn: '2024-01-01',
          stage: stages[i % 3],
        });
      }
      return space.parkCode;
    }

    it('does not depend on the length of the lists', async () => {
      const small = await parkWith(10, 4, 2);
      const large = await parkWith(100, 40, 8);

      const a = await t.queries.measure(() => t.gql<Result>(QUERY, { code: small }));
      const b = await t.queries.measure(() => t.gql<Result>(QUERY, { code: large }));

      const smallUnits = dataOf(a.result).park.zones[0]!.units;
      const largeUnits = dataOf(b.result).park.zones[0]!.units;
      expect(smallUnits.totalCount).toBe(10);
      expect(smallUnits.edges).toHaveLength(10);
      expect(smallUnits.edges.filter((x) => x.node.currentTenancy)).toHaveLength(4);
      expect(largeUnits.totalCount).toBe(100);
      expect(largeUnits.edges).toHaveLength(100);
      const held = largeUnits.edges.filter((x) => x.node.currentTenancy);
      expect(held).toHaveLength(40);
      expect(new Set(held.map((x) => x.node.currentTenancy!.enterprise.name)).size).toBe(8);
      expect(largeUnits.edges.filter((x) => x.node.status === 'VACANT')).toHaveLength(60);

      // One statement per level of the query, not one per unit: the failure message shows both counts.
      expect({ tenUnits: a.count, hundredUnits: b.count }).toEqual({
        tenUnits: a.count,
        hundredUnits: a.count,
      });
      expect(a.count).toBeLessThanOrEqual(12);
    });
  });

  describe('occupancyTrend', () => {
    const PARK = 'trend-park';

    beforeAll(async () => {
      await f.park(PARK);
      await f.zone(PARK, 'trend-zone');
      await f.units(PARK, 'trend-zone', [
        { code: 'T-1', floorArea: 10 },
        { code: 'T-2', floorArea: 20 },
        { code: 'T-3', floorArea: 30 },
        { code: 'T-4', floorArea: 40.5 },
        { code: 'T-5', floorArea: 99, leasable: false, unleasableReason: 'machine room' },
      ]);
      const e1 = await f.enterprise();
      const e2 = await f.enterprise();
      const t1 = await f.leaseOne({
        enterpriseId: e1.id,
        parkCode: PARK,
        unitCode: 'T-1',
        startsOn: '2024-01-10',
      });
      await f.advance(t1.id, 'FITTING_OUT', '2024-02-15');
      await f.advance(t1.id, 'OPERATING', '2024-03-31');
      const t2 = await f.leaseOne({
        enterpriseId: e2.id,
        parkCode: PARK,
        unitCode: 'T-2',
        startsOn: '2024-02-29',
        stage: 'FITTING_OUT',
      });
      await f.advance(t2.id, 'OPERATING', '2024-04-01');
      await f.end(t2.id, '2024-05-31', 'moved out');
      await f.leaseOne({
        enterpriseId: e2.id,
        parkCode: PARK,
        unitCode: 'T-3',
        startsOn: '2024-01-31',
        stage: 'OPERATING',
      });
    });

    interface Point {
      date: string;
      occupiedUnits: number;
      operatingUnits: number;
      occupancy: { basis: string; numerator: number; denominator: number; percent: string; rate: number };
    }

    async function trend(from: string, to: string, basis = 'UNIT_COUNT'): Promise<Point[]> {
      const res = await t.gql<{ occupancyTrend: Point[] }>(
        `query($park: String!, $from: Date!, $to: Date!, $basis: OccupancyBasis!) {
          occupancyTrend(parkCode: $park, from: $from, to: $to, basis: $basis) {
            date occupiedUnits operatingUnits occupancy { basis numerator denominator percent rate }
          }
        }`,
        { park: PARK, from, to, basis },
      );
      return dataOf(res).occupancyTrend;
    }

    it('gives one point per month end, with the figures computed by hand', async () => {
      const points = await trend('2024-01-15', '2024-06-30');
      expect(points.map((p) => [p.date, p.occupiedUnits, p.operatingUnits])).toEqual([
        ['2024-01-31', 1, 1],
        ['2024-02-29', 3, 1],
        ['2024-03-31', 3, 2],
        ['2024-04-30', 3, 3],
        ['2024-05-31', 2, 2],
        ['2024-06-30', 2, 2],
      ]);
      expect(points.every((p) => p.occupancy.denominator === 4 && p.occupancy.basis === 'UNIT_COUNT')).toBe(
        true,
      );
      expect(points.map((p) => p.occupancy.percent)).toEqual([
        '25.0',
        '75.0',
        '75.0',
        '75.0',
        '50.0',
        '50.0',
      ]);
    });

    it('ends on the `to` date when it is not a month end', async () => {
      const points = await trend('2024-04-01', '2024-06-10');
      expect(points.map((p) => p.date)).toEqual(['2024-04-30', '2024-05-31', '2024-06-10']);
    });

    it.each(['UNIT_COUNT', 'AREA'])('matches parkOverview at every point (%s basis)', async (basis) => {
      const points = await trend('2024-01-01', '2024-06-30', basis);
      expect(points).toHaveLength(6);
      for (const point of points) {
        const res = await t.gql<{
          parkOverview: {
            occupiedUnits: number;
            operatingUnits: number;
            occupancy: Point['occupancy'];
            occupancyByArea: Point['occupancy'];
          };
        }>(
          `query($park: String!, $asOf: Date) {
            parkOverview(parkCode: $park, asOf: $asOf) {
              occupiedUnits operatingUnits
              occupancy { basis numerator denominator percent rate }
              occupancyByArea { basis numerator denominator percent rate }
            }
          }`,
          { park: PARK, asOf: point.date },
        );
        const o = dataOf(res).parkOverview;
        expect({ date: point.date, occupied: point.occupiedUnits, operating: point.operatingUnits }).toEqual({
          date: point.date,
          occupied: o.occupiedUnits,
          operating: o.operatingUnits,
        });
        expect(point.occupancy).toEqual(basis === 'AREA' ? o.occupancyByArea : o.occupancy);
      }
      if (basis === 'AREA') {
        // 2024-02-29: T-1 (10 m²) and T-2 (20 m²) fitting out, T-3 (30 m²) open, of 100.5 m² leasable.
        expect(points[1]!.occupancy).toMatchObject({ numerator: 60, denominator: 100.5, percent: '59.7' });
      }
    });
  });

  describe('schema defaults of input fields', () => {
    // The same query text is sent three times: the first execution is interpreted, the next ones are JIT-compiled.
    it('createEnterprise without `leading` registers a non-leading enterprise, every time', async () => {
      const park = await f.park();
      const query =
        'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { name leading } }';
      for (let i = 1; i <= 3; i++) {
        const res = await t.gql<{ createEnterprise: { name: string; leading: boolean } }>(query, {
          input: {
            parkCode: park.code,
            name: `默认值测试企业${i}`,
            creditCode: nextCreditCode(),
            industry: 'OTHER',
            originProvince: 'SICHUAN',
          },
        });
        expect(res.errors).toBeUndefined();
        expect(res.data?.createEnterprise).toEqual({ name: `默认值测试企业${i}`, leading: false });
      }
    });

    it('createUnits without `leasable` creates leasable units, every time', async () => {
      const park = await f.park();
      const zone = await f.zone(park.code);
      const query = 'mutation($input: CreateUnitsInput!) { createUnits(input: $input) { code leasable } }';
      for (let i = 1; i <= 3; i++) {
        const res = await t.gql<{ createUnits: { code: string; leasable: boolean }[] }>(query, {
          input: {
            parkCode: park.code,
            zoneCode: zone.code,
            units: [{ code: `DEF-${i}`, kind: 'BAY', floorArea: 20 }],
          },
        });
        expect(res.errors).toBeUndefined();
        expect(res.data?.createUnits).toEqual([{ code: `DEF-${i}`, leasable: true }]);
      }
    });

    it('units(orderBy: { field }) sorts ascending without a direction, every time', async () => {
      const space = await f.space(3, { prefix: 'ORD', area: (i) => [30, 10, 20][i]! });
      const query = `query($filter: UnitFilter, $orderBy: UnitOrder) {
        units(filter: $filter, orderBy: $orderBy) { edges { node { code } } }
      }`;
      for (let i = 0; i < 3; i++) {
        const res = await t.gql<{ units: Page<{ code: string }> }>(query, {
          filter: { parkCode: space.parkCode },
          orderBy: { field: 'FLOOR_AREA' },
        });
        expect(res.errors).toBeUndefined();
        expect(res.data?.units.edges.map((x) => x.node.code)).toEqual(['ORD-002', 'ORD-003', 'ORD-001']);
      }
    });
  });
});
