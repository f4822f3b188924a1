import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { dataOf, factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const PUBLISH = `mutation($input: PublishFigureInput!) {
  publishFigure(input: $input) { id measure parkCode zoneCode asOf label value definition publishedBy inputs { measure value } } }`;
const VERIFY = `query($id: ID!) { verifyPublishedFigure(id: $id) {
  currentValue difference matches definitionChanged figure { value }
  currentInputs { measure value } corrections { entityType operation fields } } }`;
const LIST = `query($park: String, $first: Int, $after: String) { publishedFigures(parkCode: $park, first: $first, after: $after) {
  totalCount edges { cursor node { id label asOf } } pageInfo { hasNextPage endCursor } } }`;

type Verification = {
  currentValue: number;
  difference: number;
  matches: boolean;
  definitionChanged: boolean;
  figure: { value: number };
  currentInputs: { measure: string; value: number }[];
  corrections: { entityType: string; operation: string; fields: string[] }[];
};

/** publishFigure keeps value, definition and inputs; verifyPublishedFigure shows later corrections. */
describe('reports: published figures', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode: string;
  let reservedTenancy: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const space = await f.space(4);
    parkCode = space.parkCode;
    const e = await f.enterprise();
    await f.lease({
      enterpriseId: e.id,
      parkCode,
      unitCodes: ['B-001'],
      startsOn: '2024-01-01',
      stage: 'OPERATING',
    });
    reservedTenancy = (
      await f.leaseOne({ enterpriseId: e.id, parkCode, unitCode: 'B-002', startsOn: '2024-01-01' })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const publish = async (label: string) =>
    dataOf(
      await t.gql<{ publishFigure: { id: string; value: number; definition: string; inputs: unknown[] } }>(
        PUBLISH,
        {
          input: {
            measure: 'OCCUPANCY_RATE',
            scope: { parkCode },
            asOf: '2024-06-30',
            label,
            note: 'approved',
          },
        },
      ),
    ).publishFigure;
  const verify = async (id: string) =>
    dataOf(await t.gql<{ verifyPublishedFigure: Verification }>(VERIFY, { id })).verifyPublishedFigure;

  it('stores the value, the definition and the inputs, and verifies unchanged while nothing changed', async () => {
    const fig = await publish('H1 report');
    expect(fig.value).toBe(0.25);
    expect(fig.definition).toContain('OCCUPANCY_RATE');
    expect(fig.inputs).toEqual(
      expect.arrayContaining([
        { measure: 'OCCUPIED_UNITS', value: 1 },
        { measure: 'TOTAL_UNITS', value: 4 },
      ]),
    );
    const [audit] = await t.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'PublishedFigure' AND entity_id = $1`,
      [fig.id],
    );
    expect(audit!.n).toBe(1);
    const v = await verify(fig.id);
    expect(v).toMatchObject({ matches: true, difference: 0, currentValue: 0.25, definitionChanged: false });
    expect(v.corrections).toEqual([]);
  });

  it('shows the difference and the correction that caused it after a change dated before asOf', async () => {
    const fig = await publish('press release');
    // A change dated after asOf only: no difference, not a reason.
    const later = await f.enterprise();
    await f.lease({
      enterpriseId: later.id,
      parkCode,
      unitCodes: ['B-004'],
      startsOn: '2024-09-01',
      stage: 'OPERATING',
    });
    const unchanged = await verify(fig.id);
    expect(unchanged.matches).toBe(true);
    expect(unchanged.corrections).toEqual([]);
    // Fitting-out recorded late, effective before asOf: 2 of 4 units occupied on 2024-06-30.
    await f.advance(reservedTenancy, 'FITTING_OUT', '2024-05-01');
    const v = await verify(fig.id);
    expect(v).toMatchObject({ matches: false, currentValue: 0.5, difference: 0.25, figure: { value: 0.25 } });
    expect(v.currentInputs).toEqual(expect.arrayContaining([{ measure: 'OCCUPIED_UNITS', value: 2 }]));
    expect(v.corrections).toEqual([
      expect.objectContaining({ entityType: 'Tenancy', operation: 'advanceTenancyStage' }),
    ]);
  });

  it('lists published figures as a connection, only to callers of their park', async () => {
    const page = dataOf(
      await t.gql<{
        publishedFigures: {
          totalCount: number;
          edges: { node: { label: string } }[];
          pageInfo: { endCursor: string };
        };
      }>(LIST, { park: parkCode, first: 1 }),
    ).publishedFigures;
    expect(page.totalCount).toBe(2);
    expect(page.edges).toHaveLength(1);
    const next = dataOf(
      await t.gql<{ publishedFigures: { edges: { node: { label: string } }[] } }>(LIST, {
        park: parkCode,
        first: 1,
        after: page.pageInfo.endCursor,
      }),
    ).publishedFigures;
    expect(next.edges).toHaveLength(1);
    expect(next.edges[0]!.node.label).not.toBe(page.edges[0]!.node.label);
    const other = await f.park();
    const scoped = await createUserWithToken(t.app, t.dataSource, {
      roles: [Role.ANALYST],
      username: 'other-park-analyst',
      parks: [other.code],
    });
    const res = await t.gql<{ publishedFigures: { totalCount: number } }>(
      LIST,
      { park: parkCode },
      { authorization: scoped.authorization },
    );
    expect(dataOf(res).publishedFigures.totalCount).toBe(0);
  });
});
