import { Role } from '../src/modules/access/access.enums';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { createUserWithToken } from './support/auth';
import { dataOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PARK = 'dazu-carving-park';

const FIGURES = `query($zone: String, $m: [Measure!]!, $g: [FigureDimension!], $asOf: Date) {
  figures(parkCode: "${PARK}", zoneCode: $zone, measures: $m, groupBy: $g, asOf: $asOf) {
    date zoneCode industry values { measure value } } }`;

const OVERVIEW = `query($zone: String, $asOf: Date) {
  parkOverview(parkCode: "${PARK}", zoneCode: $zone, asOf: $asOf) {
    rent { contractedMonthlyRent rentFreeUnits arrears collectionRate { billed collected rate } } } }`;

const PARK_OVERVIEW = `query($asOf: Date) {
  parkOverview(parkCode: "${PARK}", asOf: $asOf) {
    talent { traineesEnrolled traineesByStatus { status count } }
    partners { agreementsByKind { kind count active } }
    recruitment { eventsByKind { kind count } leadsByStage { stage count } } } }`;

type Row = {
  date: string;
  zoneCode: string | null;
  industry: string | null;
  values: { measure: string; value: number }[];
};
type Overview = Record<string, unknown>;
const sum = (xs: { count?: number; active?: number }[], k: 'count' | 'active' = 'count') =>
  xs.reduce((n, x) => n + (x[k] ?? 0), 0);
const byStatus = (o: Overview, s: string) =>
  ((o.talent as Overview).traineesByStatus as { status: string; count: number }[]).find((x) => x.status === s)
    ?.count ?? 0;

/** The module figure of ParkOverview that each new measure must equal (one definition, two readers). */
const SAME_FIGURE: Record<string, (o: Overview) => number> = {
  TRAINEES_ENROLLED: (o) => (o.talent as Overview).traineesEnrolled as number,
  TRAINEES_IN_TRAINING: (o) => byStatus(o, 'IN_TRAINING'),
  TRAINEES_IN_PARK: (o) => byStatus(o, 'IN_PARK'),
  TRAINEES_GRADUATED: (o) => byStatus(o, 'GRADUATED'),
  TRAINEES_PLACED: (o) => byStatus(o, 'PLACED'),
  AGREEMENTS_SIGNED: (o) => sum((o.partners as Overview).agreementsByKind as { count: number }[]),
  ACTIVE_AGREEMENTS: (o) => sum((o.partners as Overview).agreementsByKind as { active: number }[], 'active'),
  LEADS: (o) => sum((o.recruitment as Overview).leadsByStage as { count: number }[]),
  LEADS_SIGNED: (o) =>
    ((o.recruitment as Overview).leadsByStage as { stage: string; count: number }[]).find(
      (x) => x.stage === 'SIGNED',
    )?.count ?? 0,
  EVENTS_HELD: (o) => sum((o.recruitment as Overview).eventsByKind as { count: number }[]),
};

type Rent = {
  contractedMonthlyRent: string;
  rentFreeUnits: number;
  arrears: string;
  collectionRate: { billed: string; collected: string; rate: number };
};
const RENT_FIGURE: Record<string, (r: Rent) => number> = {
  CONTRACTED_RENT: (r) => Number(r.contractedMonthlyRent),
  RENT_FREE_UNITS: (r) => r.rentFreeUnits,
  RECEIVABLES_OVERDUE: (r) => Number(r.arrears),
  INVOICED: (r) => Number(r.collectionRate.billed),
  COLLECTED: (r) => Number(r.collectionRate.collected),
  COLLECTION_RATE: (r) => r.collectionRate.rate,
};

/** The measures of talent, partners, recruitment and rent: `figures` equals the module's own figure. */
describe('reports: measures of talent, partners, recruitment and rent', () => {
  let t: TestApp;
  let zoneCode: string;
  const DATES = ['2023-12-31', '2024-02-29', '2024-06-15', '2025-01-31', '2025-09-30'];

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
    const [zone] = await t.sql<{ code: string }[]>(
      `SELECT z.code FROM zone z JOIN park p ON p.id = z.park_id WHERE p.code = $1 ORDER BY z.code LIMIT 1`,
      [PARK],
    );
    zoneCode = zone!.code;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const figures = async (vars: Record<string, unknown>, authorization?: string) =>
    t.gql<{ figures: Row[] }>(FIGURES, vars, authorization ? { authorization } : {});
  const values = (row: Row) => Object.fromEntries(row.values.map((v) => [v.measure, v.value]));

  it.each(DATES)('talent, partner and recruitment measures equal parkOverview on %s', async (asOf) => {
    const o = dataOf(await t.gql<{ parkOverview: Overview }>(PARK_OVERVIEW, { asOf })).parkOverview;
    const [row] = dataOf(await figures({ m: Object.keys(SAME_FIGURE), asOf })).figures;
    const v = values(row!);
    for (const [m, of] of Object.entries(SAME_FIGURE)) expect([m, v[m]]).toEqual([m, of(o)]);
  });

  it.each(DATES)('rent measures equal parkOverview.rent on %s, for the park and for a zone', async (asOf) => {
    for (const zone of [null, zoneCode]) {
      const o = dataOf(await t.gql<{ parkOverview: { rent: Rent } }>(OVERVIEW, { asOf, zone })).parkOverview;
      const [row] = dataOf(await figures({ m: Object.keys(RENT_FIGURE), asOf, zone })).figures;
      const v = values(row!);
      // Money is compared to the fen; the rate (a float8 division either way) to 12 places.
      const round = (x: number | undefined) => Math.round((x ?? NaN) * 1e12) / 1e12;
      for (const [m, of] of Object.entries(RENT_FIGURE))
        expect([m, zone, round(v[m])]).toEqual([m, zone, round(of(o.rent))]);
    }
  });

  it('knows the demo figures (so that equality above is not 0 = 0)', async () => {
    const [row] = dataOf(
      await figures({
        m: ['TRAINEES_ENROLLED', 'ACTIVE_AGREEMENTS', 'LEADS', 'EVENTS_HELD', 'CONTRACTED_RENT', 'INVOICED'],
        asOf: '2024-06-15',
      }),
    ).figures;
    for (const [m, v] of Object.entries(values(row!))) expect([m, v > 0]).toEqual([m, true]);
  });

  it('groups rent by zone and leads by industry; the groups add up to the park', async () => {
    const asOf = '2025-01-31';
    const [park] = dataOf(await figures({ m: ['CONTRACTED_RENT', 'LEADS'], asOf })).figures;
    const byZone = dataOf(await figures({ m: ['CONTRACTED_RENT'], g: ['ZONE'], asOf })).figures;
    const byIndustry = dataOf(await figures({ m: ['LEADS'], g: ['INDUSTRY'], asOf })).figures;
    expect(byZone.length).toBeGreaterThan(1);
    const total = (rows: Row[], m: string) => rows.reduce((n, r) => n + values(r)[m]!, 0);
    expect(total(byZone, 'CONTRACTED_RENT')).toBeCloseTo(values(park!).CONTRACTED_RENT!, 2);
    expect(total(byIndustry, 'LEADS')).toBe(values(park!).LEADS);
  });

  it('refuses a dimension or a zone scope a measure does not have, naming both', async () => {
    const g = await figures({ m: ['LEADS'], g: ['ZONE'], asOf: '2025-01-31' });
    expect(g.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(g.errors?.[0]?.message).toMatch(/LEADS cannot be grouped by ZONE/);
    const z = await figures({ m: ['TRAINEES_ENROLLED'], zone: zoneCode, asOf: '2025-01-31' });
    expect(z.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(z.errors?.[0]?.extensions)).toMatch(/TRAINEES_ENROLLED has no zones/);
  });

  it('keeps rent measures to finance readers, like ParkOverview.rent', async () => {
    const recruiter = await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER] });
    const denied = await figures({ m: ['CONTRACTED_RENT'], asOf: '2025-01-31' }, recruiter.authorization);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await figures({ m: ['LEADS'], asOf: '2025-01-31' }, recruiter.authorization);
    expect(allowed.errors).toBeUndefined();
    const finance = await createUserWithToken(t.app, t.dataSource, { roles: [Role.FINANCE] });
    const ok = await figures({ m: ['CONTRACTED_RENT'], asOf: '2025-01-31' }, finance.authorization);
    expect(ok.errors).toBeUndefined();
  });
});
