import { Role } from '../src/modules/access/access.enums';
import { today } from '../src/graphql/scalars/date.scalar';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { createUserWithToken } from './support/auth';
import { dataOf, factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PARK = 'dazu-carving-park';

const FIGURES = `query($park: String!, $zone: String, $m: [Measure!]!, $g: [FigureDimension!], $asOf: Date, $from: Date, $to: Date) {
  figures(parkCode: $park, zoneCode: $zone, measures: $m, groupBy: $g, asOf: $asOf, from: $from, to: $to) {
    date zoneCode computedAt values { measure value } } }`;

type Row = {
  date: string;
  zoneCode: string | null;
  computedAt: string | null;
  values: { measure: string; value: number }[];
};

/** A mix of sources: units (with zones), machines, trainees, leads, events, agreements, rent roll, bills. */
const MEASURES = [
  'OCCUPIED_UNITS',
  'OCCUPANCY_RATE',
  'INSTALLED_MACHINES',
  'TRAINEES_ENROLLED',
  'LEADS',
  'EVENTS_HELD',
  'ACTIVE_AGREEMENTS',
  'CONTRACTED_RENT',
  'RECEIVABLES_OVERDUE',
];
const ZONED = ['OCCUPIED_UNITS', 'OCCUPANCY_RATE', 'INSTALLED_MACHINES', 'CONTRACTED_RENT'];

/** Month-end snapshots: stored on first read, reused, recomputed from the month of a correction on. */
describe('reports: monthly snapshots', () => {
  let t: TestApp;
  let parkId: string;
  let zoneCode: string;

  const figures = async (vars: Record<string, unknown>, authorization?: string) =>
    t.gql<{ figures: Row[] }>(FIGURES, { park: PARK, ...vars }, authorization ? { authorization } : {});
  const rowsOf = async (vars: Record<string, unknown>) => dataOf(await figures(vars)).figures;
  const year2024 = { m: MEASURES, g: ['MONTH'], from: '2024-01-01', to: '2024-12-31' };
  const stored = async (park = parkId) =>
    t.sql<{ month_end: string; computed_at: Date }[]>(
      `SELECT to_char(month_end, 'YYYY-MM-DD') AS month_end, computed_at FROM figure_snapshot
       WHERE park_id = $1 ORDER BY month_end`,
      [park],
    );
  const value = (row: Row | undefined, m: string) => row?.values.find((v) => v.measure === m)?.value;
  const addEvent = (heldOn: string, park = parkId) =>
    t.sql(
      `INSERT INTO recruitment_event (park_id, kind, title, held_on) VALUES ($1, 'FORUM', 'snapshot test', $2)`,
      [park, heldOn],
    );

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
    const [park] = await t.sql<{ id: string; zone: string }[]>(
      `SELECT p.id, (SELECT min(z.code) FROM zone z WHERE z.park_id = p.id) AS zone FROM park p WHERE p.code = $1`,
      [PARK],
    );
    parkId = park!.id;
    zoneCode = park!.zone;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('stores a closed month on the first read and reuses it (same computedAt, no figures statement)', async () => {
    expect(await stored()).toEqual([]);
    const first = await rowsOf(year2024);
    expect(first).toHaveLength(12);
    for (const r of first) expect(r.computedAt).not.toBeNull();
    const rows = await stored();
    expect(rows.map((r) => r.month_end)).toEqual(first.map((r) => r.date));
    const again = await t.queries.measure(() => rowsOf(year2024));
    expect(again.result).toEqual(first);
    // The park lookup and the snapshot read: no statement over the source tables.
    expect(again.statements.filter((s) => s.includes('unnest($3::date[])'))).toEqual([]);
    expect(again.count).toBeLessThanOrEqual(2);
  });

  it('answers the same numbers as computing each month live, for the park, by zone and for a zone', async () => {
    const snap = await rowsOf(year2024);
    const byZone = await rowsOf({ m: ZONED, g: ['MONTH', 'ZONE'], from: '2024-01-01', to: '2024-12-31' });
    const inZone = await rowsOf({
      m: ZONED,
      g: ['MONTH'],
      zone: zoneCode,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(byZone.every((r) => r.computedAt !== null)).toBe(true);
    for (const date of ['2024-02-29', '2024-07-31', '2024-12-31']) {
      const live = await rowsOf({ m: MEASURES, asOf: date });
      expect(snap.find((r) => r.date === date)!.values).toEqual(live[0]!.values);
      const liveZones = await rowsOf({ m: ZONED, g: ['ZONE'], asOf: date });
      expect(byZone.filter((r) => r.date === date).map((r) => [r.zoneCode, r.values])).toEqual(
        liveZones.map((r) => [r.zoneCode, r.values]),
      );
      const liveZone = await rowsOf({ m: ZONED, zone: zoneCode, asOf: date });
      expect(inZone.find((r) => r.date === date)!.values).toEqual(liveZone[0]!.values);
    }
    expect(value(snap.at(-1), 'OCCUPIED_UNITS')).toBeGreaterThan(0);
    expect(value(snap.at(-1), 'CONTRACTED_RENT')).toBeGreaterThan(0);
  });

  it('recomputes the month of a correction and later ones; earlier months stay', async () => {
    const before = await stored();
    const rowsBefore = await rowsOf(year2024);
    await addEvent('2024-06-15');
    const after = await stored();
    expect(after.map((r) => r.month_end)).toEqual(before.slice(0, 5).map((r) => r.month_end));
    const rows = await rowsOf(year2024);
    for (let i = 0; i < 12; i++) {
      const delta = value(rows[i], 'EVENTS_HELD')! - value(rowsBefore[i], 'EVENTS_HELD')!;
      expect([rows[i]!.date, delta]).toEqual([rows[i]!.date, i >= 5 ? 1 : 0]);
    }
    const again = await stored();
    expect(again.slice(0, 5)).toEqual(before.slice(0, 5));
    expect(again).toHaveLength(12);
    expect(again[5]!.computed_at.getTime()).toBeGreaterThan(before[5]!.computed_at.getTime());
  });

  it('leaves past snapshots alone for a correction in the current month, which is never stored', async () => {
    const before = await stored();
    await addEvent(today());
    expect(await stored()).toEqual(before);
    const now = today();
    const rows = await rowsOf({ m: ['EVENTS_HELD'], g: ['MONTH'], from: '2026-01-01', to: now });
    const current = rows.find((r) => r.date === now)!;
    expect(current.computedAt).toBeNull();
    const months = (await stored()).map((r) => r.month_end);
    expect(months.filter((m) => m >= `${now.slice(0, 7)}-01`)).toEqual([]);
    expect(months.filter((m) => m.startsWith('2026-'))).toHaveLength(Number(now.slice(5, 7)) - 1);
  });

  it('computes a month once when two readers ask at the same time (one row, one computedAt)', async () => {
    await t.ownerQuery('DELETE FROM figure_snapshot');
    const [a, b] = await Promise.all([rowsOf(year2024), rowsOf(year2024)]);
    expect(a).toEqual(b);
    const rows = await stored();
    expect(rows).toHaveLength(12);
    expect(a.map((r) => new Date(r.computedAt!).getTime())).toEqual(rows.map((r) => r.computed_at.getTime()));
  });

  it('keeps parks apart: another park has its own snapshots and its corrections leave this park alone', async () => {
    const f = factories(t);
    const other = await f.park();
    const zone = await f.zone(other.code);
    await f.units(other.code, zone.code, [{ code: 'X-1', floorArea: 10 }]);
    const [{ id: otherId }] = await t.sql<{ id: string }[]>('SELECT id FROM park WHERE code = $1', [
      other.code,
    ]);
    const mine = await stored();
    const theirs = dataOf(await figures({ ...year2024, park: other.code })).figures;
    expect(theirs.map((r) => [value(r, 'EVENTS_HELD'), value(r, 'TRAINEES_ENROLLED')])).toEqual(
      theirs.map(() => [0, 0]),
    );
    expect(await stored(otherId)).toHaveLength(12);
    await addEvent('2024-01-10', otherId);
    expect(await stored(otherId)).toEqual([]);
    expect(await stored()).toEqual(mine);
  });

  it('keeps the measure rules: rent by month is for finance readers only', async () => {
    const recruiter = await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER] });
    const denied = await figures({ ...year2024, m: ['CONTRACTED_RENT'] }, recruiter.authorization);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await figures({ ...year2024, m: ['EVENTS_HELD'] }, recruiter.authorization);
    expect(allowed.errors).toBeUndefined();
  });
});
