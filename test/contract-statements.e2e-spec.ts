import { contractFactories } from './support/contracts';
import { startTestApp, TestApp } from './support/test-app';

/** contracts → schedule → payments (and the other contract fields) cost the same statements for 2 contracts or 12. */
describe('contract statement counts do not grow with list length', () => {
  let t: TestApp;
  const parks: Record<'small' | 'large', string> = { small: '', large: '' };

  async function parkWith(n: number): Promise<string> {
    const c = contractFactories(t);
    const x = await c.tenant(Array.from({ length: n }, () => 50));
    for (const tenancy of x.tenancies) {
      const contract = await c.create({
        parkCode: x.parkCode,
        enterpriseId: x.enterprise.id,
        tenancyIds: [tenancy.id],
        startsOn: '2024-01-01',
        endsOn: '2024-07-01',
        rate: '20.00',
      });
      await c.pay(contract.id, '1500', '2024-02-01');
    }
    return x.parkCode;
  }

  beforeAll(async () => {
    t = await startTestApp();
    parks.small = await parkWith(2);
    parks.large = await parkWith(12);
  });
  afterAll(async () => {
    await t.close();
  });

  const QUERY = `query ($park: String) { contracts(first: 50, filter: { parkCode: $park }, asOf: "2024-03-01") {
    edges { node { number status enterprise { name } tenancies { startsOn contract { number } }
      schedule { dueOn amount paid } payments { amount allocated } balance { balance overdue }
      versions { versionNumber } incentives { name } depositEvents { kind } } } } }`;

  async function countFor(park: string): Promise<{ count: number; contracts: number }> {
    await t.gql(QUERY, { park });
    const { result, count } = await t.queries.measure(() =>
      t.gql<{ contracts: { edges: unknown[] } }>(QUERY, { park }),
    );
    expect(result.errors).toBeUndefined();
    return { count, contracts: result.data!.contracts.edges.length };
  }

  it('sends as many statements for 12 contracts as for 2', async () => {
    const small = await countFor(parks.small);
    const large = await countFor(parks.large);
    expect([small.contracts, large.contracts]).toEqual([2, 12]);
    expect(large.count).toBe(small.count);
    // The page, then one statement per relation (enterprise, tenancies, tenancy → contract, schedule, payments,
    // balance, versions, incentives, deposit events).
    expect(small.count).toBeLessThanOrEqual(10);
  });
});
