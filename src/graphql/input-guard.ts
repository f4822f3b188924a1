import {
  DocumentNode,
  GraphQLNamedType,
  Kind,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  ValueNode,
  valueFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ErrorCode, FieldError } from '../common/errors/app-error';
import { FLOAT_INPUT_RANGE, isUuid } from '../common/input-rules';
import { RequestRejectedError } from './limits/limit-errors';
import { DATE_RANGE } from './scalars/date.scalar';
import { fromGlobalId } from './node/global-id';
import { idTypes, NODE_INTERFACE, nodeTypeNames, NUMERIC_KEY_TYPES, RAW_ID } from './node/id-types';

/**
 * Checks of every leaf value a client sends, whatever its operation, argument or input type: the one place that
 * holds for every module, present and future.
 * - String: no NUL character (PostgreSQL text cannot hold one).
 * - ID: checked and decoded apart (decodeId): a global id of the type the argument or field names.
 * - Float: finite and within FLOAT_INPUT_RANGE (no denormals, nothing PostgreSQL numeric would overflow on).
 * - DateTime: an instant within the years of DATE_RANGE, like the Date scalar (year 0 or 275760 would reach
 *   PostgreSQL and fail there).
 */
function leafProblem(typeName: string, value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  }
  if (typeName === 'Float' && typeof value === 'number' && value !== 0) {
    const magnitude = Math.abs(value);
    if (!(magnitude >= FLOAT_INPUT_RANGE.min && magnitude <= FLOAT_INPUT_RANGE.max)) {
      return `must be 0 or between ${FLOAT_INPUT_RANGE.min} and ${FLOAT_INPUT_RANGE.max} in magnitude`;
    }
  }
  if (typeName === 'DateTime' && value instanceof Date) {
    const time = value.getTime();
    if (!(time >= DATE_TIME_RANGE.min && time <= DATE_TIME_RANGE.max)) {
      return `must be an instant between ${DATE_RANGE.min}T00:00:00Z and ${DATE_RANGE.max}T23:59:59Z`;
    }
  }
  return undefined;
}

const DATE_TIME_RANGE = {
  min: Date.parse(`${DATE_RANGE.min}T00:00:00Z`),
  max: Date.parse(`${DATE_RANGE.max}T23:59:59.999Z`),
} as const;

/** Walks a coerced value against its input type, collecting a FieldError per bad leaf (`input.units.1.code`). */
export function checkInputValue(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  out: FieldError[],
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkInputValue(type.ofType, value, path, out);
  if (isListType(type)) {
    const itemType = type.ofType;
    if (Array.isArray(value))
      value.forEach((item, i) => checkInputValue(itemType, item, `${path}.${i}`, out));
    else checkInputValue(itemType, value, path, out);
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkInputValue(field.type, item, `${path}.${name}`, out);
    }
    return;
  }
  const name = getNamedType(type).name;
  if (name === 'ID') return; // decoded and checked by decodeValue / walkLiteral
  const problem = leafProblem(name, value);
  if (problem) out.push({ field: path, message: `${path} ${problem}` });
}

function badInput(fields: FieldError[]): RequestRejectedError {
  const message = `Invalid input: ${fields.map((f) => f.message).join('; ')}`;
  return new RequestRejectedError([
    new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } }),
  ]);
}

/** What `decodeId` needs of a schema: the id type of every ID input, and the types that implement Node. */
interface IdRules {
  inputs: Map<string, string>;
  nodeTypes: Set<string>;
}

const rulesBySchema = new WeakMap<GraphQLSchema, IdRules>();

function idRules(schema: GraphQLSchema): IdRules {
  let rules = rulesBySchema.get(schema);
  if (!rules) {
    const { inputs, unknown } = idTypes(schema);
    if (unknown.length) throw new Error(`IDs of unknown type: ${unknown.join(', ')}`);
    rulesBySchema.set(schema, (rules = { inputs, nodeTypes: nodeTypeNames(schema) }));
  }
  return rules;
}

/** Keys are UUIDs, except sequence numbers for NUMERIC_KEY_TYPES (the audit log, status events). */
function validKey(type: string, key: string): boolean {
  return NUMERIC_KEY_TYPES.has(type) ? /^[1-9][0-9]{0,17}$/.test(key) : isUuid(key);
}

const article = (type: string) => (/^[AEIO]/.test(type) ? 'an' : 'a');

/**
 * The key behind global id `value` at a place that takes ids of type `expected` (`Node`: any type, and the global id
 * itself is kept, for node/nodes), or the problem: not a global id of this API, or the id of another type.
 */
export function decodeId(
  value: unknown,
  expected: string | undefined,
  nodeTypes: ReadonlySet<string>,
): { key: string } | { problem: string } {
  if (expected === RAW_ID)
    return typeof value === 'string' ? { key: value } : { problem: 'must be a string' };
  const what =
    !expected || expected === NODE_INTERFACE ? 'a global id' : `${article(expected)} ${expected} id`;
  const id = typeof value === 'string' ? fromGlobalId(value) : null;
  if (!id || !nodeTypes.has(id.type) || !validKey(id.type, id.key)) return { problem: `must be ${what}` };
  if (expected === NODE_INTERFACE) return { key: value as string };
  if (id.type !== expected) return { problem: `must be ${what}, not ${article(id.type)} ${id.type} id` };
  return { key: id.key };
}

/** The id type of an input-object field, or of an argument (`Query.unit(id:)`). */
const fieldIdType = (rules: IdRules, owner: GraphQLNamedType, field: string) =>
  rules.inputs.get(`${owner.name}.${field}`);

/**
 * A variable's value with every global id in it decoded to its key (a copy: the client's object is left alone),
 * collecting a FieldError per bad id. `expected` is the id type of the place the value fills.
 */
function decodeValue(
  value: unknown,
  type: GraphQLInputType,
  expected: string | undefined,
  path: string,
  rules: IdRules,
  out: FieldError[],
): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return decodeValue(value, type.ofType, expected, path, rules, out);
  if (isListType(type)) {
    const item = type.ofType;
    return Array.isArray(value)
      ? value.map((v, i) => decodeValue(v, item, expected, `${path}.${i}`, rules, out))
      : decodeValue(value, item, expected, path, rules, out);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return value;
    const fields = type.getFields();
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const name of Object.keys(copy)) {
      const field = fields[name];
      if (field)
        copy[name] = decodeValue(
          copy[name],
          field.type,
          fieldIdType(rules, type, name),
          `${path}.${name}`,
          rules,
          out,
        );
    }
    return copy;
  }
  if (getNamedType(type).name !== 'ID') return value;
  const decoded = decodeId(value, expected, rules.nodeTypes);
  if ('problem' in decoded) {
    out.push({ field: path, message: `${path} ${decoded.problem}` });
    return value;
  }
  return decoded.key;
}

/** One argument written in a document: its value as written, and the type and name of the argument it fills. */
interface ArgumentSite {
  value: ValueNode;
  type: GraphQLInputType;
  name: string;
}

/** A variable used where an ID (or an input holding IDs) goes: decoded against that place on every send. */
interface VariableUse {
  name: string;
  type: GraphQLInputType;
  expected: string | undefined;
  path: string;
}

/** What the guard needs of a document on every send, computed the first time it is seen. */
interface DocumentPlan {
  sites: ArgumentSite[];
  /** Bad ID literals of the document (good ones were decoded in the document itself, once). */
  literalProblems: FieldError[];
  variableUses: VariableUse[];
}

/**
 * Walks an argument value as written: an ID literal is decoded in the document itself (Mercurius and graphql-jit
 * then run the key, on this and every later send of the same text), a variable is noted with the place it fills.
 */
function walkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  expected: string | undefined,
  path: string,
  rules: IdRules,
  plan: DocumentPlan,
): void {
  if (node.kind === Kind.VARIABLE) {
    plan.variableUses.push({ name: node.name.value, type, expected, path });
    return;
  }
  if (node.kind === Kind.NULL) return;
  if (isNonNullType(type)) return walkLiteral(node, type.ofType, expected, path, rules, plan);
  if (isListType(type)) {
    const item = type.ofType;
    if (node.kind === Kind.LIST)
      node.values.forEach((v, i) => walkLiteral(v, item, expected, `${path}.${i}`, rules, plan));
    else walkLiteral(node, item, expected, path, rules, plan);
    return;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = type.getFields();
    for (const item of node.fields) {
      const field = fields[item.name.value];
      if (field)
        walkLiteral(
          item.value,
          field.type,
          fieldIdType(rules, type, field.name),
          `${path}.${field.name}`,
          rules,
          plan,
        );
    }
    return;
  }
  if (getNamedType(type).name !== 'ID') return;
  const written = node.kind === Kind.STRING || node.kind === Kind.INT ? node.value : undefined;
  const decoded = decodeId(node.kind === Kind.STRING ? written : undefined, expected, rules.nodeTypes);
  if ('problem' in decoded) plan.literalProblems.push({ field: path, message: `${path} ${decoded.problem}` });
  else (node as { value: string }).value = decoded.key;
}

/**
 * The plan of a document, found by one walk with the schema's type information the first time the document is seen
 * (Mercurius hands the same parsed document to every send of the same query text), so that later sends only read
 * the values.
 */
const plansBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentPlan>>();

function documentPlan(schema: GraphQLSchema, document: DocumentNode): DocumentPlan {
  let byDocument = plansBySchema.get(schema);
  if (!byDocument) plansBySchema.set(schema, (byDocument = new WeakMap()));
  let plan = byDocument.get(document);
  if (plan) return plan;
  const rules = idRules(schema);
  const found: DocumentPlan = { sites: [], literalProblems: [], variableUses: [] };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        found.sites.push({ value: node.value, type: argument.type, name: argument.name });
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const expected =
          parent && field && !typeInfo.getDirective()
            ? rules.inputs.get(`${parent.name}.${field.name}(${argument.name}:)`)
            : undefined;
        walkLiteral(node.value, argument.type, expected, argument.name, rules, found);
      },
    }),
  );
  byDocument.set(document, (plan = found));
  return plan;
}

/**
 * Mercurius preExecution hook (every request: first, cached and graphql-jit compiled alike), before any resolver:
 * 1. coerces the variables itself, so a variable of the wrong type, an unknown enum value or a missing required field
 *    is the same 400 on every send (Mercurius skips that check on the send that compiles the query, and graphql-jit
 *    reports it differently);
 * 2. decodes every global id the request sends (literal or variable, nested inputs and lists included) to its key,
 *    refusing a malformed one or the id of another type than the place names, so that resolvers, the
 *    ValidationPipe and services only ever see keys;
 * 3. checks every argument of every field in the document with the rules of `leafProblem`. Errors name the argument
 *    path, as the ValidationPipe does.
 * Returns the decoded variables when the request has any (Mercurius runs them, compiled queries included).
 */
export function inputGuardHook(
  operationNameOf: (context: unknown) => string | undefined,
): (
  schema: GraphQLSchema,
  document: DocumentNode,
  context: unknown,
  variables: unknown,
) => { variables: Record<string, unknown> } | undefined {
  return (schema, document, context, variables) => {
    const operation = getOperationAST(document, operationNameOf(context));
    if (!operation) return undefined;
    const inputs = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
    if (coerced.errors) throw new RequestRejectedError([...coerced.errors]);
    const plan = documentPlan(schema, document);
    const fields: FieldError[] = [...plan.literalProblems];
    let decoded: Record<string, unknown> | undefined;
    if (plan.variableUses.length) {
      const rules = idRules(schema);
      for (const use of plan.variableUses) {
        // A variable left out takes its default, which is written in the document: decode that one too.
        const raw = Object.hasOwn(inputs, use.name) ? inputs[use.name] : coerced.coerced[use.name];
        // A variable neither sent nor defaulted stays absent: present as undefined, GraphQL would read it as null
        // instead of taking the argument's default (`groupBy: $g` with `$g` left out).
        if (raw === undefined) continue;
        (decoded ??= { ...inputs })[use.name] = decodeValue(
          raw,
          use.type,
          use.expected,
          use.path,
          rules,
          fields,
        );
      }
    }
    for (const site of plan.sites) {
      const value: unknown = valueFromAST(site.value, site.type, coerced.coerced);
      checkInputValue(site.type, value, site.name, fields);
    }
    if (fields.length) throw badInput(fields);
    return decoded ? { variables: decoded } : undefined;
  };
}
