import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { startTestApp, TestApp } from './support/test-app';

const OVERVIEW = `query ($asOf: Date, $zone: String) {
  parkOverview(parkCode: "dazu-carving-park", zoneCode: $zone, asOf: $asOf) {
    asOf totalUnits occupiedUnits occupiedEnterprises operatingUnits operatingEnterprises reservedUnits vacantUnits
    occupancy { basis numerator denominator percent definition }
    occupancyByArea { basis numerator denominator percent }
  }
}`;

interface Overview {
  parkOverview: Record<string, number | string> & {
    occupancy: { percent: string; numerator: number; denominator: number };
    occupancyByArea: { percent: string; numerator: number; denominator: number };
  };
}

describe('demo park figures (article: 装修84家107跨, 铺货营业31家44跨)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads once: a second run loads nothing', async () => {
    const before = await t.sql<{ n: number }[]>('SELECT count(*)::int AS n FROM tenancy');
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(false);
    const after = await t.sql<{ n: number }[]>('SELECT count(*)::int AS n FROM tenancy');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers the article figures for Western Shifosi as of 2024-02-01', async () => {
    const res = await t.gql<Overview>(OVERVIEW, { asOf: '2024-02-01', zone: 'shifosi-west' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.parkOverview).toMatchObject({
      asOf: '2024-02-01',
      totalUnits: 140,
      occupiedUnits: 107,
      occupiedEnterprises: 84,
      operatingUnits: 44,
      operatingEnterprises: 31,
      reservedUnits: 6,
      vacantUnits: 27,
      occupancy: { basis: 'UNIT_COUNT', numerator: 107, denominator: 140, percent: '76.4' },
      occupancyByArea: { basis: 'AREA', percent: '76.3' },
    });
  });

  it('gives lower figures earlier, as fit-outs started through 2023', async () => {
    const mid = await t.gql<Overview>(OVERVIEW, { asOf: '2023-07-01', zone: 'shifosi-west' });
    const early = await t.gql<Overview>(OVERVIEW, { asOf: '2023-01-01', zone: 'shifosi-west' });
    expect(Number(mid.data!.parkOverview.occupiedUnits)).toBeGreaterThan(0);
    expect(Number(mid.data!.parkOverview.occupiedUnits)).toBeLessThan(107);
    expect(early.data!.parkOverview).toMatchObject({ occupiedUnits: 0, operatingUnits: 0, vacantUnits: 140 });
  });

  it('agrees with the unit list: occupied units counted by status', async () => {
    const q = `query ($s: UnitStatus) { units(filter: { parkCode: "dazu-carving-park", zoneCode: "shifosi-west", status: $s }, asOf: "2024-02-01", first: 1) { totalCount } }`;
    const fitting = await t.gql<{ units: { totalCount: number } }>(q, { s: 'FITTING_OUT' });
    const operating = await t.gql<{ units: { totalCount: number } }>(q, { s: 'OPERATING' });
    expect(fitting.data!.units.totalCount + operating.data!.units.totalCount).toBe(107);
    expect(operating.data!.units.totalCount).toBe(44);
  });

  it('has the 12 leading Sichuan–Chongqing sculpture enterprises and 9 digital-creative ones', async () => {
    const leading = await t.gql<{ enterprises: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `{ enterprises(first: 50, filter: { leading: true, industry: SCULPTURE, originRegion: SICHUAN_CHONGQING }) { totalCount edges { node { name } } } }`,
    );
    expect(leading.data!.enterprises.totalCount).toBe(12);
    const names = leading.data!.enterprises.edges.map((e) => e.node.name).join(' ');
    for (const named of ['富瑞雕塑', '莲山艺术', '蜀源雕塑']) expect(names).toContain(named);
    const digital = await t.gql<{ enterprises: { totalCount: number; edges: { node: { name: string } }[] } }>(
      `{ enterprises(first: 50, filter: { industry: DIGITAL_CREATIVE }) { totalCount edges { node { name } } } }`,
    );
    expect(digital.data!.enterprises.totalCount).toBe(9);
    const digitalNames = digital.data!.enterprises.edges.map((e) => e.node.name).join(' ');
    expect(digitalNames).toContain('艺加文化');
    expect(digitalNames).toContain('和美数创');
  });

  it('keeps a realistic stage history for every tenancy', async () => {
    const rows = await t.sql<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM tenancy t WHERE NOT EXISTS (
         SELECT 1 FROM tenancy_stage_event e WHERE e.tenancy_id = t.id AND e.stage = 'RESERVED')`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
