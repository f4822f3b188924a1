import { GraphQLFieldResolver, GraphQLSchema, isInterfaceType, isObjectType } from 'graphql';
import { toGlobalId } from './global-id';
import { idTypes, NODE_INTERFACE, nodeTypeNames, OutputIdType, RAW_ID } from './id-types';
import { FROM_SQL } from '../json-projection';

/** Where an object answered by `node`/`nodes` carries its GraphQL type (read by Node's resolveType). */
const NODE_TYPE: unique symbol = Symbol('nodeType');

/** Marks `value` as an object of GraphQL type `type`, for Node's synchronous resolveType. Returns `value`. */
export function markNode<T extends object>(value: T, type: string): T {
  (value as T & { [NODE_TYPE]?: string })[NODE_TYPE] = type;
  return value;
}

function nodeTypeOr(nodeTypes: ReadonlySet<string>, type: string): string {
  return nodeTypes.has(type) ? type : RAW_ID;
}

function encodeAny(type: string, value: unknown): unknown {
  if (value === null || value === undefined || type === RAW_ID) return value;
  if (Array.isArray(value)) return value.map((item) => encodeAny(type, item));
  if (typeof (value as Promise<unknown>).then === 'function')
    return (value as Promise<unknown>).then((v) => encodeAny(type, v));
  return toGlobalId(type, value as string);
}

/**
 * One plain resolver per ID field: graphql-jit calls it like any field resolver (no Nest pipeline per field). An
 * object PostgreSQL built as JSON (json-projection.ts, FROM_SQL) carries its ids encoded already (id-sql.ts).
 */
function idResolver(
  name: string,
  type: OutputIdType,
  inner: GraphQLFieldResolver<unknown, unknown> | undefined,
): GraphQLFieldResolver<unknown, unknown> {
  const encoder = encodingResolver(name, type, inner);
  return (source, args, context, info) => {
    const built = source as Record<string, unknown> | null | undefined;
    if (built?.[FROM_SQL] === true && Object.hasOwn(built, name)) return built[name];
    return encoder(source, args, context, info);
  };
}

function encodingResolver(
  name: string,
  type: OutputIdType,
  inner: GraphQLFieldResolver<unknown, unknown> | undefined,
): GraphQLFieldResolver<unknown, unknown> {
  if (inner) {
    return (source, args, context, info) =>
      encodeAny(
        typeof type === 'string' ? type : type(source as Record<string, unknown>),
        inner(source, args, context, info),
      );
  }
  if (typeof type === 'string') {
    // The hot case (every `id` of every list row): one property read and one encoding.
    return (source) => {
      const value = (source as Record<string, unknown>)[name];
      return typeof value === 'string' ? toGlobalId(type, value) : encodeAny(type, value);
    };
  }
  return (source) =>
    encodeAny(type(source as Record<string, unknown>), (source as Record<string, unknown>)[name]);
}

/**
 * Global ids on the way out, once at start-up: every ID field of every object type answers the global id of the
 * object it names (`Unit.id`, `Tenancy.enterpriseId`…), whoever produced the object (services, loaders, read-ahead
 * rows): services and the database keep plain keys. Node's resolveType becomes synchronous (graphql-jit). Refuses to
 * start when an ID field names no known type (see id-types.ts).
 */
export function globalIds(schema: GraphQLSchema): GraphQLSchema {
  const { outputs, unknown } = idTypes(schema);
  if (unknown.length)
    throw new Error(`IDs of unknown type (add them to ID_TYPE_OVERRIDES): ${unknown.join(', ')}`);
  const node = schema.getType(NODE_INTERFACE);
  if (node && isInterfaceType(node)) {
    node.resolveType = (value) => (value as { [NODE_TYPE]?: string } | null)?.[NODE_TYPE];
  }
  const nodeTypes = nodeTypeNames(schema);
  for (const [coordinate, type] of outputs) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const owner = schema.getType(typeName);
    if (!isObjectType(owner)) continue;
    const field = owner.getFields()[fieldName];
    // A type picked per object that is no Node (an audit entry about an import: `units:<sha256>`) stays raw.
    const picked =
      typeof type === 'string'
        ? type
        : (source: Record<string, unknown>) => nodeTypeOr(nodeTypes, type(source));
    field.resolve = idResolver(fieldName, picked, field.resolve);
  }
  return schema;
}
