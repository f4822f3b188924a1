import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { LimitCode } from './limit-errors';
import { aliasLimitRule, countAliases, depthLimitRule, operationDepths } from './query-shape';

const schema = buildSchema(`
  type Unit { code: String! zone: Zone! }
  type Zone { code: String! units: [Unit!]! }
  type Query { unit: Unit zone: Zone health: String }
`);

const depth = (query: string, ignoreIntrospection = false): number =>
  Math.max(...operationDepths(parse(query), { ignoreIntrospection }).map((o) => o.depth));

describe('operationDepths', () => {
  it('counts field levels', () => {
    expect(depth('{ health }')).toBe(1);
    expect(depth('{ unit { code } }')).toBe(2);
    expect(depth('{ unit { zone { units { zone { code } } } } health }')).toBe(5);
  });

  it('follows fragments and inline fragments', () => {
    const query = `{ unit { ...U } } fragment U on Unit { zone { ... on Zone { units { ...C } } } } fragment C on Unit { code }`;
    expect(depth(query)).toBe(4);
  });

  it('does not loop on fragment cycles', () => {
    expect(depth('{ unit { ...A } } fragment A on Unit { zone { units { ...A } } }')).toBe(3);
  });

  it('leaves introspection out only when asked', () => {
    const query = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } health }';
    expect(depth(query)).toBe(7);
    expect(depth(query, true)).toBe(1);
  });
});

describe('countAliases', () => {
  it('counts every written alias in operations and fragments, once', () => {
    const query = `{ a: health b: health unit { c: code ...U ...U } } fragment U on Unit { d: code }`;
    expect(countAliases(parse(query))).toBe(4);
  });
});

describe('limit rules', () => {
  const run = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, depthLimitRule(3), aliasLimitRule(2)]);

  it('pass a query at the limits', () => {
    expect(run('{ a: unit { zone { code } } b: health }')).toEqual([]);
  });

  it('name the limit and the numbers', () => {
    const [error] = run('{ unit { zone { units { code } } } }');
    expect(error!.message).toBe('Query depth 4 exceeds the limit of 3 (GRAPHQL_MAX_DEPTH)');
    expect(error!.extensions).toEqual({ code: LimitCode.DEPTH_LIMIT_EXCEEDED, limit: 3, actual: 4 });
    const [aliases] = run('{ a: health b: health c: health }');
    expect(aliases!.message).toBe('Query uses 3 aliases, more than the limit of 2 (GRAPHQL_MAX_ALIASES)');
    expect(aliases!.extensions).toMatchObject({ code: LimitCode.ALIAS_LIMIT_EXCEEDED, limit: 2, actual: 3 });
  });
});
