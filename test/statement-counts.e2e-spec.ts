import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
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
  const zoneOf: Record<string, string> = {};

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
    zoneOf[space.parkCode] = space.zoneCode;
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

  /** Statements of one request once the caller's token is cached (the first request reads the user). */
  async function statementsOf(query: string, variables: Record<string, unknown>): Promise<string[]> {
    await t.gql(query, variables);
    const { result, statements } = await t.queries.measure(() => t.gql(query, variables));
    expect(result.errors).toBeUndefined();
    return statements;
  }

  it('the benchmark S1 shape (units → tenancies → enterprise) sends at most 3 statements, 3 units or 24', async () => {
    const query = `query ($park: String!, $zone: String!) { units(first: 100, filter: { parkCode: $park, zoneCode: $zone }) {
      edges { node { code floorArea tenancies { stage startsOn enterprise { name creditCode } } } } } }`;
    const small = await statementsOf(query, { park: parks.small, zone: zoneOf[parks.small] });
    const large = await statementsOf(query, { park: parks.large, zone: zoneOf[parks.large] });
    expect(large.length).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(3);
    // Tenancies and their enterprises are read ahead in the page's own statement.
    expect(large).toHaveLength(1);
  });

  it('the read-ahead list answers exactly as the DataLoader path does', async () => {
    const node = 'code tenancies { id stage startsOn endsOn enterprise { id name creditCode } }';
    const ahead = await t.gql<{ units: { edges: { node: unknown }[] } }>(
      `query ($park: String!, $zone: String!) { units(first: 100, filter: { parkCode: $park, zoneCode: $zone }) {
         edges { node { ${node} } } } }`,
      { park: parks.large, zone: zoneOf[parks.large] },
    );
    const viaAhead = ahead.data!.units.edges.map((e) => e.node as { code: string; tenancies: unknown[] });
    expect(viaAhead).toHaveLength(24);
    expect(viaAhead.filter((u) => u.tenancies.length)).toHaveLength(24);
    for (const unit of viaAhead) {
      const loaded = await t.gql<{ unit: unknown }>(
        `query ($park: String!, $code: String!) { unit(parkCode: $park, code: $code) { ${node} } }`,
        { park: parks.large, code: unit.code },
      );
      expect(loaded.data?.unit).toEqual(unit);
    }
  });

  it('counts (COUNT(*)) only when totalCount is selected', async () => {
    const list = (fields: string) =>
      `query ($park: String!) { units(first: 2, filter: { parkCode: $park }) { ${fields} } }`;
    const counts = (statements: string[]) => statements.filter((s) => /count\(/i.test(s)).length;
    expect(counts(await statementsOf(list('edges { node { code } }'), { park: parks.large }))).toBe(0);
    expect(counts(await statementsOf(list('pageInfo { hasNextPage }'), { park: parks.large }))).toBe(0);
    const counted = await t.gql<{ units: { totalCount: number } }>(list('totalCount'), { park: parks.large });
    expect(counted.data?.units.totalCount).toBe(24);
    expect(
      counts(await statementsOf(list('totalCount edges { node { code } }'), { park: parks.large })),
    ).toBe(1);
    // A first page holding every match is its own count: no COUNT(*), the right number.
    const all = `query ($park: String!) { units(first: 50, filter: { parkCode: $park }) { totalCount } }`;
    expect(counts(await statementsOf(all, { park: parks.large }))).toBe(0);
    expect(
      (await t.gql<{ units: { totalCount: number } }>(all, { park: parks.large })).data?.units.totalCount,
    ).toBe(24);
  });

  it('unit(parkCode, code) answers with its zone and park in one statement; null when unknown', async () => {
    const query = `query ($park: String!, $code: String!) { unit(parkCode: $park, code: $code) {
      code floorArea zone { code } park { code } } }`;
    const statements = await statementsOf(query, { park: parks.large, code: 'S-007' });
    expect(statements).toHaveLength(1);
    const found = await t.gql<{ unit: unknown }>(query, { park: parks.large, code: 'S-007' });
    expect(found.data?.unit).toEqual({
      code: 'S-007',
      floorArea: 50,
      zone: { code: zoneOf[parks.large] },
      park: { code: parks.large },
    });
    const missing = await t.gql<{ unit: unknown }>(query, { park: parks.large, code: 'S-999' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.unit).toBeNull();
    // A park outside the caller's scope answers like a unit that does not exist.
    const scoped = await createUserWithToken(t.app, t.dataSource, {
      roles: [Role.ANALYST],
      parks: [parks.small],
    });
    const hidden = await t.gql<{ unit: unknown }>(
      query,
      { park: parks.large, code: 'S-007' },
      { authorization: scoped.authorization },
    );
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.unit).toBeNull();
  });
});
