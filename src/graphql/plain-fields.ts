import { Extensions } from '@nestjs/graphql';
import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

/** Field extensions read by plainFields. */
export interface PlainFieldExtensions {
  /** The property may hold a promise (a getter that starts a count when first read): keep the field's resolver. */
  lazy?: boolean;
}

/**
 * Marks a field whose property may hold a promise, e.g. a getter that counts on first read (keyset.ts
 * countWhenRead). Such a field keeps a resolver: graphql-jit reads a field without one inline and does not wait for
 * a promise there.
 */
export const ResolvedLazily = () => Extensions({ lazy: true } satisfies PlainFieldExtensions);

/**
 * Whether `resolve` is @nestjs/graphql's resolver for a plain @Field (`rootFieldResolver` in its
 * ObjectTypeDefinitionFactory), reading exactly the property `name` and with no default value. The read is checked on
 * a probe object, so a field renamed with `@Field({ name })` or given a `defaultValue` keeps its resolver.
 */
function readsOwnProperty(
  resolve: GraphQLFieldResolver<unknown, unknown> | undefined,
  name: string,
): boolean {
  if (!resolve || resolve.name !== 'rootFieldResolver' || resolve.length !== 1) return false;
  const read: PropertyKey[] = [];
  const probe = new Proxy(
    {},
    {
      get: (_target, key) => {
        read.push(key);
        return undefined;
      },
    },
  );
  let answer: unknown;
  try {
    answer = (resolve as (root: unknown) => unknown)(probe);
  } catch {
    return false;
  }
  return answer === undefined && read.length === 1 && read[0] === name;
}

/**
 * Removes, once at start-up, the resolver Nest's code-first schema gives every plain @Field: one that only reads the
 * property of the same name. graphql-jit compiles a field without a resolver to an inline property read, but a field
 * with one to a resolver call with three closures and a resolve-info object: in a 100-row list of ten fields, a
 * thousand calls and about 1 MB of garbage per request. What a field answers is unchanged: the same property, read
 * the same way (getters included, functions not called). Fields marked ResolvedLazily keep their resolver. Returns
 * how many resolvers were removed.
 */
export function plainFields(schema: GraphQLSchema): number {
  let removed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if ((field.extensions as PlainFieldExtensions).lazy) continue;
      if (!readsOwnProperty(field.resolve, field.name)) continue;
      field.resolve = undefined;
      removed++;
    }
  }
  return removed;
}
