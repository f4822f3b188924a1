import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { FROM_SQL } from './json-projection';

/** Where an object returned to GraphQL carries the values of its fields that were read ahead (see withAhead). */
const AHEAD: unique symbol = Symbol('resolvedAhead');

interface CarriesAhead {
  [AHEAD]?: Record<string, unknown>;
}

/**
 * Marks `values` as the answers of fields of `target` that have a field resolver (e.g. Tenancy.enterprise, Unit.zone),
 * read ahead by the statement that produced `target`: the resolver is then not called when the field is asked for
 * without arguments. Nest wraps every @ResolveField in its parameter pipeline (pipes, param factories, exception
 * zone), which costs ~20–40 µs a call: per row of a 100-row list that was most of a request. Returns `target`.
 *
 * Only for values that are exactly what the resolver would answer for the same parent and caller: access rules are
 * checked on the whole selection before the root field runs (access.guard.ts) and masking wraps outside this
 * (personal-data.schema.ts), so both still apply. A field asked with arguments always goes to its resolver.
 */
export function withAhead<T extends object>(target: T, values: Record<string, unknown>): T {
  const carrier = target as T & CarriesAhead;
  carrier[AHEAD] = carrier[AHEAD] ? { ...carrier[AHEAD], ...values } : values;
  return target;
}

/** The value read ahead for `field` of `source`, or undefined (exported for tests and loaders). */
export function aheadValue(source: unknown, field: string): unknown {
  const ahead = (source as CarriesAhead | null | undefined)?.[AHEAD];
  return ahead && Object.hasOwn(ahead, field) ? ahead[field] : undefined;
}

function hasArguments(args: Record<string, unknown> | undefined): boolean {
  if (!args) return false;
  for (const key in args) if (args[key] !== undefined) return true;
  return false;
}

/**
 * Wraps, once at start-up, every field resolver of the schema so that a value read ahead (withAhead) answers the
 * field directly, and so does the field's own property on an object that PostgreSQL built from the selection
 * (json-projection.ts, marked FROM_SQL). A plain function, which graphql-jit calls like any other resolver; fields
 * without read-ahead values pay one or two property lookups.
 */
export function answerReadAhead(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (type === schema.getQueryType() || type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
      if (!inner) continue;
      const name = field.name;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const ahead = (source as CarriesAhead | null | undefined)?.[AHEAD];
        if (ahead !== undefined && Object.hasOwn(ahead, name) && !hasArguments(args)) return ahead[name];
        const built = source as Record<string, unknown> | null | undefined;
        if (built?.[FROM_SQL] === true && Object.hasOwn(built, name) && !hasArguments(args))
          return built[name];
        return inner(source, args, context, info);
      };
    }
  }
  return schema;
}
