import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { dataOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const OVERVIEW = `query ($asOf: Date) {
  parkOverview(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", asOf: $asOf) {
    occupiedUnits installedMachines machinesByStatus { status count }
  }
}`;

interface Overview {
  parkOverview: {
    occupiedUnits: number;
    installedMachines: number;
    machinesByStatus: { status: string | null; count: number }[];
  };
}

describe('demo machines (article: 装配石佛寺石材数控机床165台)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const overview = async (asOf: string) => dataOf(await t.gql<Overview>(OVERVIEW, { asOf })).parkOverview;

  it('has 165 machines installed in Western Shifosi on 2024-02-01', async () => {
    const o = await overview('2024-02-01');
    expect(o.occupiedUnits).toBe(107);
    expect(o.installedMachines).toBe(165);
    expect(o.machinesByStatus.reduce((n, s) => n + s.count, 0)).toBe(165);
    expect(o.machinesByStatus.map((s) => s.status)).not.toContain(null);
    expect(o.machinesByStatus.map((s) => s.status)).not.toContain('DECOMMISSIONED');
  });

  it('has fewer on earlier dates: machines arrive during fit-out', async () => {
    const autumn = await overview('2023-10-01');
    const spring = await overview('2023-05-01');
    expect(autumn.installedMachines).toBeGreaterThan(0);
    expect(autumn.installedMachines).toBeLessThan(165);
    expect(spring.installedMachines).toBeLessThan(autumn.installedMachines);
  });

  it('places every machine in a bay its owner holds, operating enterprises running more of them', async () => {
    const [row] = await t.sql<{ misplaced: number; operating_avg: number; fitting_avg: number }[]>(
      `WITH per AS (
         SELECT t.enterprise_id, bool_or(t.operating_from <= '2024-02-01') AS operating, count(DISTINCT p.machine_id) AS n
         FROM tenancy t LEFT JOIN machine_placement p ON p.unit_id = t.unit_id AND p.from_on <= '2024-02-01'
         WHERE t.fitting_out_from <= '2024-02-01' AND (t.ends_on IS NULL OR t.ends_on > '2024-02-01')
         GROUP BY t.enterprise_id)
       SELECT (SELECT count(*)::int FROM machine_placement p JOIN machine m ON m.id = p.machine_id
               WHERE NOT EXISTS (SELECT 1 FROM tenancy t WHERE t.unit_id = p.unit_id AND t.enterprise_id = m.owner_enterprise_id
                                 AND t.starts_on <= p.from_on AND (t.ends_on IS NULL OR t.ends_on > p.from_on))) AS misplaced,
              (SELECT avg(n)::float8 FROM per WHERE operating) AS operating_avg,
              (SELECT avg(n)::float8 FROM per WHERE NOT operating) AS fitting_avg`,
    );
    expect(row!.misplaced).toBe(0);
    expect(row!.operating_avg).toBeGreaterThan(row!.fitting_avg);
  });

  it('has some maintenance due on 2024-02-01, by days and by hours', async () => {
    const res = await t.gql<{
      maintenanceDue: { overdue: boolean; dueBy: string; daysOverdue: number | null }[];
    }>(
      `{ maintenanceDue(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", asOf: "2024-02-01", withinDays: 14) {
           overdue dueBy daysOverdue hoursOverdue machine { serialNumber } plan { task } } }`,
    );
    const due = dataOf(res).maintenanceDue;
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(165);
    expect(due.some((d) => d.overdue)).toBe(true);
    expect(due.some((d) => !d.overdue)).toBe(true);
  });

  it('answers machine figures for the zone by type', async () => {
    const res = await t.gql<{ machineStats: { type: string; machineCount: number; availability: number }[] }>(
      `{ machineStats(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", from: "2024-01-01", to: "2024-01-31", groupBy: [TYPE]) {
           type machineCount availability unplannedDowntimeHours failures mtbfHours mttrHours } }`,
    );
    const stats = dataOf(res).machineStats;
    expect(stats.reduce((n, s) => n + s.machineCount, 0)).toBeGreaterThan(100);
    for (const s of stats) {
      expect(s.availability).toBeGreaterThan(0.5);
      expect(s.availability).toBeLessThanOrEqual(1);
    }
  });

  it('runs the README "CNC machines" examples verbatim, in order, without an error', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.split('### CNC machines')[1]!.split('\n### ')[0]!;
    const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const answers: Record<string, unknown>[] = [];
    for (const block of blocks) {
      const data = dataOf(await t.gql<Record<string, unknown>>(block));
      // Each example shows something: no null, no empty list, no connection without edges.
      for (const [field, value] of Object.entries(data)) {
        const empty =
          value === null ||
          (Array.isArray(value) && value.length === 0) ||
          (typeof value === 'object' &&
            'edges' in value &&
            (value as { edges: unknown[] }).edges.length === 0);
        expect({ field, empty }).toEqual({ field, empty: false });
      }
      answers.push(data);
    }
    expect(answers[0]).toMatchObject({ parkOverview: { installedMachines: 165 } });
    const events = answers.find((a) => 'recordMachineEvents' in a) as { recordMachineEvents: unknown };
    expect(events.recordMachineEvents).toMatchObject({ accepted: 5, duplicates: 0, rejected: 0 });
    const owner = answers.find((a) => 'enterprises' in a) as {
      enterprises: {
        edges: { node: { machines: { serialNumber: string; unit: { code: string } | null }[] } }[];
      };
    };
    expect(owner.enterprises.edges[0]!.node.machines).toContainEqual(
      expect.objectContaining({ serialNumber: 'SFS-DEMO-001', unit: { code: 'W-E-008' } }),
    );
  });
});
