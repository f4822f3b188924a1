import { defaultFieldResolver, getNamedType, GraphQLSchema, isObjectType, isScalarType } from 'graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import type { AccessExtensions } from './access.decorators';
import { revealTo } from './personal-data';

/**
 * Wraps, once at start-up, the resolver of every field marked @PersonalData so that its value is masked for callers
 * not allowed it: the one place masking happens, whatever path reaches the field. A plain function (no Nest
 * pipeline), which graphql-jit calls like any other resolver.
 */
export function maskPersonalData(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const kind = (field.extensions as AccessExtensions).personalData;
      if (!kind) continue;
      const named = getNamedType(field.type);
      if (!isScalarType(named) || named.name !== 'String')
        throw new Error(`${type.name}.${field.name} is marked @PersonalData but is not a String`);
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: GraphQLContext, info) => {
        const value: unknown = inner(source, args, context, info);
        const principal = context.auth?.principal;
        return value instanceof Promise
          ? value.then((v: string | null) => revealTo(principal, kind, v))
          : revealTo(principal, kind, value as string | null);
      };
    }
  }
  return schema;
}
