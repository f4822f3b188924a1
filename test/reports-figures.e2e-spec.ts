import { dataOf, factories, Factories } from './support/factories';
import { machineFactories } from './support/machines';
import { startTestApp, TestApp } from './support/test-app';

type Row = {
  date: string;
  zoneCode: string | null;
  industry: string | null;
  originProvince: string | null;
  values: { measure: string; value: number }[];
};

const FIGURES = `query($park: String!, $zone: String, $m: [Measure!]!, $g: [FigureDimension!], $asOf: Date, $from: Date, $to: Date) {
  figures(parkCode: $park, zoneCode: $zone, measures: $m, groupBy: $g, asOf: $asOf, from: $from, to: $to) {
    date zoneCode industry originProvince values { measure value } } }`;

const OVERVIEW = `query($park: String!, $zone: String, $asOf: Date) {
  parkOverview(parkCode: $park, zoneCode: $zone, asOf: $asOf) {
    totalUnits occupiedUnits occupiedEnterprises operatingUnits operatingEnterprises reservedUnits vacantUnits
    installedMachines occupancy { rate } occupancyByArea { rate } } }`;

/** parkOverview's fields by the measure that computes the same figure. */
const SAME_FIGURE: Record<string, (o: Record<string, unknown>) => unknown> = {
  TOTAL_UNITS: (o) => o.totalUnits,
  OCCUPIED_UNITS: (o) => o.occupiedUnits,
  ENTERPRISES: (o) => o.occupiedEnterprises,
  OPERATING_UNITS: (o) => o.operatingUnits,
  OPERATING_ENTERPRISES: (o) => o.operatingEnterprises,
  RESERVED_UNITS: (o) => o.reservedUnits,
  VACANT_UNITS: (o) => o.vacantUnits,
  INSTALLED_MACHINES: (o) => o.installedMachines,
  OCCUPANCY_RATE: (o) => (o.occupancy as { rate: number }).rate,
  OCCUPANCY_RATE_AREA: (o) => (o.occupancyByArea as { rate: number }).rate,
};

/** Grouped figures over the measure registry: the same numbers as the module figures, one statement per source. */
describe('reports: figures', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode: string;
  let zoneA: string;
  let zoneB: string;

  const figures = async (vars: Record<string, unknown>): Promise<Row[]> =>
    dataOf(await t.gql<{ figures: Row[] }>(FIGURES, { park: parkCode, ...vars })).figures;
  const value = (row: Row | undefined, measure: string) =>
    row?.values.find((v) => v.measure === measure)?.value;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const mf = machineFactories(t);
    parkCode = (await f.park()).code;
    zoneA = (await f.zone(parkCode)).code;
    zoneB = (await f.zone(parkCode)).code;
    await f.units(parkCode, zoneA, [
      { code: 'A-1', floorArea: 40 },
      { code: 'A-2', floorArea: 60 },
      { code: 'A-3', floorArea: 33.3 },
      { code: 'A-4', floorArea: 70 },
    ]);
    await f.units(parkCode, zoneB, [
      { code: 'B-1', floorArea: 120 },
      { code: 'B-2', floorArea: 80 },
    ]);
    const carver = await f.enterprise({ parkCode, industry: 'STONE_CARVING', originProvince: 'CHONGQING' });
    const studio = await f.enterprise({ parkCode, industry: 'DIGITAL_CREATIVE', originProvince: 'SICHUAN' });
    await f.lease({
      enterpriseId: carver.id,
      parkCode,
      unitCodes: ['A-1', 'A-2'],
      startsOn: '2024-01-10',
      stage: 'OPERATING',
    });
    await f.lease({ enterpriseId: studio.id, parkCode, unitCodes: ['A-3'], startsOn: '2024-03-01' });
    await f.lease({
      enterpriseId: studio.id,
      parkCode,
      unitCodes: ['B-1'],
      startsOn: '2024-03-01',
      stage: 'FITTING_OUT',
    });
    const saw = await mf.register(parkCode, carver.id, { type: 'BRIDGE_SAW' });
    await mf.install(saw.id, 'A-1', '2024-02-01');
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['the park', undefined, '2024-06-01'],
    ['the park before any lease', undefined, '2024-01-01'],
    ['one zone', 'A', '2024-06-01'],
    ['the other zone', 'B', '2024-03-15'],
  ])('equal parkOverview for %s on the same date', async (_, zone, asOf) => {
    const zoneCode = zone === 'A' ? zoneA : zone === 'B' ? zoneB : undefined;
    const overview = dataOf(
      await t.gql<{ parkOverview: Record<string, unknown> }>(OVERVIEW, {
        park: parkCode,
        zone: zoneCode,
        asOf,
      }),
    ).parkOverview;
    const rows = await figures({ zone: zoneCode, asOf, m: Object.keys(SAME_FIGURE) });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.date).toBe(asOf);
    const fromFigures = Object.fromEntries(rows[0]!.values.map((v) => [v.measure, v.value]));
    const fromOverview = Object.fromEntries(
      Object.entries(SAME_FIGURE).map(([m, get]) => [m, get(overview)]),
    );
    expect(fromFigures).toEqual(fromOverview);
  });

  it('knows the figures of the fixture (so that equality above is not 0 = 0)', async () => {
    const [row] = await figures({
      asOf: '2024-06-01',
      m: ['OCCUPIED_UNITS', 'TOTAL_UNITS', 'INSTALLED_MACHINES'],
    });
    expect(row!.values).toEqual([
      { measure: 'OCCUPIED_UNITS', value: 3 },
      { measure: 'TOTAL_UNITS', value: 6 },
      { measure: 'INSTALLED_MACHINES', value: 1 },
    ]);
  });

  it('sends one statement for measures of one source (plus the park lookup), one more per further source', async () => {
    const one = await t.queries.measure(() =>
      figures({
        asOf: '2024-06-01',
        m: ['OCCUPIED_UNITS', 'OCCUPANCY_RATE', 'OCCUPANCY_RATE_AREA', 'ENTERPRISES'],
      }),
    );
    expect(one.result).toHaveLength(1);
    expect(one.count).toBe(2);
    const two = await t.queries.measure(() =>
      figures({ asOf: '2024-06-01', g: ['ZONE'], m: ['OCCUPIED_UNITS', 'INSTALLED_MACHINES'] }),
    );
    expect(two.result.length).toBeGreaterThan(1);
    expect(two.count).toBe(3);
    // By MONTH, closed months come from stored snapshots: once stored, the park lookup and one read.
    const byMonth = {
      g: ['ZONE', 'MONTH'],
      from: '2024-01-01',
      to: '2024-06-30',
      m: ['OCCUPIED_UNITS', 'INSTALLED_MACHINES'],
    };
    const first = await figures(byMonth);
    const stored = await t.queries.measure(() => figures(byMonth));
    expect(stored.result).toEqual(first);
    expect(stored.result.length).toBeGreaterThan(6);
    expect(stored.count).toBe(2);
  });

  it('groups by zone, industry and origin province', async () => {
    const rows = await figures({
      asOf: '2024-06-01',
      g: ['ZONE', 'INDUSTRY', 'ORIGIN_PROVINCE'],
      m: ['OCCUPIED_UNITS', 'TOTAL_UNITS'],
    });
    const compact = rows.map((r) => [
      r.zoneCode,
      r.industry,
      r.originProvince,
      ...r.values.map((v) => v.value),
    ]);
    expect(compact).toEqual(
      [
        [zoneA, 'DIGITAL_CREATIVE', 'SICHUAN', 0, 1],
        [zoneA, 'STONE_CARVING', 'CHONGQING', 2, 2],
        [zoneA, null, null, 0, 1],
        [zoneB, 'DIGITAL_CREATIVE', 'SICHUAN', 1, 1],
        [zoneB, null, null, 0, 1],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0)),
    );
  });

  it('gives month-end rows between from and to, each equal to parkOverview on that date', async () => {
    const rows = await figures({
      g: ['MONTH'],
      from: '2024-01-15',
      to: '2024-04-10',
      m: ['OCCUPIED_UNITS', 'INSTALLED_MACHINES'],
    });
    expect(rows.map((r) => r.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-10']);
    for (const row of rows) {
      const o = dataOf(
        await t.gql<{ parkOverview: Record<string, number> }>(OVERVIEW, { park: parkCode, asOf: row.date }),
      ).parkOverview;
      expect([value(row, 'OCCUPIED_UNITS'), value(row, 'INSTALLED_MACHINES')]).toEqual([
        o.occupiedUnits,
        o.installedMachines,
      ]);
    }
    expect(rows.map((r) => value(r, 'OCCUPIED_UNITS'))).toEqual([2, 2, 3, 3]);
  });

  it('refuses MONTH without from/to, to before from, and unknown measures', async () => {
    const noFrom = await t.gql(FIGURES, {
      park: parkCode,
      g: ['MONTH'],
      to: '2024-02-01',
      m: ['TOTAL_UNITS'],
    });
    expect(noFrom.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await t.gql(FIGURES, {
      park: parkCode,
      g: ['MONTH'],
      from: '2024-03-01',
      to: '2024-02-01',
      m: ['TOTAL_UNITS'],
    });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(FIGURES, { park: parkCode, m: ['total_units; DROP TABLE unit'] });
    expect(unknown.data ?? null).toBeNull();
    expect(unknown.errors?.length).toBeGreaterThan(0);
  });

  it('is NOT_FOUND for a park that does not exist', async () => {
    const res = await t.gql(FIGURES, { park: 'no-such-park', m: ['TOTAL_UNITS'] });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
