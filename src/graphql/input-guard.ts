import {
  DocumentNode,
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

/**
 * Checks of every leaf value a client sends, whatever its operation, argument or input type: the one place that
 * holds for every module, present and future.
 * - String and ID: no NUL character (PostgreSQL text cannot hold one).
 * - ID: a UUID (every ID of this API is one).
 * - Float: finite and within FLOAT_INPUT_RANGE (no denormals, nothing PostgreSQL numeric would overflow on).
 * - DateTime: an instant within the years of DATE_RANGE, like the Date scalar (year 0 or 275760 would reach
 *   PostgreSQL and fail there).
 */
function leafProblem(typeName: string, value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
    if (typeName === 'ID' && !isUuid(value)) return 'must be a UUID';
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
  const problem = leafProblem(getNamedType(type).name, value);
  if (problem) out.push({ field: path, message: `${path} ${problem}` });
}

function badInput(fields: FieldError[]): RequestRejectedError {
  const message = `Invalid input: ${fields.map((f) => f.message).join('; ')}`;
  return new RequestRejectedError([
    new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } }),
  ]);
}

/** One argument written in a document: its value as written, and the type and name of the argument it fills. */
interface ArgumentSite {
  value: ValueNode;
  type: GraphQLInputType;
  name: string;
}

/**
 * The arguments of a document, found by one walk with the schema's type information the first time the document is
 * seen (Mercurius hands the same parsed document to every send of the same query text), so that later sends only
 * read the values.
 */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  let sites = byDocument.get(document);
  if (sites) return sites;
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument) found.push({ value: node.value, type: argument.type, name: argument.name });
      },
    }),
  );
  byDocument.set(document, (sites = found));
  return sites;
}

/**
 * Mercurius preExecution hook (every request: first, cached and graphql-jit compiled alike), before any resolver:
 * 1. coerces the variables itself, so a variable of the wrong type, an unknown enum value or a missing required field
 *    is the same 400 on every send (Mercurius skips that check on the send that compiles the query, and graphql-jit
 *    reports it differently);
 * 2. checks every argument of every field in the document, literal or variable, nested inputs and lists included,
 *    with the rules of `leafProblem`. Errors name the argument path, as the ValidationPipe does.
 */
export function inputGuardHook(
  operationNameOf: (context: unknown) => string | undefined,
): (schema: GraphQLSchema, document: DocumentNode, context: unknown, variables: unknown) => void {
  return (schema, document, context, variables) => {
    const operation = getOperationAST(document, operationNameOf(context));
    if (!operation) return;
    const inputs = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs);
    if (coerced.errors) throw new RequestRejectedError([...coerced.errors]);
    const fields: FieldError[] = [];
    for (const site of argumentSites(schema, document)) {
      const value: unknown = valueFromAST(site.value, site.type, coerced.coerced);
      checkInputValue(site.type, value, site.name, fields);
    }
    if (fields.length) throw badInput(fields);
  };
}
