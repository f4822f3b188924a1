import {
  getNamedType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { argIdType, minimalValue, Operation, operationsOf } from './operations';

/** One bad input: a request, and the answer it must get (a status and an error code). */
export interface BadInput {
  /** Unique description, e.g. "Mutation.updateUnit input.floor = 2147483648 (variable)". */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The argument path the error must name in `extensions.fields`, when it names one. */
  field?: string;
  /** The answer it must get; without them, any answer but a server error (status below 500, no INTERNAL_SERVER_ERROR). */
  status?: number;
  codes?: string[];
}

/** A leaf of an argument's input type: its path below the argument (list items as 0) and its named type. */
interface Leaf {
  argument: string;
  path: (string | number)[];
  type: GraphQLNamedType;
  /** Whether the leaf's type is non-null (null is then a variable error). */
  nonNull: boolean;
}

function leavesOf(
  type: GraphQLInputType,
  argument: string,
  path: (string | number)[],
  out: Leaf[],
  nonNull = false,
): void {
  if (isNonNullType(type)) return leavesOf(type.ofType, argument, path, out, true);
  if (isListType(type)) return leavesOf(type.ofType as GraphQLInputType, argument, [...path, 0], out);
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      leavesOf(field.type, argument, [...path, field.name], out);
    return;
  }
  out.push({ argument, path, type: getNamedType(type), nonNull });
}

/** The minimal value of `type` with `bad` placed at `path` (intermediate objects get their required fields). */
function valueWith(type: GraphQLInputType, path: (string | number)[], bad: unknown): unknown {
  if (isNonNullType(type)) return valueWith(type.ofType, path, bad);
  if (path.length === 0) return bad;
  if (isListType(type)) return [valueWith(type.ofType as GraphQLInputType, path.slice(1), bad)];
  if (isInputObjectType(type)) {
    const name = String(path[0]);
    const base = minimalValue(type) as Record<string, unknown>;
    return { ...base, [name]: valueWith(type.getFields()[name]!.type, path.slice(1), bad) };
  }
  throw new Error(`path ${path.join('.')} goes below a leaf`);
}

const selectionOf = (op: Operation): string =>
  isLeafType(getNamedType(op.field.type)) ? '' : ' { __typename }';

/** The operation with every required argument plus `overrides`, all passed as variables. */
function asVariables(
  op: Operation,
  overrides: Record<string, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const args = op.field.args.filter(
    (a) => (isNonNullType(a.type) && a.defaultValue === undefined) || a.name in overrides,
  );
  const variables: Record<string, unknown> = {};
  for (const arg of args)
    variables[arg.name] =
      arg.name in overrides ? overrides[arg.name] : minimalValue(arg.type, argIdType(op.key, arg.name));
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${op.kind} Bad${args.length ? `(${definitions})` : ''} { ${op.name}${args.length ? `(${passed})` : ''}${selectionOf(op)} }`;
  return { query, variables };
}

/** The same, with every argument written into the document as a literal (only for values valid for their type). */
function asLiterals(op: Operation, overrides: Record<string, unknown>): { query: string } {
  const args = op.field.args.filter(
    (a) => (isNonNullType(a.type) && a.defaultValue === undefined) || a.name in overrides,
  );
  const passed = args
    .map((a) => {
      const value = a.name in overrides ? overrides[a.name] : minimalValue(a.type, argIdType(op.key, a.name));
      return `${a.name}: ${literal(value, a.type)}`;
    })
    .join(', ');
  return { query: `${op.kind} { ${op.name}${args.length ? `(${passed})` : ''}${selectionOf(op)} }` };
}

/** A value written as a GraphQL literal (without the scalar's own checks, so that bad values can be written). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(value, type.ofType);
  if (value === null) return 'null';
  if (isListType(type))
    return `[${(value as unknown[]).map((v) => literal(v, type.ofType as GraphQLInputType)).join(', ')}]`;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  if (isEnumType(type)) return String(value as string);
  return JSON.stringify(value);
}

const fieldName = (leaf: Leaf): string => [leaf.argument, ...leaf.path].join('.');

/** Bad values per leaf type: [label, value, sendable as a literal]. */
const BAD: Record<string, [string, unknown, boolean][]> = {
  String: [
    ['NUL', 'a\u0000b', true],
    ['number', 12, false],
  ],
  ID: [
    ['not a global id', 'abc', true],
    ['a bare UUID', '00000000-0000-4000-8000-000000000000', true],
    [
      'global id with NUL',
      Buffer.from('Unit:00000000-0000-4000-8000-00000000000\u0000').toString('base64'),
      true,
    ],
    ['empty', '', true],
  ],
  Int: [
    ['2147483648', 2147483648, false],
    ['string', 'abc', false],
    ['1.5', 1.5, false],
  ],
  Float: [
    ['5e-324', 5e-324, true],
    ['1e300', 1e300, true],
    ['string', 'abc', false],
  ],
  Date: [
    ['1899-12-31', '1899-12-31', true],
    ['2200-01-01', '2200-01-01', true],
    ['0000-01-01', '0000-01-01', true],
    ['not a date', '2024-02-30', true],
  ],
  DateTime: [['not an instant', 'yesterday', false]],
  Boolean: [['string', 'yes', false]],
};

/**
 * Bad inputs generated from the schema: for every argument and input field of every query and mutation, each bad
 * value of its type (as a variable, and as a literal where the value is valid GraphQL), an unknown value of every
 * enum, and each required input field left out.
 */
export function generatedBadInputs(schema: GraphQLSchema): BadInput[] {
  const out: BadInput[] = [];
  for (const op of operationsOf(schema)) {
    for (const arg of op.field.args) {
      const leaves: Leaf[] = [];
      leavesOf(arg.type, arg.name, [], leaves);
      for (const leaf of leaves) {
        const bads: [string, unknown, boolean][] =
          'getValues' in leaf.type
            ? [['unknown enum value', 'NO_SUCH_VALUE', false]]
            : (BAD[leaf.type.name] ?? []);
        for (const [label, bad, literal] of bads) {
          const value = valueWith(arg.type, leaf.path, bad);
          const name = `${op.key} ${fieldName(leaf)} = ${label}`;
          const field = fieldName(leaf);
          // The input guard (NUL, ids, numbers) names the field, as do variable coercion errors (Date, types) through
          // the variable's path; a literal refused by a scalar during validation is named in the message only.
          const dateLiteral = leaf.type.name === 'Date';
          out.push({
            name: `${name} (variable)`,
            ...asVariables(op, { [arg.name]: value }),
            field,
            status: 400,
            codes: ['BAD_USER_INPUT'],
          });
          if (literal) {
            out.push({
              name: `${name} (literal)`,
              ...asLiterals(op, { [arg.name]: value }),
              field: dateLiteral ? undefined : field,
              status: 400,
              codes: ['BAD_USER_INPUT'],
            });
          }
        }
      }
      // null for every input field: a required one is a variable error; an optional one must not reach a NOT NULL
      // column (any answer but a server error).
      for (const leaf of leaves) {
        if (leaf.path.length === 0 || typeof leaf.path.at(-1) === 'number') continue;
        out.push({
          name: `${op.key} ${fieldName(leaf)} = null (variable)`,
          ...asVariables(op, { [arg.name]: valueWith(arg.type, leaf.path, null) }),
          ...(leaf.nonNull ? { field: fieldName(leaf), status: 400, codes: ['BAD_USER_INPUT'] } : {}),
        });
      }
      // Each required field of an input object left out (at the top of the argument).
      const named = getNamedType(arg.type);
      if (isInputObjectType(named) && !isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type)) {
        for (const field of Object.values(named.getFields())) {
          if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
          const value = { ...(minimalValue(named) as Record<string, unknown>) };
          delete value[field.name];
          out.push({
            name: `${op.key} ${arg.name}.${field.name} missing (variable)`,
            ...asVariables(op, { [arg.name]: value }),
            status: 400,
            codes: ['BAD_USER_INPUT'],
          });
        }
      }
    }
  }
  return out;
}
