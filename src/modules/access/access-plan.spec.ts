import { buildSchema, FieldNode, GraphQLObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { accessPlan, applies, granted } from './access-plan';
import type { AccessExtensions } from './access.decorators';
import { ActorKind, Role } from './access.enums';

/** A small schema with an interface, a part-of-parent type, an own-record field and a type without a rule. */
function schemaWithRules() {
  const schema = buildSchema(`
    interface Node { id: ID! }
    type Secret implements Node { id: ID! }
    type Open implements Node { id: ID! secret: Secret self: Secret page: Page bare: Bare }
    type Page { items: [Open!]! }
    type Bare { id: ID! }
    type Query { open: Open node: Node }
  `);
  const set = (name: string, ext: AccessExtensions, field?: string) => {
    const type = schema.getType(name) as GraphQLObjectType;
    const target = field ? type.getFields()[field]! : type;
    Object.assign(target, { extensions: { ...target.extensions, ...ext } });
  };
  set('Query', { access: { kind: 'grants', grants: [Role.ANALYST] } }, 'open');
  set('Query', { access: { kind: 'public' } }, 'node');
  set('Open', { access: { kind: 'grants', grants: [Role.ANALYST, Role.RECRUITER] } });
  set('Secret', { access: { kind: 'grants', grants: [Role.ADMIN] } });
  set('Page', { access: { kind: 'parent' } });
  set('Open', { ownRecord: true }, 'self');
  return schema;
}

function planOf(query: string) {
  const schema = schemaWithRules();
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const info = {
    schema,
    parentType: schema.getQueryType()!,
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
  };
  const plan = accessPlan(info);
  expect(accessPlan(info)).toBe(plan);
  return plan.checks.map((c) => ({
    what: `${c.kind} ${c.subject} @ ${c.path}`,
    rule: c.rule?.kind ?? 'none',
    when: c.conditions.map((x) => `${x.skip ? 'skip' : 'include'} $${x.variable}`),
  }));
}

describe('access plan', () => {
  it('lists the operation, each type reached and nothing for part-of-parent types or __typename', () => {
    expect(planOf('{ open { __typename page { items { secret { id } } } } }')).toEqual([
      { what: 'operation Query.open @ open', rule: 'grants', when: [] },
      { what: 'type Open @ open', rule: 'grants', when: [] },
      { what: 'type Secret @ open.page.items.secret', rule: 'grants', when: [] },
    ]);
  });

  it('follows named and inline fragments, and names the shallowest place a type is reached', () => {
    const plan = planOf(`{ open { ...F } }
      fragment F on Open { ... on Open { page { items { secret { id } } } } secret { id } }`);
    expect(plan.map((c) => c.what)).toEqual([
      'operation Query.open @ open',
      'type Open @ open',
      'type Secret @ open.page.items.secret',
    ]);
  });

  it('refuses a type without a rule (rule none), and skips the type rule of an own-record field', () => {
    expect(planOf('{ open { bare { id } self { id } } }')).toEqual([
      { what: 'operation Query.open @ open', rule: 'grants', when: [] },
      { what: 'type Open @ open', rule: 'grants', when: [] },
      { what: 'type Bare @ open.bare', rule: 'none', when: [] },
    ]);
  });

  it('checks every implementation of an interface where the interface is reached', () => {
    expect(planOf('{ node { id ... on Open { secret { id } } } }').map((c) => c.what)).toEqual([
      'operation Query.node @ node',
      'type Secret @ node',
      'type Open @ node',
    ]);
  });

  it('drops literal @skip(if: true) selections and keeps variable conditions for each request', () => {
    const plan = planOf(
      'query($s: Boolean!) { open { secret @skip(if: true) { id } bare @include(if: $s) { id } } }',
    );
    expect(plan.slice(2)).toEqual([{ what: 'type Bare @ open.bare', rule: 'none', when: ['include $s'] }]);
    const check = { kind: 'type' as const, subject: 'Bare', path: 'open.bare', rule: null };
    expect(applies({ ...check, conditions: [{ variable: 's', skip: false }] }, { s: true })).toBe(true);
    expect(applies({ ...check, conditions: [{ variable: 's', skip: false }] }, { s: false })).toBe(false);
    expect(applies({ ...check, conditions: [{ variable: 's', skip: true }] }, { s: true })).toBe(false);
    expect(applies({ ...check, conditions: [{ variable: 's', skip: true }] }, {})).toBe(true);
  });

  it('grants by role, ANY_USER for users only, API_KEY for keys only', () => {
    const user = { kind: ActorKind.USER, id: 'u', name: 'u', roles: [Role.RECRUITER], parkIds: null };
    const key = { ...user, kind: ActorKind.API_KEY, roles: [] };
    expect(granted([Role.RECRUITER], user)).toBe(true);
    expect(granted([Role.ADMIN], user)).toBe(false);
    expect(granted(['ANY_USER'], user)).toBe(true);
    expect(granted(['ANY_USER'], key)).toBe(false);
    expect(granted(['API_KEY'], key)).toBe(true);
  });
});
