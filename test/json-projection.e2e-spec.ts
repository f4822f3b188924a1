import { Role } from '../src/modules/access/access.enums';
import { maskPhone } from '../src/modules/access/personal-data';
import { idJsonSql } from '../src/graphql/id-sql';
import { toGlobalId } from '../src/graphql/node/global-id';
import { createUserWithToken } from './support/auth';
import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A list whose node selection PostgreSQL can build as JSON (src/graphql/json-projection.ts) answers exactly what the
 * resolver path answers, in one statement, with masking and park scope applied. A directive anywhere in the selection
 * sends the same query the resolver way, which gives the reference answer.
 */
describe('lists built as JSON by PostgreSQL (json-projection)', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode = '';
  let otherPark = '';
  const PHONE = '13812345678';

  const FRAGMENTS = `
    fragment E on Enterprise { __typename id name nameEn creditCode industry originProvince originCity leading
      contactName contactPhone registeredOn version }
    fragment T on Tenancy { id stage startsOn fittingOutFrom operatingFrom endsOn endReason version enterprise { ...E } }`;
  const list = (code: string) => `${FRAGMENTS}
    query ($park: String!) { units(first: 10, filter: { parkCode: $park }) { pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id ${code} kind building floor floorArea leasable unleasableReason version
        tenancies { ...T again: stage } ... on Unit { area: floorArea } } } } }`;
  /** The same selection, with a directive that the projection does not take: the resolver path. */
  const FAST = list('code');
  const RESOLVED = list('code @include(if: true)');

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const space = await f.space(4, { prefix: 'J' });
    parkCode = space.parkCode;
    otherPark = (await f.space(1, { prefix: 'K' })).parkCode;
    const one = () => f.enterprise({ parkCode });
    const [a, b, c] = [await one(), await one(), await one()];
    await t.ownerQuery('UPDATE enterprise SET contact_name = $2, contact_phone = $3 WHERE id = $1', [
      a.id,
      'Wang Li',
      PHONE,
    ]);
    // J-001: fitted out, operating, ended, then let again (two tenancies, oldest first); J-002 reserved; J-003 vacant.
    const first = await f.leaseOne({
      enterpriseId: a.id,
      parkCode,
      unitCode: space.units[0]!.code,
      startsOn: '2024-01-01',
    });
    await f.advance(first.id, 'FITTING_OUT', '2024-02-01');
    await f.advance(first.id, 'OPERATING', '2024-03-01');
    await f.end(first.id, '2024-06-01');
    await f.leaseOne({
      enterpriseId: b.id,
      parkCode,
      unitCode: space.units[0]!.code,
      startsOn: '2024-07-01',
    });
    await f.leaseOne({
      enterpriseId: c.id,
      parkCode,
      unitCode: space.units[1]!.code,
      startsOn: '2024-02-01',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers as the resolver path does, in one statement', async () => {
    const fast = await t.queries.measure(() => t.gql(FAST, { park: parkCode }));
    const resolved = await t.queries.measure(() => t.gql(RESOLVED, { park: parkCode }));
    expect(fast.result.errors).toBeUndefined();
    expect(resolved.result.errors).toBeUndefined();
    expect(fast.result.data).toEqual(resolved.result.data);
    // One statement either way (the resolver path reads ahead too), but only the fast one builds the nodes in SQL.
    expect(fast.count).toBe(1);
    expect(fast.statements[0]).toContain("'__sql', true");
    expect(resolved.statements.join(' ')).not.toContain("'__sql'");
    const units = (fast.result.data as { units: { edges: { node: Record<string, unknown> }[] } }).units.edges;
    expect(units.map((e) => (e.node.tenancies as unknown[]).length)).toEqual([2, 1, 0, 0]);
    const [ended, again] = units[0]!.node.tenancies as Record<string, unknown>[];
    expect(ended).toMatchObject({
      stage: 'ENDED',
      again: 'ENDED',
      endsOn: '2024-06-01',
      operatingFrom: '2024-03-01',
    });
    expect(again).toMatchObject({ stage: 'RESERVED', startsOn: '2024-07-01' });
    expect(ended!.enterprise).toMatchObject({ __typename: 'Enterprise', contactPhone: PHONE });
    expect(units[0]!.node).toMatchObject({ __typename: 'Unit', area: units[0]!.node.floorArea });
  });

  it('masks personal data and keeps to the caller’s parks on the fast path', async () => {
    const analyst = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] });
    const masked = await t.gql<{ units: { edges: { node: { tenancies: { enterprise: unknown }[] } }[] } }>(
      FAST,
      { park: parkCode },
      { authorization: analyst.authorization },
    );
    expect(masked.errors).toBeUndefined();
    expect(masked.data!.units.edges[0]!.node.tenancies[0]!.enterprise).toMatchObject({
      contactPhone: maskPhone(PHONE),
    });
    expect(maskPhone(PHONE)).not.toBe(PHONE);
    const elsewhere = await createUserWithToken(t.app, t.dataSource, {
      roles: [Role.ANALYST],
      parks: [otherPark],
    });
    const hidden = await t.gql<{ units: { edges: unknown[] } }>(
      FAST,
      { park: parkCode },
      { authorization: elsewhere.authorization },
    );
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data!.units.edges).toEqual([]);
  });

  it('builds ids in SQL exactly as the encoder does (global ids, every Node type name, long ones included)', async () => {
    const keys = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const types = ['Unit', 'Enterprise', 'Tenancy', 'AgreementObligationProgressEntryWithAVeryLongName'];
    for (const type of types) {
      for (const key of keys) {
        const [row] = await t.sql<{ id: string }[]>(`SELECT ${idJsonSql(type, '$1::uuid')} AS id`, [key]);
        expect(row!.id).toBe(toGlobalId(type, key));
      }
    }
    // And the ids the fast path answers are those the resolver path answers (global ids of their types).
    const fast = await t.gql<{ units: { edges: { node: { id: string } }[] } }>(FAST, { park: parkCode });
    const [unit] = await t.sql<{ id: string }[]>('SELECT id FROM unit WHERE code = $1', ['J-001']);
    expect(fast.data!.units.edges[0]!.node.id).toBe(toGlobalId('Unit', unit!.id));
  });

  it('pages by cursor on the fast path as on the resolver path', async () => {
    const page = (query: string, after?: string) =>
      t.gql<{ units: { edges: { cursor: string; node: { code: string } }[] } }>(
        query
          .replace('units(first: 10,', 'units(first: 2, after: $after,')
          .replace('$park: String!', '$park: String!, $after: String'),
        { park: parkCode, after },
      );
    const one = await page(FAST);
    const two = await page(FAST, one.data!.units.edges[1]!.cursor);
    const twoResolved = await page(RESOLVED, one.data!.units.edges[1]!.cursor);
    expect(two.errors).toBeUndefined();
    expect(two.data).toEqual(twoResolved.data);
    expect(two.data!.units.edges.map((e) => e.node.code)).toEqual(['J-003', 'J-004']);
  });
});
