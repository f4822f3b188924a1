import { buildSchema, parse } from 'graphql';
import { ASSUMED_LIST_SIZE, queryCost } from './query-cost';

/** The shape of the real schema: connections with `first`, plain lists, nested both ways. */
const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Park { code: String! zones: [Zone!]! }
  type Zone { code: String! units(first: Int, after: String): UnitConnection! }
  type Unit { code: String! tenancies: [Tenancy!]! zone: Zone! }
  type Tenancy { id: ID! unit: Unit! stageHistory: [StageEvent!]! }
  type StageEvent { id: ID! }
  type UnitEdge { cursor: String! node: Unit! }
  type UnitConnection { edges: [UnitEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Health { status: String! }
  type Query {
    health: Health!
    parks: [Park!]!
    units(first: Int, after: String): UnitConnection!
    codes: [String!]!
  }
  type Mutation { createUnits(codes: [String!]!): [Unit!]! }
`);

const cost = (query: string, options: Parameters<typeof queryCost>[2] = {}): number =>
  queryCost(schema, parse(query), options);

describe('queryCost', () => {
  it('costs 1 per field without lists', () => {
    expect(cost('{ health { status } }')).toBe(2);
    expect(cost('{ a: health { status } b: health { status } }')).toBe(4);
  });

  it('does not multiply a list of scalars beyond the field itself', () => {
    expect(cost('{ codes }')).toBe(1);
  });

  it('multiplies a plain list by the assumed size', () => {
    // parks (1) + 20 × (code 1 + zones 1 + 20 × code 1)
    expect(cost('{ parks { code zones { code } } }')).toBe(1 + ASSUMED_LIST_SIZE * (2 + ASSUMED_LIST_SIZE));
  });

  it('multiplies a connection by its literal first, and its edges list only once', () => {
    // units 1 + 10 × (totalCount 1 + edges (1 + node (1 + code 1)))
    expect(cost('{ units(first: 10) { totalCount edges { node { code } } } }')).toBe(1 + 10 * (1 + 3));
  });

  it('uses 20 for a connection without first', () => {
    expect(cost('{ units { edges { node { code } } } }')).toBe(1 + 20 * 3);
  });

  it('resolves first from the variables, then the variable default, then 20', () => {
    const query = 'query Q($n: Int) { units(first: $n) { edges { node { code } } } }';
    expect(cost(query, { variables: { n: 5 } })).toBe(1 + 5 * 3);
    expect(cost(query, { variables: {} })).toBe(1 + 20 * 3);
    expect(cost(query, { variables: { n: null } })).toBe(1 + 20 * 3);
    const withDefault = 'query Q($n: Int = 7) { units(first: $n) { edges { node { code } } } }';
    expect(cost(withDefault)).toBe(1 + 7 * 3);
    expect(cost(withDefault, { variables: { n: 2 } })).toBe(1 + 2 * 3);
  });

  it('never lets a zero, negative or odd first lower the price below one item', () => {
    const query = 'query Q($n: Int) { units(first: $n) { edges { node { code } } } }';
    expect(cost(query, { variables: { n: -50 } })).toBe(1 + 1 * 3);
    expect(cost(query, { variables: { n: 'many' } })).toBe(1 + 20 * 3);
    expect(cost('{ units(first: 0) { edges { node { code } } } }')).toBe(1 + 1 * 3);
  });

  it('multiplies nested connections and lists together', () => {
    const query = `query Q($outer: Int, $inner: Int) {
      units(first: $outer) { edges { node { zone { units(first: $inner) { edges { node { tenancies { id } } } } } } } }
    }`;
    // inner node: 1 + tenancies (1 + 20 × 1) = 22; inner edges: 1 + 22 = 23; inner units: 1 + 4 × 23 = 93
    // zone: 1 + 93 = 94; outer node: 1 + 94 = 95; outer edges: 96; outer units: 1 + 3 × 96
    expect(cost(query, { variables: { outer: 3, inner: 4 } })).toBe(1 + 3 * 96);
    expect(cost(query, { variables: { outer: 100, inner: 100 } })).toBe(
      // edges, node, zone, then the inner units: 1 + 100 × (edges 1 + node 1 + tenancies 21)
      1 + 100 * (1 + 1 + 1 + (1 + 100 * (1 + 1 + (1 + 20)))),
    );
  });

  it('follows named fragments, inline fragments and spreads used several times', () => {
    const query = `
      query Q($n: Int) { units(first: $n) { edges { node { ...UnitBits ... on Unit { zone { code } } } } } }
      fragment UnitBits on Unit { code tenancies { ...TenancyBits } }
      fragment TenancyBits on Tenancy { id stageHistory { id } }
    `;
    // TenancyBits: id 1 + stageHistory (1 + 20) = 22; UnitBits: code 1 + tenancies (1 + 20 × 22) = 442
    // node: 1 + 442 + zone (1 + 1) = 445; edges 446; units 1 + 2 × 446
    expect(cost(query, { variables: { n: 2 } })).toBe(1 + 2 * 446);
    const twice = `{ units(first: 1) { edges { node { ...U ...U } } } } fragment U on Unit { code }`;
    expect(cost(twice)).toBe(1 + 1 * (1 + (1 + 2)));
  });

  it('survives fragment cycles and unknown fragments (other rules report them)', () => {
    const query = `{ units { edges { node { ...A ...Missing } } } }
      fragment A on Unit { code zone { units { edges { node { ...A } } } } }`;
    expect(Number.isFinite(cost(query))).toBe(true);
  });

  it('prices the operation that runs, or the dearest one when the name is not known', () => {
    const query = `query Cheap { health { status } } query Dear { parks { code } }`;
    expect(cost(query, { operationName: 'Cheap' })).toBe(2);
    expect(cost(query, { operationName: 'Dear' })).toBe(1 + 20);
    expect(cost(query)).toBe(1 + 20);
    expect(cost(query, { operationName: 'Unknown' })).toBe(1 + 20);
  });

  it('prices mutations returning lists', () => {
    expect(cost('mutation { createUnits(codes: ["a"]) { code zone { code } } }')).toBe(1 + 20 * 3);
  });

  it('counts introspection in full, unless told to leave it out', () => {
    const query = '{ __schema { types { name fields { name } } } health { status } }';
    expect(cost(query)).toBeGreaterThan(100);
    expect(cost(query, { ignoreIntrospection: true })).toBe(2);
  });

  it("gives the README's worked example", () => {
    expect(cost('{ units(first: 100) { edges { node { tenancies { unit { code } } } } } }')).toBe(4301);
  });

  it('grows past any sane limit for a hostile nesting', () => {
    const query = `{ units(first: 100) { edges { node { tenancies { unit { tenancies { unit { tenancies { id } } } } } } } } }`;
    expect(cost(query)).toBeGreaterThan(20_000);
  });
});
