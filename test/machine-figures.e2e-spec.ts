import { globalId } from './support/ids';
import { dataOf, factories, Factories } from './support/factories';
import { machineFactories } from './support/machines';
import { startTestApp, TestApp } from './support/test-app';

/** Machine figures by SQL: maintenance due, availability/MTBF/MTTR, and statement counts of nested lists. */
describe('machine figures', () => {
  let t: TestApp;
  let f: Factories;
  let mf: ReturnType<typeof machineFactories>;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    mf = machineFactories(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  /** A park with `n` bays, one enterprise holding them all from 2024-01-01, and one machine installed in each. */
  async function parkWithMachines(n: number, prefix: string) {
    const space = await f.space(n, { prefix });
    const owner = await f.enterprise();
    await f.lease({
      enterpriseId: owner.id,
      parkCode: space.parkCode,
      unitCodes: space.units.map((u) => u.code),
      startsOn: '2024-01-01',
      stage: 'OPERATING',
    });
    const machines = [];
    for (const unit of space.units) {
      const m = await mf.register(space.parkCode, owner.id, {
        type: machines.length % 2 ? 'BRIDGE_SAW' : 'CNC_ROUTER',
      });
      await mf.install(m.id, unit.code, '2024-01-01');
      machines.push(m);
    }
    return { ...space, owner, machines };
  }

  describe('maintenance due', () => {
    const DUE = `query($park: String!, $asOf: Date, $days: Int, $hours: Float) {
      maintenanceDue(parkCode: $park, asOf: $asOf, withinDays: $days, withinHours: $hours) {
        machine { serialNumber } plan { task } dueOn daysOverdue hoursSinceLast hoursOverdue overdue dueBy lastPerformedOn } }`;
    type Due = {
      machine: { serialNumber: string };
      plan: { task: string };
      daysOverdue: number | null;
      hoursOverdue: number | null;
      overdue: boolean;
      dueBy: string;
      dueOn: string | null;
      lastPerformedOn: string | null;
    };
    let parkCode: string;
    let byDays: string;
    let byHours: string;
    const due = async (asOf: string, days = 0, hours = 0): Promise<Due[]> =>
      dataOf(await t.gql<{ maintenanceDue: Due[] }>(DUE, { park: parkCode, asOf, days, hours }))
        .maintenanceDue;

    beforeAll(async () => {
      const p = await parkWithMachines(2, 'M');
      parkCode = p.parkCode;
      [byDays, byHours] = p.machines.map((m) => m.serialNumber) as [string, string];
      const plan = (serialNumber: string, extra: Record<string, unknown>) =>
        t.gql(
          'mutation($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { id } }',
          {
            input: { serialNumber, task: `service ${serialNumber}`, startsOn: '2024-01-01', ...extra },
          },
        );
      dataOf(await plan(byDays, { everyDays: 30 }));
      dataOf(await plan(byHours, { everyHours: 100 }));
      await mf.events([
        { serialNumber: byHours, at: '2024-01-01T08:00:00+08:00', meterHours: 0 },
        { serialNumber: byHours, at: '2024-01-10T08:00:00+08:00', meterHours: 80 },
        { serialNumber: byHours, at: '2024-01-20T08:00:00+08:00', meterHours: 130 },
      ]);
    }, 60_000);

    it('lists a calendar plan within the window, then overdue, by how many days', async () => {
      const mine = (list: Due[]) => list.filter((d) => d.machine.serialNumber === byDays);
      expect(mine(await due('2024-01-25'))).toEqual([]);
      const soon = mine(await due('2024-01-25', 7));
      expect(soon).toEqual([
        expect.objectContaining({
          machine: { serialNumber: byDays },
          dueOn: '2024-01-31',
          daysOverdue: -6,
          overdue: false,
          dueBy: 'DAYS',
        }),
      ]);
      const late = await due('2024-02-05');
      expect(late.find((d) => d.machine.serialNumber === byDays)).toMatchObject({
        daysOverdue: 5,
        overdue: true,
      });
    });

    it('lists a runtime plan by meter hours, and clears it when maintenance is recorded', async () => {
      const mine = (list: Due[]) => list.filter((d) => d.machine.serialNumber === byHours);
      expect(mine(await due('2024-01-15'))).toEqual([]);
      const near = mine(await due('2024-01-15', 0, 25));
      expect(near).toEqual([
        expect.objectContaining({
          machine: { serialNumber: byHours },
          hoursSinceLast: 80,
          hoursOverdue: -20,
          overdue: false,
          dueBy: 'HOURS',
        }),
      ]);
      const over = mine(await due('2024-01-21'));
      expect(over).toEqual([
        expect.objectContaining({
          machine: { serialNumber: byHours },
          hoursOverdue: 30,
          overdue: true,
          dueBy: 'HOURS',
        }),
      ]);
      const [planId] = await t.sql<{ id: string }[]>(
        'SELECT p.id FROM maintenance_plan p JOIN machine m ON m.id = p.machine_id WHERE m.serial_number = $1',
        [byHours],
      );
      const done = await t.gql(
        'mutation($input: RecordMaintenanceInput!) { recordMaintenance(input: $input) { id } }',
        {
          input: {
            serialNumber: byHours,
            planId: globalId('MaintenancePlan', planId!.id),
            performedOn: '2024-01-21',
            workDone: 'spindle service',
            performedBy: '维修站',
            meterHours: 130,
            cost: 800,
          },
        },
      );
      dataOf(done);
      expect(mine(await due('2024-01-22'))).toEqual([]);
      // The earlier date is still answered as it stood then.
      const after = (await due('2024-01-21', 0, 100)).filter((d) => d.machine.serialNumber === byHours);
      expect(after).toEqual([
        expect.objectContaining({ lastPerformedOn: '2024-01-21', hoursSinceLast: 0, hoursOverdue: -100 }),
      ]);
      const before = (await due('2024-01-20')).filter((d) => d.machine.serialNumber === byHours);
      expect(before.map((d) => [d.lastPerformedOn, d.overdue])).toEqual([[null, true]]);
    });
  });

  it('computes availability, unplanned downtime, MTBF and MTTR as worked out by hand', async () => {
    const p = await parkWithMachines(2, 'S');
    const carver = p.machines[0]!;
    const idle = p.machines[1];
    const at = (h: string) => `2024-01-01T${h}:00+08:00`;
    await mf.events([
      { serialNumber: carver.serialNumber, at: at('00:00'), status: 'RUNNING' },
      {
        serialNumber: carver.serialNumber,
        at: at('06:00'),
        status: 'DOWN',
        downKind: 'UNPLANNED',
        reasonCode: 'TOOL_BREAKAGE',
      },
      { serialNumber: carver.serialNumber, at: at('08:00'), status: 'RUNNING' },
      {
        serialNumber: carver.serialNumber,
        at: at('12:00'),
        status: 'DOWN',
        downKind: 'UNPLANNED',
        reasonCode: 'SPINDLE_FAULT',
      },
      { serialNumber: carver.serialNumber, at: at('16:00'), status: 'IDLE' },
      {
        serialNumber: carver.serialNumber,
        at: at('20:00'),
        status: 'DOWN',
        downKind: 'PLANNED',
        reasonCode: 'TOOL_CHANGE',
      },
      { serialNumber: carver.serialNumber, at: at('22:00'), status: 'RUNNING' },
      {
        serialNumber: carver.serialNumber,
        at: '2024-01-02T03:00:00+08:00',
        status: 'DOWN',
        downKind: 'UNPLANNED',
        reasonCode: 'POWER_LOSS',
      },
    ]);
    const res = await t.gql<{ machineStats: Record<string, unknown>[] }>(
      `query($park: String!) { machineStats(parkCode: $park, from: "2024-01-01", to: "2024-01-01", groupBy: [TYPE]) {
         type machineCount observedHours availability downtimeHours unplannedDowntimeHours failures mtbfHours mttrHours } }`,
      { park: p.parkCode },
    );
    // 24 h observed: DOWN 06–08 and 12–16 (unplanned, two breakdowns) and 20–22 (planned) = 8 h; up 16 h.
    // The 03:00 breakdown of the next day is outside the period.
    expect(
      [...dataOf(res).machineStats].sort((a, b) => String(a.type).localeCompare(String(b.type))),
    ).toEqual(
      [
        {
          type: 'BRIDGE_SAW',
          machineCount: 1,
          observedHours: 0,
          availability: 0,
          downtimeHours: 0,
          unplannedDowntimeHours: 0,
          failures: 0,
          mtbfHours: null,
          mttrHours: null,
        },
        {
          type: 'CNC_ROUTER',
          machineCount: 1,
          observedHours: 24,
          availability: expect.closeTo(16 / 24, 10),
          downtimeHours: 8,
          unplannedDowntimeHours: 6,
          failures: 2,
          mtbfHours: 8,
          mttrHours: 3,
        },
      ].sort((a, b) => a.type.localeCompare(b.type)),
    );
    expect(idle).toBeDefined();
  });

  it('lists machines as JSON built by PostgreSQL: one statement, the answers of the resolvers', async () => {
    const p = await parkWithMachines(3, 'J');
    await mf.events([
      { serialNumber: p.machines[0]!.serialNumber, at: '2024-01-05T08:00:00+08:00', status: 'RUNNING' },
      { serialNumber: p.machines[0]!.serialNumber, at: '2024-02-03T08:00:00+08:00', status: 'IDLE' },
    ]);
    const node = `id serialNumber type manufacturer model axes spindlePowerKw commissionedYear version status
      unit { id code floorArea } owner { id name contactPhone }`;
    type Page = { machines: { edges: { node: Record<string, unknown> }[] } };
    const list = (asOf: string, extra = '') =>
      `query($park: String!) { machines(first: 10, filter: { parkCode: $park }, asOf: "${asOf}") {
        edges { node { ${node} ${extra} } } } }`;
    for (const asOf of ['2023-12-31', '2024-02-01']) {
      const fast = await t.queries.measure(() => t.gql<Page>(list(asOf), { park: p.parkCode }));
      // A field without an SQL form (placements) sends the whole selection the usual way: resolvers and loaders.
      const usual = await t.queries.measure(() =>
        t.gql<Page>(list(asOf, 'placements { fromOn }'), { park: p.parkCode }),
      );
      const nodes = dataOf(fast.result).machines.edges.map((e) => e.node);
      const usualNodes = dataOf(usual.result).machines.edges.map(({ node: { placements, ...rest } }) => {
        expect(placements).toHaveLength(1);
        return rest;
      });
      expect(nodes).toHaveLength(3);
      expect(nodes).toEqual(usualNodes);
      expect(fast.count).toBe(1);
      expect(fast.statements[0]).toContain(`json_build_object('__sql', true, 'id'`);
      expect(usual.count).toBeGreaterThan(1);
      expect(usual.statements.join('\n')).not.toContain("'__sql'");
    }
    const first = async (asOf: string) =>
      dataOf(await t.gql<Page>(list(asOf), { park: p.parkCode })).machines.edges.find(
        (e) => e.node.serialNumber === p.machines[0]!.serialNumber,
      )?.node;
    expect(await first('2024-02-01')).toMatchObject({ status: 'RUNNING', unit: { code: p.units[0]!.code } });
    expect(await first('2023-12-31')).toMatchObject({ status: null, unit: null });
  });

  it('reads zones → units → machines with a statement count independent of list length', async () => {
    const query = `query($park: String!) { park(code: $park) { zones { units(first: 10, asOf: "2024-02-01") { edges { node {
      code machines { serialNumber status owner { name } } } } } } } }`;
    const small = await parkWithMachines(2, 'A');
    const large = await parkWithMachines(10, 'B');
    const count = async (park: string) => {
      const { result, count } = await t.queries.measure(() => t.gql(query, { park }));
      dataOf(result);
      return count;
    };
    const smallCount = await count(small.parkCode);
    const largeCount = await count(large.parkCode);
    expect(largeCount).toBe(smallCount);
    expect(smallCount).toBeLessThanOrEqual(12);
  });
});
