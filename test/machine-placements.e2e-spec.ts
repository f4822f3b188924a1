import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories, Factories, fieldsOf } from './support/factories';
import { machineFactories } from './support/machines';
import { startTestApp, TestApp } from './support/test-app';

/** Where machines stand: only in units their owner holds, one place a day (in the database), moves, removals. */
describe('machine placements', () => {
  let t: TestApp;
  let f: Factories;
  let mf: ReturnType<typeof machineFactories>;
  let parkCode: string;
  let zoneCode: string;
  let owner: { id: string; name: string };
  let other: { id: string; name: string };
  let otherTenancy: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    mf = machineFactories(t);
    const space = await f.space(6, { prefix: 'P' });
    parkCode = space.parkCode;
    zoneCode = space.zoneCode;
    owner = await f.enterprise({ name: '机床业主石业' });
    other = await f.enterprise({ name: '隔壁石材' });
    await f.lease({
      enterpriseId: owner.id,
      parkCode,
      unitCodes: ['P-001', 'P-002'],
      startsOn: '2024-01-01',
      stage: 'FITTING_OUT',
    });
    otherTenancy = (
      await f.leaseOne({ enterpriseId: other.id, parkCode, unitCode: 'P-003', startsOn: '2024-01-01' })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const machinesIn = async (unitCode: string, asOf: string): Promise<string[]> => {
    const res = await t.gql<{ units: { edges: { node: { machines: { serialNumber: string }[] } }[] } }>(
      `query($park: String, $code: String, $asOf: Date) {
         units(filter: { parkCode: $park, codeContains: $code }, asOf: $asOf) { edges { node { machines { serialNumber } } } } }`,
      { park: parkCode, code: unitCode, asOf },
    );
    return dataOf(res).units.edges[0]!.node.machines.map((m) => m.serialNumber);
  };

  it('refuses a unit the owner does not hold on that date, saying why', async () => {
    const m = await mf.register(parkCode, owner.id);
    const cases: [string, string, RegExp][] = [
      ['P-003', '2024-02-01', /held by 隔壁石材/],
      ['P-004', '2024-02-01', /no tenancy of the owner holds it/],
      ['P-001', '2023-12-01', /not held by 机床业主石业 on 2023-12-01/],
    ];
    for (const [unitCode, on, why] of cases) {
      const error = errorOf(
        await mf.placementRaw('installMachine', { machineId: m.id, unitCode, on }),
        'BAD_USER_INPUT',
      );
      expect(fieldsOf(error)[0]!.field).toBe('input.unitCode');
      expect(fieldsOf(error)[0]!.message).toMatch(why);
    }
    const [row] = await t.sql<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM machine_placement WHERE machine_id = $1',
      [m.id],
    );
    expect(row!.n).toBe(0);
  });

  it('installs, moves and removes, keeping the history and answering each date', async () => {
    const m = await mf.register(parkCode, owner.id);
    const installed = await mf.install(m.id, 'P-001', '2024-02-01');
    expect(installed).toMatchObject({ fromOn: '2024-02-01', untilOn: null, unit: { code: 'P-001' } });
    errorOf(
      await mf.placementRaw('installMachine', { machineId: m.id, unitCode: 'P-002', on: '2024-02-10' }),
      'CONFLICT',
    );

    const moved = await mf.placementRaw('moveMachine', {
      serialNumber: m.serialNumber,
      unitCode: 'P-002',
      on: '2024-03-01',
    });
    expect(dataOf(moved).moveMachine).toMatchObject({
      fromOn: '2024-03-01',
      untilOn: null,
      unit: { code: 'P-002' },
    });
    expect(await machinesIn('P-001', '2024-02-29')).toEqual([m.serialNumber]);
    expect(await machinesIn('P-001', '2024-03-01')).toEqual([]);
    expect(await machinesIn('P-002', '2024-03-01')).toEqual([m.serialNumber]);

    const removed = await mf.placementRaw('removeMachine', {
      machineId: m.id,
      on: '2024-04-01',
      reason: 'sold',
    });
    expect(dataOf(removed).removeMachine).toMatchObject({ fromOn: '2024-03-01', untilOn: '2024-04-01' });
    expect(await machinesIn('P-002', '2024-04-01')).toEqual([]);

    const res = await t.gql<{
      machine: {
        placements: { fromOn: string; untilOn: string | null; unit: { code: string } }[];
        unit: { code: string } | null;
      };
    }>(
      'query($id: ID!) { machine(id: $id) { placements { fromOn untilOn unit { code } } unit(asOf: "2024-03-15") { code } } }',
      { id: m.id },
    );
    expect(dataOf(res).machine).toEqual({
      placements: [
        { fromOn: '2024-02-01', untilOn: '2024-03-01', unit: { code: 'P-001' } },
        { fromOn: '2024-03-01', untilOn: '2024-04-01', unit: { code: 'P-002' } },
      ],
      unit: { code: 'P-002' },
    });
    const error = errorOf(
      await mf.placementRaw('moveMachine', { machineId: m.id, unitCode: 'P-001', on: '2024-05-01' }),
      'BAD_USER_INPUT',
    );
    expect(fieldsOf(error)[0]!.message).toMatch(/stands in no unit on 2024-05-01/);
  });

  it('makes two places on one day impossible in the database, also for concurrent requests', async () => {
    const m = await mf.register(parkCode, owner.id);
    const results = await Promise.all(
      ['2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04', '2024-02-05', '2024-02-06'].map((on, i) =>
        mf.placementRaw('installMachine', { machineId: m.id, unitCode: i % 2 ? 'P-001' : 'P-002', on }),
      ),
    );
    const codes = results.map((r) => (r.errors ? String(r.errors[0]!.extensions?.code) : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT')).toBe(true);
    // Past the service's checks, the exclusion constraint itself refuses an overlap.
    const [unit] = await t.sql<{ id: string; park_id: string }[]>(
      "SELECT u.id, u.park_id FROM unit u JOIN park p ON p.id = u.park_id WHERE p.code = $1 AND u.code = 'P-001'",
      [parkCode],
    );
    await expect(
      t.sql(
        `INSERT INTO machine_placement (park_id, machine_id, unit_id, from_on, until_on) VALUES ($1, $2, $3, '2024-01-15', '2024-02-10')`,
        [unit!.park_id, m.id, unit!.id],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });
  });

  it('reports machines left in the unit when their tenancy ends, and lists them until removed', async () => {
    const m = await mf.register(parkCode, other.id);
    await mf.install(m.id, 'P-003', '2024-01-10');
    const stranded = `query($park: String!, $asOf: Date) { strandedMachines(parkCode: $park, asOf: $asOf) { serialNumber unit { code } } }`;
    const ended = await t.gql<{ endTenancy: { strandedMachines: { serialNumber: string }[] } }>(
      'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { endsOn strandedMachines { serialNumber } } }',
      { input: { tenancyId: otherTenancy, endsOn: '2024-05-01', reason: 'moved out' } },
    );
    expect(dataOf(ended).endTenancy.strandedMachines).toEqual([{ serialNumber: m.serialNumber }]);
    const before = await t.gql<{ strandedMachines: unknown[] }>(stranded, {
      park: parkCode,
      asOf: '2024-04-30',
    });
    expect(dataOf(before).strandedMachines).toEqual([]);
    const after = await t.gql<{ strandedMachines: unknown[] }>(stranded, {
      park: parkCode,
      asOf: '2024-05-01',
    });
    expect(dataOf(after).strandedMachines).toEqual([
      { serialNumber: m.serialNumber, unit: { code: 'P-003' } },
    ]);
    // It cannot move to a unit its owner does not hold; removing it clears the list.
    errorOf(
      await mf.placementRaw('moveMachine', { machineId: m.id, unitCode: 'P-001', on: '2024-05-03' }),
      'BAD_USER_INPUT',
    );
    await mf.placementRaw('removeMachine', { machineId: m.id, on: '2024-05-03', reason: 'taken away' });
    const cleared = await t.gql<{ strandedMachines: unknown[] }>(stranded, {
      park: parkCode,
      asOf: '2024-05-03',
    });
    expect(dataOf(cleared).strandedMachines).toEqual([]);
  });

  it('refuses bad registrations at the edge and a taken serial number', async () => {
    const bad = await t.gql(
      'mutation($input: RegisterMachineInput!) { registerMachine(input: $input) { id } }',
      {
        input: {
          parkCode,
          ownerEnterpriseId: owner.id,
          serialNumber: 'a b',
          type: 'LATHE',
          manufacturer: 'x',
          model: 'y',
          axes: 12,
        },
      },
    );
    const fields = fieldsOf(errorOf(bad, 'BAD_USER_INPUT')).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['input.serialNumber', 'input.axes']));
    const m = await mf.register(parkCode, owner.id);
    const again = await t.gql(
      'mutation($input: RegisterMachineInput!) { registerMachine(input: $input) { id } }',
      {
        input: {
          parkCode,
          ownerEnterpriseId: owner.id,
          serialNumber: m.serialNumber,
          type: 'LATHE',
          manufacturer: 'x',
          model: 'y',
        },
      },
    );
    errorOf(again, 'CONFLICT');
  });

  it('keeps another park’s machines out of sight and out of reach, as if they did not exist', async () => {
    const m = await mf.register(parkCode, owner.id);
    const elsewhere = await f.park();
    const stranger = await createUserWithToken(t.app, t.dataSource, {
      roles: [Role.LEASING],
      parks: [elsewhere.code],
    });
    const auth = { authorization: stranger.authorization };
    const seen = await t.gql<{ machine: unknown; machines: { totalCount: number } }>(
      'query($id: ID!) { machine(id: $id) { id } machines { totalCount } }',
      { id: m.id },
      auth,
    );
    expect(dataOf(seen)).toEqual({ machine: null, machines: { totalCount: 0 } });
    const install = await mf.placementRaw(
      'installMachine',
      { machineId: m.id, unitCode: 'P-001', on: '2024-02-01' },
      stranger.authorization,
    );
    errorOf(install, 'NOT_FOUND');
    const events = await mf.events(
      [{ serialNumber: m.serialNumber, at: '2024-02-01T08:00:00+08:00', status: 'RUNNING' }],
      stranger.authorization,
    );
    expect(events.results[0]!.error?.code).toBe('NOT_FOUND');
  });

  it('lists the machines standing in a zone or a unit on a date, with or without the park', async () => {
    const m = await mf.register(parkCode, owner.id);
    await mf.install(m.id, 'P-002', '2024-06-01');
    type Serials = { machines: { edges: { node: { serialNumber: string } }[] } };
    const listed = async (filter: Record<string, string>, asOf: string) =>
      dataOf(
        await t.gql<Serials>(
          `query($filter: MachineFilter, $asOf: Date) {
             machines(first: 100, filter: $filter, asOf: $asOf) { edges { node { serialNumber } } } }`,
          { filter, asOf },
        ),
      )
        .machines.edges.map((e) => e.node.serialNumber)
        .sort();
    for (const asOf of ['2024-05-31', '2024-06-01', '2024-12-31']) {
      // What each unit of the zone holds on that date, read through the unit.
      const inUnits = (
        await Promise.all(
          ['P-001', 'P-002', 'P-003', 'P-004', 'P-005', 'P-006'].map((u) => machinesIn(u, asOf)),
        )
      )
        .flat()
        .sort();
      expect(await listed({ parkCode, zoneCode }, asOf)).toEqual(inUnits);
      expect(await listed({ zoneCode }, asOf)).toEqual(inUnits);
      expect(await listed({ parkCode, unitCode: 'P-002' }, asOf)).toEqual(
        (await machinesIn('P-002', asOf)).sort(),
      );
      expect(await listed({ parkCode, zoneCode, unitCode: 'P-002' }, asOf)).toEqual(
        (await machinesIn('P-002', asOf)).sort(),
      );
      expect((await listed({ parkCode, zoneCode }, asOf)).includes(m.serialNumber)).toBe(
        asOf !== '2024-05-31',
      );
    }
    expect(await listed({ parkCode, zoneCode: 'no-such-zone' }, '2024-06-01')).toEqual([]);
  });
});
