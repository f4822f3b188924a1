import { codesOf, createApiKey } from './support/access';
import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { EventSpec, machineFactories, MachineData, RECORD_EVENTS } from './support/machines';
import { startTestApp, TestApp } from './support/test-app';

/** Shop-floor events: batches, idempotency, late and out-of-order arrival, the meter, gateway keys. */
describe('machine events', () => {
  let t: TestApp;
  let mf: ReturnType<typeof machineFactories>;
  let parkCode: string;
  let otherPark: string;
  let ownerId: string;
  let machines: MachineData[];
  let foreign: MachineData;

  beforeAll(async () => {
    t = await startTestApp();
    const f = factories(t);
    mf = machineFactories(t);
    const space = await f.space(2, { prefix: 'E' });
    parkCode = space.parkCode;
    ownerId = (await f.enterprise()).id;
    await f.lease({ enterpriseId: ownerId, parkCode, unitCodes: ['E-001'], startsOn: '2024-01-01' });
    machines = [];
    for (let i = 0; i < 10; i++) machines.push(await mf.register(parkCode, ownerId));
    const second = await f.space(1, { prefix: 'X' });
    otherPark = second.parkCode;
    foreign = await mf.register(otherPark, (await f.enterprise({ parkCode: otherPark })).id);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const statusAt = async (id: string, at: string): Promise<string | null> => {
    const res = await t.gql<{ machine: { status: string | null } }>(
      'query($id: ID!, $at: DateTime) { machine(id: $id) { status(at: $at) } }',
      { id, at },
    );
    return dataOf(res).machine.status;
  };

  it('answers the status at an instant from late, out-of-order and repeated events', async () => {
    const m = machines[0]!;
    const s = m.serialNumber;
    const first = await mf.events([
      { serialNumber: s, at: '2024-03-01T16:00:00+08:00', status: 'IDLE' },
      { serialNumber: s, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING' },
    ]);
    expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    // Arrives late: a breakdown between the two.
    const late = await mf.events([
      {
        serialNumber: s,
        at: '2024-03-01T11:00:00+08:00',
        status: 'DOWN',
        downKind: 'UNPLANNED',
        reasonCode: 'SPINDLE_FAULT',
      },
      { serialNumber: s, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING' },
      {
        serialNumber: s,
        at: '2024-03-01T11:00:00+08:00',
        status: 'DOWN',
        downKind: 'UNPLANNED',
        reasonCode: 'SPINDLE_FAULT',
      },
      { serialNumber: s, at: '2024-03-01T08:00:00+08:00', status: 'IDLE' },
    ]);
    expect(late.results.map((r) => r.outcome)).toEqual(['ACCEPTED', 'DUPLICATE', 'DUPLICATE', 'REJECTED']);
    expect(late.results[3]!.error).toMatchObject({ code: 'CONFLICT', field: 'events.3.at' });
    expect(await statusAt(m.id, '2024-03-01T07:59:59+08:00')).toBeNull();
    expect(await statusAt(m.id, '2024-03-01T08:00:00+08:00')).toBe('RUNNING');
    expect(await statusAt(m.id, '2024-03-01T10:59:59+08:00')).toBe('RUNNING');
    expect(await statusAt(m.id, '2024-03-01T11:00:00+08:00')).toBe('DOWN');
    expect(await statusAt(m.id, '2024-03-01T15:00:00+08:00')).toBe('DOWN');
    expect(await statusAt(m.id, '2024-03-02T00:00:00+08:00')).toBe('IDLE');
    const [row] = await t.sql<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM machine_event WHERE machine_id = $1',
      [m.id],
    );
    expect(row!.n).toBe(3);
  });

  it('refuses a meter reading lower than an earlier one (or higher than a later one), per event', async () => {
    const s = machines[1]!.serialNumber;
    expect(
      await mf.events([
        { serialNumber: s, at: '2024-03-01T08:00:00+08:00', meterHours: 100 },
        { serialNumber: s, at: '2024-03-03T08:00:00+08:00', meterHours: 150 },
      ]),
    ).toMatchObject({ accepted: 2 });
    const res = await mf.events([
      { serialNumber: s, at: '2024-03-04T08:00:00+08:00', meterHours: 90 },
      { serialNumber: s, at: '2024-03-02T08:00:00+08:00', meterHours: 160 },
      { serialNumber: s, at: '2024-03-02T09:00:00+08:00', meterHours: 120 },
      { serialNumber: s, at: '2024-03-05T08:00:00+08:00', meterHours: 200 },
      { serialNumber: s, at: '2024-03-06T08:00:00+08:00', meterHours: 190 },
    ]);
    expect(res.results.map((r) => r.outcome)).toEqual([
      'REJECTED',
      'REJECTED',
      'ACCEPTED',
      'ACCEPTED',
      'REJECTED',
    ]);
    expect(res.results[0]!.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events.0.meterHours' });
    expect(res.results[0]!.error!.message).toMatch(/lower than the reading 150/);
    expect(res.results[1]!.error!.message).toMatch(/higher than the later reading 150/);
    expect(res.results[4]!.error!.message).toMatch(/lower than the reading 200/);
    const meter = await t.gql<{ machine: { meterHours: number } }>(
      'query($id: ID!) { machine(id: $id) { meterHours(at: "2024-03-02T10:00:00+08:00") } }',
      { id: machines[1]!.id },
    );
    expect(dataOf(meter).machine.meterHours).toBe(120);
  });

  it('checks each event: one payload, DOWN with its reason, a known machine of the park, not in the future', async () => {
    const s = machines[2]!.serialNumber;
    const res = await mf.events([
      { serialNumber: s, at: '2024-03-01T08:00:00+08:00' },
      { serialNumber: s, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING', meterHours: 1 },
      { serialNumber: s, at: '2024-03-01T09:00:00+08:00', status: 'DOWN' },
      { serialNumber: s, at: '2024-03-01T10:00:00+08:00', status: 'IDLE', reasonCode: 'X' },
      { serialNumber: 'NO-SUCH-MACHINE', at: '2024-03-01T10:00:00+08:00', status: 'IDLE' },
      { serialNumber: s, at: '2150-01-01T00:00:00Z', status: 'IDLE' },
      { serialNumber: s, at: '2024-03-01T11:00:00+08:00', status: 'RUNNING' },
    ]);
    expect(res.results.map((r) => r.error?.field ?? r.outcome)).toEqual([
      'events.0.status',
      'events.1.status',
      'events.2.downKind',
      'events.3.downKind',
      'events.4.serialNumber',
      'events.5.at',
      'ACCEPTED',
    ]);
    expect(res.results[4]!.error!.code).toBe('NOT_FOUND');
    const tooMany = await t.gql(RECORD_EVENTS, {
      events: Array.from({ length: 1001 }, () => ({
        serialNumber: s,
        at: '2024-03-01T08:00:00Z',
        status: 'IDLE',
      })),
    });
    expect(fieldsOf(errorOf(tooMany, 'BAD_USER_INPUT')).map((e) => e.field)).toContain('events');
  });

  it('writes 1,000 events with ONE insert, and as many statements as for 10', async () => {
    const batch = (n: number, day: string): EventSpec[] =>
      Array.from({ length: n }, (_, i) => {
        const m = machines[i % machines.length]!;
        const at = new Date(
          Date.parse(`${day}T00:00:00+08:00`) + Math.floor(i / machines.length) * 60_000,
        ).toISOString();
        return i % 2 === 0
          ? { serialNumber: m.serialNumber, at, status: i % 4 === 0 ? 'RUNNING' : 'IDLE' }
          : { serialNumber: m.serialNumber, at, meterHours: 1000 + i };
      });
    const small = await t.queries.measure(() => mf.events(batch(10, '2024-04-01')));
    const large = await t.queries.measure(() => mf.events(batch(1000, '2024-04-02')));
    expect(large.result).toMatchObject({ accepted: 1000, duplicates: 0, rejected: 0 });
    const inserts = large.statements.filter((sql) => /INSERT INTO machine_event/i.test(sql));
    expect(inserts).toHaveLength(1);
    expect(large.count).toBe(small.count);
    // The same batch again: stored once, and nothing is inserted.
    const again = await t.queries.measure(() => mf.events(batch(1000, '2024-04-02')));
    expect(again.result).toMatchObject({ accepted: 0, duplicates: 1000 });
    expect(again.statements.filter((sql) => /INSERT INTO machine_event/i.test(sql))).toHaveLength(0);
  });

  it('lets a gateway key report for its own park only, and do nothing else', async () => {
    const gateway = await t.gql<{
      createApiKey: { secret: string; apiKey: { kind: string; parkCodes: string[] } };
    }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { kind parkCodes } } }',
      { input: { name: 'hall A gateway', kind: 'MACHINE_GATEWAY', parkCodes: [parkCode] } },
    );
    const { secret, apiKey } = dataOf(gateway).createApiKey;
    expect(apiKey).toEqual({ kind: 'MACHINE_GATEWAY', parkCodes: [parkCode] });
    const auth = `ApiKey ${secret}`;
    const res = await mf.events(
      [
        { serialNumber: machines[3]!.serialNumber, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING' },
        { serialNumber: foreign.serialNumber, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING' },
      ],
      auth,
    );
    expect(res.results.map((r) => r.error?.code ?? r.outcome)).toEqual(['ACCEPTED', 'NOT_FOUND']);
    const [source] = await t.sql<{ source: string }[]>(
      // The event just reported (the machine has others from earlier tests of this file).
      "SELECT source FROM machine_event WHERE machine_id = $1 AND occurred_at = '2024-03-01T08:00:00+08:00'",
      [machines[3]!.id],
    );
    expect(source!.source).toBe('hall A gateway');
    for (const query of [
      '{ me { name } }',
      '{ machines { totalCount } }',
      `{ parkOverview(parkCode: "${parkCode}") { installedMachines } }`,
      `mutation { removeMachine(input: { machineId: "${machines[3]!.id}", on: "2024-05-01", reason: "no" }) { id } }`,
    ]) {
      expect(codesOf(await t.gql(query, {}, { authorization: auth }))).toEqual(['FORBIDDEN']);
    }
    // A gateway is bound to exactly one park; a read key may not report.
    const unbound = await t.gql(
      'mutation { createApiKey(input: { name: "loose gateway", kind: MACHINE_GATEWAY }) { secret } }',
    );
    expect(fieldsOf(errorOf(unbound, 'BAD_USER_INPUT'))[0]!.field).toBe('input.parkCodes');
    const reader = await createApiKey(t, 'dashboard');
    const refused = await mf.eventsRaw(
      [{ serialNumber: machines[3]!.serialNumber, at: '2024-03-01T09:00:00+08:00', status: 'IDLE' }],
      reader.authorization,
    );
    expect(codesOf(refused)).toEqual(['FORBIDDEN']);
    expect(ownerId).toBeDefined();
    expect(otherPark).not.toBe(parkCode);
  });
});
