import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Nested reads go through per-request DataLoaders: the statements a request sends depend on its shape, never on
 * how many items its lists hold. Each case runs the same query over a small and a larger data set.
 */
describe('statement counts do not grow with list length', () => {
  let t: TestApp;
  let f: Factories;
  const parks: Record<'small' | 'large', string> = { small: '', large: '' };

  /** A park with `n` enterprises, each leasing one bay, half of them fitting out. */
  async function parkWith(n: number): Promise<string> {
    const space = await f.space(n, { prefix: 'S' });
    for (let i = 0; i < n; i++) {
      const e = await f.enterprise();
      const tenancy = await f.leaseOne({
        enterpriseId: e.id,
        parkCode: space.parkCode,
        unitCode: space.units[i]!.code,
        startsOn: '2024-01-01',
      });
      if (i % 2 === 0) await f.advance(tenancy.id, 'FITTING_OUT', '2024-02-01');
    }
    return space.parkCode;
  }

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    parks.small = await parkWith(3);
    parks.large = await parkWith(24);
  });
  afterAll(async () => {
    await t.close();
  });

  async function countFor(query: string, park: string): Promise<number> {
    const { result, count } = await t.queries.measure(() => t.gql(query, { park }));
    expect(result.errors).toBeUndefined();
    return count;
  }

  it.each([
    [
      'enterprises → tenancies → unit → zone → park',
      `query ($park: String) { enterprises(first: 30, filter: { parkCode: $park }, asOf: "2024-03-01") {
         totalCount edges { node { name tenancies { stage unit { code status zone { code park { code } } } } } } } }`,
    ],
    [
      'tenancies → stage history',
      `query ($park: String) { tenancies(first: 30, filter: { parkCode: $park }, asOf: "2024-03-01") {
         totalCount edges { node { stage stageHistory { kind stage effectiveOn } } } } }`,
    ],
    [
      'tenancies → enterprise and unit → current tenancy',
      `query ($park: String) { tenancies(first: 100, filter: { parkCode: $park }, asOf: "2024-03-01") {
         totalCount edges { node { stage enterprise { name contactPhone } unit { code currentTenancy { id } tenancies { id } } } } } }`,
    ],
    [
      'units with status, current tenancy and enterprise',
      `query ($park: String) { units(first: 100, filter: { parkCode: $park }, asOf: "2024-03-01") {
         totalCount edges { node { code status currentTenancy { stage enterprise { name } } zone { code } } } } }`,
    ],
  ])('%s', async (_name, query) => {
    const small = await countFor(query, parks.small);
    const large = await countFor(query, parks.large);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });
});
