import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/graphql/node/global-id';
import { idTypes, NODE_INTERFACE } from '../../src/graphql/node/id-types';

/** The object type each ID input names (by coordinate), from the schema operationsOf last read. */
let idInputs = new Map<string, string>();

/** The object type an argument of a field takes ids of (`Query.enterprise`, `id` → Enterprise). */
export function argIdType(coordinate: string, argument: string): string | undefined {
  return idInputs.get(`${coordinate}(${argument}:)`);
}

/** A made-up global id of an object of `type` (a Unit where any type goes). */
export function madeUpId(type = 'Unit'): string {
  return toGlobalId(type === NODE_INTERFACE ? 'Unit' : type, randomUUID());
}

/** One root field of the schema: a query or a mutation. */
export interface Operation {
  kind: 'query' | 'mutation';
  /** The root type and field, e.g. "Mutation.updateUnit". */
  key: string;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** The schema the running app serves (built in memory from the resolvers, like schema.gql). */
export function schemaOf(app: NestFastifyApplication): GraphQLSchema {
  return app.get(GraphQLSchemaHost).schema;
}

/** Every field of Query and Mutation, queries first, each in schema order. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  idInputs = idTypes(schema).inputs;
  const ops: Operation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      ops.push({ kind, key: `${type.name}.${field.name}`, name: field.name, field });
    }
  }
  return ops;
}

const SCALARS: Record<string, (idType?: string) => unknown> = {
  String: () => 'x',
  ID: (idType) => madeUpId(idType),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  Date: () => '2024-01-01',
  DateTime: () => '2024-01-01T00:00:00Z',
  JSON: () => ({}),
};

/** True for an argument or input field the client must send: non-null and without a default. */
function required(item: { type: GraphQLInputType; defaultValue?: unknown }): boolean {
  return isNonNullType(item.type) && item.defaultValue === undefined;
}

/**
 * The smallest value of an input type that passes GraphQL validation: String "x", ID a made-up global id of the type
 * the place names (`idType`; input-object fields find their own), numbers 1, Boolean false, dates 2024-01-01, an
 * enum's first value, an input object's required fields, a list of one.
 */
export function minimalValue(type: GraphQLInputType, idType?: string): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType, idType);
  if (isListType(type)) return [minimalValue(type.ofType as GraphQLInputType, idType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (required(field))
        value[field.name] = minimalValue(field.type, idInputs.get(`${type.name}.${field.name}`));
    }
    return value;
  }
  if (isScalarType(type)) {
    const make = SCALARS[type.name];
    if (!make) throw new Error(`No minimal value for scalar ${type.name}: add it to SCALARS`);
    return make(idType);
  }
  throw new Error(`Unexpected input type ${String(type)}`);
}

/** A GraphQL document calling the operation with only its required arguments (as variables), selecting __typename. */
export function minimalRequest(
  op: Operation,
  overrides: Record<string, unknown> = {},
): { query: string; variables: Record<string, unknown> } {
  const args = op.field.args.filter((a) => required(a) || a.name in overrides);
  const variables: Record<string, unknown> = {};
  for (const arg of args)
    variables[arg.name] =
      arg.name in overrides ? overrides[arg.name] : minimalValue(arg.type, argIdType(op.key, arg.name));
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';
  const query =
    `${op.kind} Matrix${args.length ? `(${definitions})` : ''} ` +
    `{ ${op.name}${args.length ? `(${passed})` : ''}${selection} }`;
  return { query, variables };
}

/** One step down from an object type: the field taken. */
export interface PathStep {
  parent: string;
  field: GraphQLField<unknown, unknown>;
}

/**
 * A document calling a root operation with its required arguments and selecting down the given fields to
 * `__typename`, e.g. `query Matrix($code: String!) { park(code: $code) { zones { units { __typename } } } }`.
 * Required arguments of nested fields become variables too.
 */
export function pathRequest(
  op: Operation,
  steps: readonly PathStep[],
  overrides: Record<string, unknown> = {},
): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const call = (field: GraphQLField<unknown, unknown>, prefix: string, owner: string) => {
    const args = field.args.filter((a) => required(a) || (prefix === '' && a.name in overrides));
    const passed = args.map((a) => {
      const name = `${prefix}${a.name}`;
      variables[name] =
        prefix === '' && a.name in overrides
          ? overrides[a.name]
          : minimalValue(a.type, argIdType(`${owner}.${field.name}`, a.name));
      definitions.push(`$${name}: ${String(a.type)}`);
      return `${a.name}: $${name}`;
    });
    return `${field.name}${passed.length ? `(${passed.join(', ')})` : ''}`;
  };
  const root = op.key.split('.')[0]!;
  const calls = [call(op.field, '', root), ...steps.map((s, i) => call(s.field, `s${i}_`, s.parent))];
  const selection = calls.reduceRight((inner, c) => `${c} { ${inner} }`, '__typename');
  const query = `${op.kind} Matrix${definitions.length ? `(${definitions.join(', ')})` : ''} { ${selection} }`;
  return { query, variables };
}
