import { countRows, dataOf, errorOf, factories, Factories, fieldsOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

interface StageEvent {
  kind: 'CHANGE' | 'CORRECTION';
  stage: string;
  effectiveOn: string | null;
  previousEffectiveOn: string | null;
  note: string | null;
  recordedAt: string;
}

interface Overview {
  asOf: string;
  totalUnits: number;
  occupiedUnits: number;
  occupiedEnterprises: number;
  operatingUnits: number;
  operatingEnterprises: number;
  reservedUnits: number;
  vacantUnits: number;
  occupancy: { numerator: number; denominator: number; percent: string };
  occupancyByArea: { numerator: number; denominator: number; percent: string };
}

describe('tenancies', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const tenancyRowsOf = (unitId: string) => countRows(t, 'tenancy', 'unit_id = $1', [unitId]);

  async function overview(parkCode: string, asOf: string): Promise<Overview> {
    const res = await t.gql<{ parkOverview: Overview }>(
      `query($parkCode: String!, $asOf: Date) {
        parkOverview(parkCode: $parkCode, asOf: $asOf) {
          asOf totalUnits occupiedUnits occupiedEnterprises operatingUnits operatingEnterprises reservedUnits
          vacantUnits
          occupancy { numerator denominator percent }
          occupancyByArea { numerator denominator percent }
        }
      }`,
      { parkCode, asOf },
    );
    return dataOf(res).parkOverview;
  }

  /** Status of every unit of a park on a date, by code (Unit.status(asOf) with an explicit argument). */
  async function statuses(parkCode: string, asOf: string): Promise<Record<string, string>> {
    const res = await t.gql<{ units: { edges: { node: { code: string; status: string } }[] } }>(
      `query($parkCode: String!, $asOf: Date) {
        units(first: 100, filter: { parkCode: $parkCode }) { edges { node { code status(asOf: $asOf) } } }
      }`,
      { parkCode, asOf },
    );
    return Object.fromEntries(dataOf(res).units.edges.map((e) => [e.node.code, e.node.status]));
  }

  async function tenancy(id: string, asOf?: string) {
    const res = await t.gql<{
      tenancy: {
        id: string;
        stage: string | null;
        fittingOutFrom: string | null;
        operatingFrom: string | null;
        endsOn: string | null;
        endReason: string | null;
        stageHistory: StageEvent[];
      };
    }>(
      `query($id: ID!, $asOf: Date) {
        tenancy(id: $id) {
          id stage(asOf: $asOf) fittingOutFrom operatingFrom endsOn endReason
          stageHistory { kind stage effectiveOn previousEffectiveOn note recordedAt }
        }
      }`,
      { id, asOf },
    );
    return dataOf(res).tenancy;
  }

  async function stageOn(id: string, asOf: string): Promise<string | null> {
    return (await tenancy(id, asOf)).stage;
  }

  describe('leasing', () => {
    it('lets a vacant unit, then refuses an overlapping lease with a CONFLICT naming the unit and its holder', async () => {
      const space = await f.space(2, { prefix: 'LV' });
      const [unit] = space.units;
      const holder = await f.enterprise({ name: '大足宏盛石雕有限公司' });
      const other = await f.enterprise({ name: '重庆川石材料有限公司' });

      const leased = await f.leaseRaw({
        enterpriseId: holder.id,
        parkCode: space.parkCode,
        unitCodes: [unit!.code],
        startsOn: '2024-03-01',
        note: 'signed at the fair',
      });
      const [tenancyRow] = dataOf(leased).leaseUnits;
      expect(tenancyRow).toMatchObject({
        startsOn: '2024-03-01',
        fittingOutFrom: null,
        operatingFrom: null,
        endsOn: null,
        unit: { code: unit!.code },
        enterprise: { name: holder.name },
      });
      expect(await stageOn(tenancyRow!.id, '2024-03-01')).toBe('RESERVED');
      expect(await stageOn(tenancyRow!.id, '2024-02-29')).toBeNull();
      expect(await tenancyRowsOf(unit!.id)).toBe(1);

      // A later start still overlaps the open-ended tenancy; so does an earlier one.
      for (const startsOn of ['2024-06-01', '2023-12-01']) {
        const res = await f.leaseRaw({
          enterpriseId: other.id,
          parkCode: space.parkCode,
          unitCodes: [unit!.code],
          startsOn,
        });
        const error = errorOf(res, 'CONFLICT');
        expect(error.message).toContain(unit!.code);
        expect(error.message).toContain(holder.name);
        expect(error.extensions).toMatchObject({ unitCode: unit!.code, holder: holder.name });
        expect(res.data).toBeNull();
      }
      expect(await tenancyRowsOf(unit!.id)).toBe(1);
      // The other unit was never touched.
      expect(await tenancyRowsOf(space.units[1]!.id)).toBe(0);
    });

    it('gives the unit to exactly one of 20 concurrent requests; the others get a CONFLICT naming the winner', async () => {
      const space = await f.space(1, { prefix: 'RACE' });
      const [unit] = space.units;
      const enterprises = await Promise.all(
        Array.from({ length: 20 }, (_, i) => f.enterprise({ name: `并发石材商行${i + 1}号` })),
      );

      const results = await Promise.all(
        enterprises.map((e) =>
          f.leaseRaw({
            enterpriseId: e.id,
            parkCode: space.parkCode,
            unitCodes: [unit!.code],
            startsOn: '2024-05-01',
          }),
        ),
      );

      const winners = results.filter((r) => !r.errors && r.data?.leaseUnits?.length === 1);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(19);
      const winnerName = winners[0]!.data!.leaseUnits[0]!.enterprise.name;
      for (const loser of losers) {
        const error = errorOf(loser, 'CONFLICT');
        expect(error.message).toContain(unit!.code);
        expect(error.message).toContain(winnerName);
      }
      expect(await tenancyRowsOf(unit!.id)).toBe(1);
      expect(
        await countRows(
          t,
          'tenancy_stage_event',
          'tenancy_id IN (SELECT id FROM tenancy WHERE unit_id = $1)',
          [unit!.id],
        ),
      ).toBe(1);
    });

    it('leases several units all or none: one unit already held gives CONFLICT and no tenancy for the others', async () => {
      const space = await f.space(3, { prefix: 'MU' });
      const [u1, u2, u3] = space.units;
      const holder = await f.enterprise({ name: '石佛寺雕刻坊' });
      const latecomer = await f.enterprise({ name: '西部石材贸易公司' });
      await f.lease({
        enterpriseId: holder.id,
        parkCode: space.parkCode,
        unitCodes: [u2!.code],
        startsOn: '2024-01-01',
      });

      const res = await f.leaseRaw({
        enterpriseId: latecomer.id,
        parkCode: space.parkCode,
        unitCodes: [u1!.code, u2!.code, u3!.code],
        startsOn: '2024-02-01',
      });
      const error = errorOf(res, 'CONFLICT');
      expect(error.message).toContain(u2!.code);
      expect(error.message).toContain(holder.name);

      expect(await tenancyRowsOf(u1!.id)).toBe(0);
      expect(await tenancyRowsOf(u3!.id)).toBe(0);
      expect(await tenancyRowsOf(u2!.id)).toBe(1);
      expect(await countRows(t, 'tenancy', 'enterprise_id = $1', [latecomer.id])).toBe(0);
      expect(await statuses(space.parkCode, '2024-02-01')).toEqual({
        [u1!.code]: 'VACANT',
        [u2!.code]: 'RESERVED',
        [u3!.code]: 'VACANT',
      });
    });
    it('starts a lease in RESERVED when the stage is left out, on every request (schema default)', async () => {
      const space = await f.space(3, { prefix: 'DF' });
      const e = await f.enterprise();
      // The same query text three times: the first execution is interpreted, later ones are JIT-compiled.
      const query = `mutation($input: LeaseUnitsInput!) { leaseUnits(input: $input) { startsOn stage(asOf: "2024-09-01") } }`;
      for (const unit of space.units) {
        const res = await t.gql<{ leaseUnits: { startsOn: string; stage: string }[] }>(query, {
          input: {
            enterpriseId: e.id,
            parkCode: space.parkCode,
            unitCodes: [unit.code],
            startsOn: '2024-09-01',
          },
        });
        expect(res.errors).toBeUndefined();
        expect(res.data?.leaseUnits).toEqual([{ startsOn: '2024-09-01', stage: 'RESERVED' }]);
      }
      expect(await countRows(t, 'tenancy', 'enterprise_id = $1', [e.id])).toBe(3);
    });
  });

  describe('stages', () => {
    it('moves forward only: backward and skipped moves are BAD_USER_INPUT listing the allowed moves', async () => {
      const space = await f.space(2, { prefix: 'ST' });
      const e = await f.enterprise();
      const [a, b] = await f.lease({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCodes: [space.units[0]!.code, space.units[1]!.code],
        startsOn: '2024-01-10',
      });

      // Tenancy.nextStages offers exactly the moves the mutations accept (the allowedStages of their errors).
      const nextStages = async (id: string) =>
        dataOf(
          await t.gql<{ node: { nextStages: string[] } }>(
            'query($id: ID!) { node(id: $id) { ... on Tenancy { nextStages } } }',
            { id },
          ),
        ).node.nextStages;
      expect(await nextStages(a!.id)).toEqual(['FITTING_OUT', 'ENDED']);

      // RESERVED → FITTING_OUT
      const fitting = await f.advance(a!.id, 'FITTING_OUT', '2024-02-01', 'contractor on site');
      expect(fitting.fittingOutFrom).toBe('2024-02-01');
      expect(fitting.version).toBe(a!.version + 1);

      // FITTING_OUT → RESERVED (backward)
      const back = await f.advanceRaw(a!.id, 'RESERVED', '2024-03-01');
      const backError = errorOf(back, 'BAD_USER_INPUT');
      expect(backError.extensions?.allowedStages).toEqual(['OPERATING']);
      expect(backError.extensions?.currentStage).toBe('FITTING_OUT');
      expect(await nextStages(a!.id)).toEqual(backError.extensions?.allowedStages);
      expect(backError.message).toContain('OPERATING');
      expect(fieldsOf(backError).map((x) => x.field)).toEqual(['input.stage']);
      const afterBack = await tenancy(a!.id, '2024-03-01');
      expect(afterBack.stage).toBe('FITTING_OUT');
      expect(afterBack.stageHistory).toHaveLength(2);

      // RESERVED → OPERATING (skips FITTING_OUT)
      const skip = await f.advanceRaw(b!.id, 'OPERATING', '2024-02-01');
      const skipError = errorOf(skip, 'BAD_USER_INPUT');
      expect(skipError.extensions?.allowedStages).toEqual(['FITTING_OUT', 'ENDED']);
      expect(skipError.message).toMatch(/FITTING_OUT/);
      const afterSkip = await tenancy(b!.id, '2024-02-01');
      expect(afterSkip.operatingFrom).toBeNull();
      expect(afterSkip.stage).toBe('RESERVED');

      // RESERVED → ENDED through endTenancy
      const ended = await f.end(b!.id, '2024-04-01', 'withdrew before fit-out');
      expect(ended).toMatchObject({ endsOn: '2024-04-01', endReason: 'withdrew before fit-out' });
      expect(await stageOn(b!.id, '2024-03-31')).toBe('RESERVED');
      expect(await stageOn(b!.id, '2024-04-01')).toBe('ENDED');
      // ENDED is final.
      const again = await f.advanceRaw(b!.id, 'FITTING_OUT', '2024-05-01');
      expect(errorOf(again, 'BAD_USER_INPUT').extensions?.allowedStages).toEqual([]);
      expect(await nextStages(b!.id)).toEqual([]);

      // The unit is held until the day before the end date, and free from it.
      const next = await f.enterprise({ name: '接手石雕工作室' });
      const early = await f.leaseRaw({
        enterpriseId: next.id,
        parkCode: space.parkCode,
        unitCodes: [space.units[1]!.code],
        startsOn: '2024-03-31',
      });
      expect(errorOf(early, 'CONFLICT').message).toContain(e.name);
      const relet = await f.leaseOne({
        enterpriseId: next.id,
        parkCode: space.parkCode,
        unitCode: space.units[1]!.code,
        startsOn: '2024-04-01',
      });
      expect(relet.startsOn).toBe('2024-04-01');
      expect(await tenancyRowsOf(space.units[1]!.id)).toBe(2);
      expect((await statuses(space.parkCode, '2024-03-31'))[space.units[1]!.code]).toBe('RESERVED');
      const onRelet = await t.gql<{
        units: { edges: { node: { currentTenancy: { id: string; enterprise: { name: string } } } }[] };
      }>(
        `query($parkCode: String!, $code: String!) {
          units(asOf: "2024-04-01", filter: { parkCode: $parkCode, codeContains: $code }) {
            edges { node { currentTenancy { id enterprise { name } } } }
          }
        }`,
        { parkCode: space.parkCode, code: space.units[1]!.code },
      );
      expect(dataOf(onRelet).units.edges.map((x) => x.node.currentTenancy)).toEqual([
        { id: relet.id, enterprise: { name: next.name } },
      ]);
    });

    it('answers Unit.status, parkOverview and Tenancy.stage as of the day before and the day of a change', async () => {
      const space = await f.space(4, { prefix: 'AO', area: (i) => [10, 20, 30, 40][i]! });
      const e = await f.enterprise();
      const lease = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: 'AO-001',
        startsOn: '2024-05-01',
      });
      await f.advance(lease.id, 'FITTING_OUT', '2024-06-15');
      await f.advance(lease.id, 'OPERATING', '2024-07-01');

      expect(await statuses(space.parkCode, '2024-04-30')).toMatchObject({ 'AO-001': 'VACANT' });
      expect(await statuses(space.parkCode, '2024-05-01')).toMatchObject({ 'AO-001': 'RESERVED' });
      expect(await statuses(space.parkCode, '2024-06-14')).toEqual({
        'AO-001': 'RESERVED',
        'AO-002': 'VACANT',
        'AO-003': 'VACANT',
        'AO-004': 'VACANT',
      });
      expect(await statuses(space.parkCode, '2024-06-15')).toMatchObject({ 'AO-001': 'FITTING_OUT' });
      expect(await statuses(space.parkCode, '2024-06-30')).toMatchObject({ 'AO-001': 'FITTING_OUT' });
      expect(await statuses(space.parkCode, '2024-07-01')).toMatchObject({ 'AO-001': 'OPERATING' });

      expect(await overview(space.parkCode, '2024-06-14')).toMatchObject({
        asOf: '2024-06-14',
        totalUnits: 4,
        reservedUnits: 1,
        occupiedUnits: 0,
        occupiedEnterprises: 0,
        operatingUnits: 0,
        vacantUnits: 3,
        occupancy: { numerator: 0, denominator: 4, percent: '0.0' },
        occupancyByArea: { numerator: 0, denominator: 100, percent: '0.0' },
      });
      expect(await overview(space.parkCode, '2024-06-15')).toMatchObject({
        totalUnits: 4,
        reservedUnits: 0,
        occupiedUnits: 1,
        occupiedEnterprises: 1,
        operatingUnits: 0,
        operatingEnterprises: 0,
        vacantUnits: 3,
        occupancy: { numerator: 1, denominator: 4, percent: '25.0' },
        occupancyByArea: { numerator: 10, denominator: 100, percent: '10.0' },
      });
      expect(await overview(space.parkCode, '2024-06-30')).toMatchObject({
        operatingUnits: 0,
        occupiedUnits: 1,
      });
      expect(await overview(space.parkCode, '2024-07-01')).toMatchObject({
        occupiedUnits: 1,
        operatingUnits: 1,
        operatingEnterprises: 1,
        reservedUnits: 0,
      });

      expect(await stageOn(lease.id, '2024-04-30')).toBeNull();
      expect(await stageOn(lease.id, '2024-06-14')).toBe('RESERVED');
      expect(await stageOn(lease.id, '2024-06-15')).toBe('FITTING_OUT');
      expect(await stageOn(lease.id, '2024-06-30')).toBe('FITTING_OUT');
      expect(await stageOn(lease.id, '2024-07-01')).toBe('OPERATING');

      // A list's asOf flows down to Unit.status and to the current tenancy's stage.
      const listed = await t.gql<{
        units: { edges: { node: { status: string; currentTenancy: { stage: string } | null } }[] };
      }>(
        `query($parkCode: String!) {
          before: units(asOf: "2024-06-14", filter: { parkCode: $parkCode, codeContains: "AO-001" }) {
            edges { node { status currentTenancy { stage } } }
          }
          units(asOf: "2024-06-15", filter: { parkCode: $parkCode, codeContains: "AO-001" }) {
            edges { node { status currentTenancy { stage } } }
          }
        }`,
        { parkCode: space.parkCode },
      );
      const data = dataOf(listed) as unknown as Record<
        'before' | 'units',
        { edges: { node: { status: string; currentTenancy: { stage: string } | null } }[] }
      >;
      expect(data.before.edges.map((x) => x.node)).toEqual([
        { status: 'RESERVED', currentTenancy: { stage: 'RESERVED' } },
      ]);
      expect(data.units.edges.map((x) => x.node)).toEqual([
        { status: 'FITTING_OUT', currentTenancy: { stage: 'FITTING_OUT' } },
      ]);
    });

    it('lists the CHANGE entries of the stage history in order, with their dates and notes', async () => {
      const space = await f.space(1, { prefix: 'SH' });
      const e = await f.enterprise();
      const lease = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: 'SH-001',
        startsOn: '2024-01-02',
        note: 'contract 2024-007',
      });
      await f.advance(lease.id, 'FITTING_OUT', '2024-01-20', 'fit-out permit issued');
      await f.advance(lease.id, 'OPERATING', '2024-03-01', 'stocked and open');
      await f.end(lease.id, '2024-12-31', 'moved to a larger bay');

      const { stageHistory } = await tenancy(lease.id);
      expect(
        stageHistory.map(({ kind, stage, effectiveOn, previousEffectiveOn, note }) => ({
          kind,
          stage,
          effectiveOn,
          previousEffectiveOn,
          note,
        })),
      ).toEqual([
        {
          kind: 'CHANGE',
          stage: 'RESERVED',
          effectiveOn: '2024-01-02',
          previousEffectiveOn: null,
          note: 'contract 2024-007',
        },
        {
          kind: 'CHANGE',
          stage: 'FITTING_OUT',
          effectiveOn: '2024-01-20',
          previousEffectiveOn: null,
          note: 'fit-out permit issued',
        },
        {
          kind: 'CHANGE',
          stage: 'OPERATING',
          effectiveOn: '2024-03-01',
          previousEffectiveOn: null,
          note: 'stocked and open',
        },
        {
          kind: 'CHANGE',
          stage: 'ENDED',
          effectiveOn: '2024-12-31',
          previousEffectiveOn: null,
          note: 'moved to a larger bay',
        },
      ]);
      const recorded = stageHistory.map((x) => Date.parse(x.recordedAt));
      expect(recorded.every((time) => !Number.isNaN(time))).toBe(true);
      expect([...recorded].sort((x, y) => x - y)).toEqual(recorded);
    });
  });

  describe('correctTenancyStage', () => {
    it('corrects the FITTING_OUT date: figures between the old and new date change, and the history keeps it', async () => {
      const space = await f.space(2, { prefix: 'CO' });
      const e = await f.enterprise();
      const lease = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: 'CO-001',
        startsOn: '2024-01-01',
      });
      await f.advance(lease.id, 'FITTING_OUT', '2024-03-01');

      expect(await overview(space.parkCode, '2024-02-15')).toMatchObject({
        occupiedUnits: 0,
        reservedUnits: 1,
      });
      expect(await overview(space.parkCode, '2024-03-01')).toMatchObject({
        occupiedUnits: 1,
        reservedUnits: 0,
      });

      // Fit-out really began on 1 February.
      const corrected = await f.correct(
        lease.id,
        'FITTING_OUT',
        '2024-02-01',
        'site log shows an earlier start',
      );
      expect(corrected.fittingOutFrom).toBe('2024-02-01');
      expect(await overview(space.parkCode, '2024-01-31')).toMatchObject({
        occupiedUnits: 0,
        reservedUnits: 1,
      });
      expect(await overview(space.parkCode, '2024-02-01')).toMatchObject({
        occupiedUnits: 1,
        reservedUnits: 0,
        occupancy: { numerator: 1, denominator: 2, percent: '50.0' },
      });
      expect(await overview(space.parkCode, '2024-02-15')).toMatchObject({
        occupiedUnits: 1,
        reservedUnits: 0,
      });
      expect((await statuses(space.parkCode, '2024-02-15'))['CO-001']).toBe('FITTING_OUT');
      expect(await stageOn(lease.id, '2024-02-15')).toBe('FITTING_OUT');

      // And a correction the other way: later than the original.
      await f.correct(
        lease.id,
        'FITTING_OUT',
        '2024-04-01',
        'the February entry was the permit, not the start',
      );
      expect(await overview(space.parkCode, '2024-03-15')).toMatchObject({
        occupiedUnits: 0,
        reservedUnits: 1,
      });
      expect(await overview(space.parkCode, '2024-04-01')).toMatchObject({
        occupiedUnits: 1,
        reservedUnits: 0,
      });

      const { stageHistory } = await tenancy(lease.id);
      expect(
        stageHistory.map(({ kind, stage, effectiveOn, previousEffectiveOn, note }) => ({
          kind,
          stage,
          effectiveOn,
          previousEffectiveOn,
          note,
        })),
      ).toEqual([
        {
          kind: 'CHANGE',
          stage: 'RESERVED',
          effectiveOn: '2024-01-01',
          previousEffectiveOn: null,
          note: null,
        },
        {
          kind: 'CHANGE',
          stage: 'FITTING_OUT',
          effectiveOn: '2024-03-01',
          previousEffectiveOn: null,
          note: null,
        },
        {
          kind: 'CORRECTION',
          stage: 'FITTING_OUT',
          effectiveOn: '2024-02-01',
          previousEffectiveOn: '2024-03-01',
          note: 'site log shows an earlier start',
        },
        {
          kind: 'CORRECTION',
          stage: 'FITTING_OUT',
          effectiveOn: '2024-04-01',
          previousEffectiveOn: '2024-02-01',
          note: 'the February entry was the permit, not the start',
        },
      ]);
    });

    it('refuses a correction that would put the stages out of order, and changes nothing', async () => {
      const space = await f.space(1, { prefix: 'OO' });
      const e = await f.enterprise();
      const lease = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: 'OO-001',
        startsOn: '2024-03-01',
      });
      await f.advance(lease.id, 'FITTING_OUT', '2024-03-10');
      const res = await f.correctRaw(lease.id, 'FITTING_OUT', '2024-02-01');
      expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT')).map((x) => x.field)).toEqual(['input.effectiveOn']);
      const after = await tenancy(lease.id);
      expect(after.fittingOutFrom).toBe('2024-03-10');
      expect(after.stageHistory.filter((x) => x.kind === 'CORRECTION')).toHaveLength(0);
    });

    it('withdraws OPERATING only while it is the latest stage', async () => {
      const space = await f.space(1, { prefix: 'WD' });
      const e = await f.enterprise();
      const lease = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: 'WD-001',
        startsOn: '2024-01-01',
      });
      await f.advance(lease.id, 'FITTING_OUT', '2024-02-01');
      await f.advance(lease.id, 'OPERATING', '2024-03-01');
      await f.end(lease.id, '2024-09-01', 'closed');

      // OPERATING is not the latest stage while the tenancy has ended.
      const blocked = await f.correctRaw(lease.id, 'OPERATING', null, 'opening never happened');
      const blockedError = errorOf(blocked, 'BAD_USER_INPUT');
      expect(fieldsOf(blockedError)[0]!.field).toBe('input.stage');
      expect(blockedError.message).toContain('ENDED');
      // Nor is FITTING_OUT.
      const fittingOut = errorOf(await f.correctRaw(lease.id, 'FITTING_OUT', null), 'BAD_USER_INPUT');
      expect(fieldsOf(fittingOut)[0]!.field).toBe('input.stage');
      // RESERVED can never be withdrawn.
      expect(
        fieldsOf(errorOf(await f.correctRaw(lease.id, 'RESERVED', null), 'BAD_USER_INPUT'))[0]!.field,
      ).toBe('input.effectiveOn');
      let current = await tenancy(lease.id, '2024-04-01');
      expect(current).toMatchObject({
        operatingFrom: '2024-03-01',
        endsOn: '2024-09-01',
        stage: 'OPERATING',
      });

      // Withdraw the end first, then OPERATING is the latest stage and can go.
      const reopened = await f.correct(lease.id, 'ENDED', null, 'end was entered on the wrong tenancy');
      expect(reopened).toMatchObject({ endsOn: null, endReason: null, operatingFrom: '2024-03-01' });
      expect(await overview(space.parkCode, '2024-04-01')).toMatchObject({ operatingUnits: 1 });

      const withdrawn = await f.correct(lease.id, 'OPERATING', null, 'opening never happened');
      expect(withdrawn).toMatchObject({ operatingFrom: null, fittingOutFrom: '2024-02-01', endsOn: null });
      current = await tenancy(lease.id, '2024-04-01');
      expect(current.stage).toBe('FITTING_OUT');
      expect(current.stageHistory.at(-1)).toMatchObject({
        kind: 'CORRECTION',
        stage: 'OPERATING',
        effectiveOn: null,
        previousEffectiveOn: '2024-03-01',
        note: 'opening never happened',
      });
      expect(await overview(space.parkCode, '2024-04-01')).toMatchObject({
        operatingUnits: 0,
        occupiedUnits: 1,
      });
      expect((await statuses(space.parkCode, '2024-04-01'))['WD-001']).toBe('FITTING_OUT');

      // With OPERATING gone, the tenancy can open again.
      const reopenedLater = await f.advance(lease.id, 'OPERATING', '2024-05-01');
      expect(reopenedLater.operatingFrom).toBe('2024-05-01');
    });
  });
});
