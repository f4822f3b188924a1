import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { DEMO_LEADING_POLICY } from '../src/seed/demo-contracts-seed';
import { dataOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

interface DemoRent {
  contracts: {
    totalCount: number;
    edges: { node: { enterprise: { leading: boolean }; incentives: { name: string }[] } }[];
  };
  receivablesAging: { rows: unknown[]; totals: Record<string, string> };
  rentRoll: { monthlyRent: string; rentPerSquareMetre: string }[];
  parkOverview: {
    rent: {
      contractedMonthlyRent: string;
      effectiveRentPerSquareMetre: string;
      rentFreeUnits: number;
      arrears: string;
      collectionRate: { rate: number };
    };
  };
}

/** The demo park's contracts: every figure of "Lease contracts and rent" has something to show on 2024-02-01. */
describe('demo contracts and rent', () => {
  let t: TestApp;
  let demo: DemoRent;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
    demo = dataOf(
      await t.gql<DemoRent>(`{
        contracts(first: 100, filter: { parkCode: "dazu-carving-park" }, asOf: "2024-02-01") {
          totalCount edges { node { enterprise { leading } incentives { name } } } }
        receivablesAging(parkCode: "dazu-carving-park", asOf: "2024-02-01") {
          rows { enterpriseId } totals { days0to30 days31to60 days61to90 over90 total } }
        rentRoll(parkCode: "dazu-carving-park", zoneCode: "shifosi-west", asOf: "2024-02-01") { monthlyRent rentPerSquareMetre }
        parkOverview(parkCode: "dazu-carving-park", asOf: "2024-02-01") {
          rent { contractedMonthlyRent effectiveRentPerSquareMetre rentFreeUnits arrears collectionRate { rate } } }
      }`),
    );
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('has a contract per tenant enterprise, the leading-enterprise incentive on the 12 leading sculpture ones', () => {
    expect(demo.contracts.totalCount).toBe(98);
    const withIncentive = demo.contracts.edges.filter((e) =>
      e.node.incentives.some((i) => i.name === DEMO_LEADING_POLICY),
    );
    expect(withIncentive).toHaveLength(12);
    expect(withIncentive.every((e) => e.node.enterprise.leading)).toBe(true);
  });

  it('shows arrears in the aging buckets and a collection rate below 100% on 2024-02-01', () => {
    expect(demo.receivablesAging.rows.length).toBeGreaterThan(5);
    expect(Number(demo.receivablesAging.totals.total)).toBeGreaterThan(0);
    expect(Number(demo.receivablesAging.totals.days31to60)).toBeGreaterThan(0);
    expect(demo.parkOverview.rent.arrears).not.toBe('0.00');
    expect(demo.parkOverview.rent.collectionRate.rate).toBeGreaterThan(0.7);
    expect(demo.parkOverview.rent.collectionRate.rate).toBeLessThan(1);
  });

  it('lets the 107 occupied Western Shifosi bays at 25.00 per m² (illustrative), some of them rent-free', () => {
    expect(demo.rentRoll.length).toBeGreaterThanOrEqual(107);
    expect(new Set(demo.rentRoll.map((r) => r.rentPerSquareMetre))).toEqual(new Set(['25.00']));
    expect(demo.parkOverview.rent.rentFreeUnits).toBeGreaterThan(0);
    expect(Number(demo.parkOverview.rent.effectiveRentPerSquareMetre)).toBeLessThan(25);
  });
});
