import { codesOf } from './support/access';
import { BILL_FIELDS, BillData, contractFactories } from './support/contracts';
import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Contracts, schedules, incentives, amendments and payments against a real PostgreSQL; amounts computed by hand. */
describe('lease contracts and rent', () => {
  let t: TestApp;
  let c: ReturnType<typeof contractFactories>;

  beforeAll(async () => {
    t = await startTestApp();
    c = contractFactories(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const amounts = (bills: BillData[]) => bills.map((b) => b.amount);

  it('persists a monthly schedule with rent-free days from the FITTING_OUT date and an anniversary escalation', async () => {
    const x = await c.tenant([100], { fitOutOn: '2024-01-15' });
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2026-01-01',
      rate: '25.00',
      rentFreeDays: 45,
      escalationPercent: '5',
    });
    expect(contract.status).toBe('EXPIRED');
    expect(contract.schedule).toHaveLength(24);
    // 2500.00 a month; 45 rent-free days from 2024-01-15: 17 in January, 28 in February.
    expect(contract.schedule.slice(0, 3).map((b) => [b.dueOn, b.rentFreeDays, b.amount])).toEqual([
      ['2024-01-01', 17, '1129.03'],
      ['2024-02-01', 28, '86.21'],
      ['2024-03-01', 0, '2500.00'],
    ]);
    // 5% from the first anniversary.
    expect(contract.schedule[12]!.amount).toBe('2625.00');
  });

  it('moves the rent-free period when the tenancy records its fit-out later (TenancyHooks)', async () => {
    // Far-future dates: the hook regenerates as of today, and bills due by today count as issued.
    const x = await c.tenant([100], { startsOn: '2090-01-01' });
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2090-01-01',
      endsOn: '2091-01-01',
      rate: '25.00',
      rentFreeDays: 31,
    });
    // No fit-out yet: the rent-free days count from the term start.
    expect(amounts(contract.schedule.slice(0, 3))).toEqual(['0.00', '2500.00', '2500.00']);
    await factories(t).advance(x.tenancies[0]!.id, 'FITTING_OUT', '2090-02-01');
    // 31 rent-free days from 2090-02-01: all 28 of February and 3 of March (2500 × 28/31 = 2258.06).
    const bills = await c.schedule(contract.id);
    expect(bills.slice(0, 3).map((b) => [b.rentFreeDays, b.amount, b.issued])).toEqual([
      [0, '2500.00', false],
      [28, '0.00', false],
      [3, '2258.06', false],
    ]);
  });

  it('bills a quarterly cycle in advance on the stated day', async () => {
    const x = await c.tenant([60]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2024-08-16',
      rate: '30.00',
      paymentCycle: 'QUARTERLY',
      dueDay: 25,
    });
    // 1800.00 a month; the last period runs 2024-07-01..08-16: 46 of 92 days of 5400.00.
    expect(contract.schedule.map((b) => [b.dueOn, b.periodStart, b.periodEnd, b.amount])).toEqual([
      ['2023-12-25', '2024-01-01', '2024-04-01', '5400.00'],
      ['2024-03-25', '2024-04-01', '2024-07-01', '5400.00'],
      ['2024-06-25', '2024-07-01', '2024-08-16', '2700.00'],
    ]);
  });

  it('applies a qualifying incentive and refuses one with every reason', async () => {
    const x = await c.tenant([100], {
      fitOutOn: '2024-01-15',
      enterprise: { leading: true, industry: 'SCULPTURE', originProvince: 'SICHUAN' },
    });
    const leading = await c.policy(x.parkCode, {
      name: 'leading sculpture enterprise: 50% off the first 12 months',
      kind: 'DISCOUNT',
      discountPercent: '50',
      months: 12,
      requiresLeading: true,
      industries: ['SCULPTURE'],
    });
    const relocation = await c.policy(x.parkCode, {
      name: 'Chongqing relocation: 6 extra rent-free months',
      kind: 'EXTRA_RENT_FREE',
      months: 6,
      originProvinces: ['CHONGQING'],
    });
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2026-01-01',
      rate: '25.00',
      rentFreeDays: 45,
      incentivePolicyIds: [leading.id],
    });
    // January: 1129.0322… before incentives; half of it 564.5161… → 564.52 owed, 564.51 taken off.
    expect(contract.schedule[0]).toMatchObject({
      amountBeforeIncentives: '1129.03',
      incentiveDiscount: '564.51',
      amount: '564.52',
    });
    expect(contract.schedule[2]!.amount).toBe('1250.00');
    expect(contract.schedule[12]!.amount).toBe('2500.00');
    const refused = await t.gql(
      'mutation($input: ApplyIncentiveInput!) { applyIncentive(input: $input) { id } }',
      { input: { contractId: contract.id, policyId: relocation.id, recordedOn: '2023-12-20' } },
    );
    const error = errorOf(refused, 'BAD_USER_INPUT');
    expect(fieldsOf(error)[0]!.field).toBe('input.policyId');
    expect(error.message).toContain('its origin SICHUAN is not one of CHONGQING');
    expect(await c.schedule(contract.id)).toEqual(contract.schedule);
  });

  it('keeps issued bills on an amendment and carries the difference to the next bill', async () => {
    const x = await c.tenant([60]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2025-01-01',
      rate: '30.00',
      paymentCycle: 'QUARTERLY',
      dueDay: 25,
    });
    const before = contract.schedule;
    const res = await t.gql<{
      amendContract: {
        versionNumber: number;
        rate: string;
        versions: { versionNumber: number; effectiveUntil: string | null }[];
        schedule: BillData[];
      };
    }>(
      `mutation($input: AmendContractInput!) { amendContract(input: $input) {
         versionNumber rate versions { versionNumber effectiveUntil } schedule { ${BILL_FIELDS} } } }`,
      {
        input: {
          contractId: contract.id,
          version: contract.version,
          effectiveFrom: '2024-04-01',
          recordedOn: '2024-04-10',
          rate: '25.00',
          note: 'rent lowered from Q2',
        },
      },
    );
    const amended = dataOf(res).amendContract;
    expect(amended.versions).toEqual([
      { versionNumber: 1, effectiveUntil: '2024-04-01' },
      { versionNumber: 2, effectiveUntil: null },
    ]);
    // Q2 (due 2024-03-25) was issued at 5400.00 and stays; it should have been 4500.00: −900.00 on Q3.
    expect(amended.schedule[1]).toEqual({ ...before[1], issued: true });
    expect(amended.schedule.map((b) => [b.adjustment, b.amount])).toEqual([
      ['0.00', '5400.00'],
      ['0.00', '5400.00'],
      ['-900.00', '3600.00'],
      ['0.00', '4500.00'],
    ]);
  });

  it('allocates payments to the oldest open bills, or a named bill first, and keeps overpayment as credit', async () => {
    const x = await c.tenant([60]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2024-04-01',
      rate: '20.00',
    });
    // Three bills of 1200.00.
    const [jan, feb, mar] = contract.schedule;
    expect(await c.pay(contract.id, '1500', '2024-01-05')).toMatchObject({
      allocated: '1500.00',
      credit: '0.00',
    });
    expect(await c.pay(contract.id, '100.50', '2024-01-06', mar!.id)).toMatchObject({ allocated: '100.50' });
    expect(await c.pay(contract.id, '2500', '2024-03-02')).toMatchObject({
      allocated: '1999.50',
      credit: '500.50',
    });
    const bills = await c.schedule(contract.id);
    expect(bills.map((b) => [b.id, b.paid, b.outstanding])).toEqual([
      [jan!.id, '1200.00', '0.00'],
      [feb!.id, '1200.00', '0.00'],
      [mar!.id, '1200.00', '0.00'],
    ]);
    const balance = await t.gql<{
      contract: {
        b1: { balance: string; overdue: string };
        b2: { billed: string; paid: string; balance: string };
      };
    }>(
      `query($id: ID!) { contract(id: $id) {
         b1: balance(asOf: "2024-02-15") { balance overdue } b2: balance(asOf: "2024-03-31") { billed paid balance } } }`,
      { id: contract.id },
    );
    // On 2024-02-15: 2400.00 billed, 1600.50 paid (100.50 of it to March): 799.50 owed; February's 900.00 overdue.
    expect(dataOf(balance).contract).toEqual({
      b1: { balance: '799.50', overdue: '900.00' },
      b2: { billed: '3600.00', paid: '4100.50', balance: '-500.50' },
    });
    const wrongBill = await c.payRaw({
      contractId: contract.id,
      amount: '1',
      receivedOn: '2024-03-03',
      billId: x.tenancies[0]!.id,
    });
    expect(fieldsOf(errorOf(wrongBill, 'BAD_USER_INPUT'))[0]!.field).toBe('input.billId');
  });

  it('never over-allocates a bill under concurrent payments', async () => {
    const x = await c.tenant([50]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2024-02-01',
      rate: '20.00',
    });
    const bill = contract.schedule[0]!;
    expect(bill.amount).toBe('1000.00');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        c.payRaw({ contractId: contract.id, amount: '300', receivedOn: '2024-01-02', billId: bill.id }),
      ),
    );
    expect(results.flatMap(codesOf)).toEqual([]);
    const [row] = await t.sql<{ paid: string; allocated: string; received: string }[]>(
      `SELECT b.paid::text, (SELECT sum(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id)::text AS allocated,
              (SELECT sum(p.amount) FROM contract_payment p WHERE p.contract_id = b.contract_id)::text AS received
       FROM contract_bill b WHERE b.id = $1`,
      [bill.id],
    );
    expect(row).toEqual({ paid: '1000.00', allocated: '1000.00', received: '3600.00' });
  });

  it('records deposits: received, applied to bills, refunded; never more than held', async () => {
    const x = await c.tenant([50]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2024-03-01',
      rate: '20.00',
      depositAmount: '2000',
    });
    const deposit = (kind: string, amount: string) =>
      t.gql<{ recordDepositEvent: { kind: string; amount: string } }>(
        'mutation($input: RecordDepositEventInput!) { recordDepositEvent(input: $input) { kind amount } }',
        { input: { contractId: contract.id, kind, amount, occurredOn: '2024-01-02' } },
      );
    expect(dataOf(await deposit('RECEIVED', '2000')).recordDepositEvent).toEqual({
      kind: 'RECEIVED',
      amount: '2000.00',
    });
    dataOf(await deposit('APPLIED', '1000'));
    expect(fieldsOf(errorOf(await deposit('REFUNDED', '1500'), 'BAD_USER_INPUT'))[0]!.field).toBe(
      'input.amount',
    );
    dataOf(await deposit('REFUNDED', '1000'));
    const res = await t.gql<{
      contract: {
        depositHeld: string;
        depositEvents: { kind: string }[];
        payments: { method: string; amount: string }[];
        schedule: BillData[];
      };
    }>(
      `query($id: ID!) { contract(id: $id) { depositHeld depositEvents { kind } payments { method amount } schedule { paid } } }`,
      { id: contract.id },
    );
    expect(dataOf(res).contract).toEqual({
      depositHeld: '0.00',
      depositEvents: [{ kind: 'RECEIVED' }, { kind: 'APPLIED' }, { kind: 'REFUNDED' }],
      payments: [{ method: 'DEPOSIT', amount: '1000.00' }],
      schedule: [{ paid: '1000.00' }, { paid: '0.00' }],
    });
  });

  it('ages receivables in buckets on a date and computes the collection rate', async () => {
    const x = await c.tenant([50]);
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2025-01-01',
      rate: '20.00',
    });
    await c.pay(contract.id, '2000', '2024-02-10');
    // Paid after the date asked about: it must not count on 2024-06-15.
    await c.pay(contract.id, '1000', '2024-07-01');
    const res = await t.gql<{
      receivablesAging: {
        rows: { enterpriseId: string; buckets: Record<string, string> }[];
        totals: Record<string, string>;
      };
      collectionRate: Record<string, unknown>;
    }>(
      `query($p: String!) {
         receivablesAging(parkCode: $p, asOf: "2024-06-15") {
           rows { enterpriseId buckets { days0to30 days31to60 days61to90 over90 total } }
           totals { total } }
         collectionRate(parkCode: $p, from: "2024-01-01", to: "2024-03-31") { billed collected rate percent } }`,
      { p: x.parkCode },
    );
    const data = dataOf(res);
    // Unpaid: March (106 days overdue), April (75), May (45), June (14).
    expect(data.receivablesAging.rows).toEqual([
      {
        enterpriseId: x.enterprise.id,
        buckets: {
          days0to30: '1000.00',
          days31to60: '1000.00',
          days61to90: '1000.00',
          over90: '1000.00',
          total: '4000.00',
        },
      },
    ]);
    expect(data.receivablesAging.totals.total).toBe('4000.00');
    expect(data.collectionRate).toEqual({
      billed: '3000.00',
      collected: '2000.00',
      rate: 2 / 3,
      percent: '66.7',
    });
  });

  it('shows the rent roll and ParkOverview.rent on a date', async () => {
    const x = await c.tenant([100, 60], { fitOutOn: '2024-01-15' });
    await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: x.tenancies.map((ten) => ten.id),
      startsOn: '2024-01-01',
      endsOn: '2026-01-01',
      rate: '25.00',
      rentFreeDays: 45,
    });
    const res = await t.gql<{ rentRoll: unknown[]; parkOverview: { rent: Record<string, unknown> } }>(
      `query($p: String!) {
         rentRoll(parkCode: $p, asOf: "2024-03-10") { unitCode floorArea monthlyRent rentPerSquareMetre rentFree }
         parkOverview(parkCode: $p, asOf: "2024-02-10") {
           rent { contractedMonthlyRent effectiveRentPerSquareMetre rentFreeUnits arrears collectionRate { billed collected } } } }`,
      { p: x.parkCode },
    );
    const data = dataOf(res);
    expect(data.rentRoll).toEqual([
      {
        unitCode: 'C-001',
        floorArea: 100,
        monthlyRent: '2500.00',
        rentPerSquareMetre: '25.00',
        rentFree: false,
      },
      {
        unitCode: 'C-002',
        floorArea: 60,
        monthlyRent: '1500.00',
        rentPerSquareMetre: '25.00',
        rentFree: false,
      },
    ]);
    // February: 4000.00 × 1/29 = 137.93 billed for 160 m² → 0.86 per m²; January (1806.45) and February unpaid: arrears.
    expect(data.parkOverview.rent).toEqual({
      contractedMonthlyRent: '4000.00',
      effectiveRentPerSquareMetre: '0.86',
      rentFreeUnits: 2,
      arrears: '1944.38',
      collectionRate: { billed: '1944.38', collected: '0.00' },
    });
  });

  it('proposes terminating the contract when its tenancy ends early, and terminates it', async () => {
    const x = await c.tenant([50], { startsOn: '2090-01-01', fitOutOn: '2090-01-10' });
    const contract = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2090-01-01',
      endsOn: '2092-01-01',
      rate: '20.00',
    });
    const f = factories(t);
    await f.advance(x.tenancies[0]!.id, 'OPERATING', '2090-02-01');
    const ended = await t.gql<{ endTenancy: { contractToTerminate: { number: string } | null } }>(
      'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { contractToTerminate { number } } }',
      { input: { tenancyId: x.tenancies[0]!.id, endsOn: '2090-06-01', reason: 'moved out' } },
    );
    expect(dataOf(ended).endTenancy.contractToTerminate).toEqual({ number: contract.number });
    const terminated = await t.gql<{ terminateContract: { status: string; schedule: BillData[] } }>(
      `mutation($input: TerminateContractInput!) { terminateContract(input: $input) { status schedule { periodStart amount } } }`,
      {
        input: {
          contractId: contract.id,
          on: '2090-06-01',
          reason: 'tenant moved out',
          recordedOn: '2090-05-20',
        },
      },
    );
    const data = dataOf(terminated).terminateContract;
    expect(data.schedule.map((b) => b.periodStart)).toEqual([
      '2090-01-01',
      '2090-02-01',
      '2090-03-01',
      '2090-04-01',
      '2090-05-01',
    ]);
    const after = await t.gql<{ tenancy: { contractToTerminate: unknown; contract: { status: string } } }>(
      'query($id: ID!) { tenancy(id: $id) { contractToTerminate { id } contract(asOf: "2090-06-01") { status } } }',
      { id: x.tenancies[0]!.id },
    );
    expect(dataOf(after).tenancy).toEqual({ contractToTerminate: null, contract: { status: 'TERMINATED' } });
  });

  it('lists contracts by status, expiring within days and term end, with keyset pages; Enterprise.contracts', async () => {
    const x = await c.tenant([50, 50, 50]);
    const make = (i: number, endsOn: string, signedOn: string | null) =>
      c.create({
        parkCode: x.parkCode,
        number: `LIST-${i}`,
        enterpriseId: x.enterprise.id,
        tenancyIds: [x.tenancies[i]!.id],
        startsOn: '2024-01-01',
        endsOn,
        rate: '20.00',
        signedOn,
      });
    await make(0, '2024-08-01', '2023-12-01');
    await make(1, '2025-01-01', '2023-12-01');
    await make(2, '2025-06-01', null);
    const list = (filter: Record<string, unknown>, extra = '') =>
      t.gql<{
        contracts: {
          totalCount: number;
          pageInfo: { endCursor: string };
          edges: { node: { number: string; status: string } }[];
        };
      }>(
        `query($f: ContractFilter, $after: String) { contracts(first: 2, after: $after, filter: $f, asOf: "2024-06-01"${extra}) {
           totalCount pageInfo { endCursor } edges { node { number status } } } }`,
        { f: { parkCode: x.parkCode, ...filter } },
      );
    const all = dataOf(await list({}, ', orderBy: { field: ENDS_ON, direction: ASC }')).contracts;
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e) => [e.node.number, e.node.status])).toEqual([
      ['LIST-0', 'EXPIRING'],
      ['LIST-1', 'ACTIVE'],
    ]);
    const next = await t.gql<{ contracts: { edges: { node: { number: string } }[] } }>(
      `query($f: ContractFilter, $after: String) { contracts(first: 2, after: $after, filter: $f, asOf: "2024-06-01", orderBy: { field: ENDS_ON, direction: ASC }) {
         edges { node { number } } } }`,
      { f: { parkCode: x.parkCode }, after: all.pageInfo.endCursor },
    );
    expect(dataOf(next).contracts.edges.map((e) => e.node.number)).toEqual(['LIST-2']);
    expect(dataOf(await list({ status: 'DRAFT' })).contracts.edges.map((e) => e.node.number)).toEqual([
      'LIST-2',
    ]);
    expect(dataOf(await list({ expiringWithinDays: 90 })).contracts.edges.map((e) => e.node.number)).toEqual([
      'LIST-0',
    ]);
    const byEnterprise = await t.gql<{ enterprise: { contracts: { number: string }[] } }>(
      'query($id: ID!) { enterprise(id: $id) { contracts(asOf: "2024-06-01") { number } } }',
      { id: x.enterprise.id },
    );
    expect(dataOf(byEnterprise).enterprise.contracts.map((k) => k.number)).toEqual([
      'LIST-0',
      'LIST-1',
      'LIST-2',
    ]);
  });

  it('refuses a duplicate contract number, a tenancy of another enterprise and one already under contract', async () => {
    const x = await c.tenant([50, 50]);
    const first = await c.create({
      parkCode: x.parkCode,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[0]!.id],
      startsOn: '2024-01-01',
      endsOn: '2025-01-01',
      rate: '20.00',
    });
    const base = { parkCode: x.parkCode, startsOn: '2024-01-01', endsOn: '2025-01-01', rate: '20.00' };
    errorOf(
      await c.createRaw({
        ...base,
        number: first.number,
        enterpriseId: x.enterprise.id,
        tenancyIds: [x.tenancies[1]!.id],
      }),
      'CONFLICT',
    );
    errorOf(
      await c.createRaw({ ...base, enterpriseId: x.enterprise.id, tenancyIds: [x.tenancies[0]!.id] }),
      'CONFLICT',
    );
    const other = await factories(t).enterprise({ parkCode: x.parkCode });
    const wrong = await c.createRaw({ ...base, enterpriseId: other.id, tenancyIds: [x.tenancies[1]!.id] });
    expect(fieldsOf(errorOf(wrong, 'BAD_USER_INPUT'))[0]!.field).toBe('input.tenancyIds.0');
    const bad = await c.createRaw({
      ...base,
      enterpriseId: x.enterprise.id,
      tenancyIds: [x.tenancies[1]!.id],
      rate: '1.005',
    });
    expect(fieldsOf(errorOf(bad, 'BAD_USER_INPUT'))[0]!.field).toBe('input.rate');
  });
});
