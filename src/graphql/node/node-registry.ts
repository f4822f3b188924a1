import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../modules/access/principal';
import type { GraphQLContext } from '../graphql-context';

/**
 * How `node`/`nodes` fetch one type: through the module's own per-request DataLoader (so that 50 ids of a type cost
 * one statement), answering null for an object that does not exist or lies outside the caller's parks. The role
 * rule of the type (@ReadableBy) is checked by the node service itself, for every type alike.
 */
export interface NodeSource {
  load(key: string, ctx: GraphQLContext, actor: Actor): Promise<object | null | undefined>;
  /** Keys are sequence numbers (the audit log), not UUIDs. */
  numericKeys?: boolean;
}

/**
 * Every Node type's source, registered by its module at start-up (`nodes.register('Unit', …)` in onModuleInit).
 * A test walks the schema: every type that implements Node has a source here, and every source's type implements it.
 */
@Injectable()
export class NodeRegistry {
  private readonly sources = new Map<string, NodeSource>();

  register(type: string, source: NodeSource): void {
    if (this.sources.has(type)) throw new Error(`Node source ${type} registered twice`);
    this.sources.set(type, source);
  }

  get(type: string): NodeSource | undefined {
    return this.sources.get(type);
  }

  types(): string[] {
    return [...this.sources.keys()].sort();
  }
}

/** A source that answers from a DataLoader-style `load` and scopes by the object's park (null: every caller). */
export function parkScoped<T extends object>(
  load: (key: string, ctx: GraphQLContext) => Promise<T | null | undefined>,
  parkOf: (value: T) => string | null,
): NodeSource {
  return {
    async load(key, ctx, actor) {
      const value = await load(key, ctx);
      if (!value) return null;
      const parkId = parkOf(value);
      const parks = actor.principal.parkIds;
      return parkId === null || parks === null || parks.includes(parkId) ? value : null;
    },
  };
}

/** Runs SQL: a DataSource or an EntityManager. */
interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * A source for a type that has no by-id DataLoader in its module: `rows` reads the objects of many keys at once,
 * scoped to the caller by itself, once per request and type (a DataLoader kept on the request's loaders); `map` is
 * the module's mapper.
 */
export function rowsSource<R extends { id: string | number }>(
  type: string,
  rows: (keys: readonly string[], actor: Actor) => Promise<R[]>,
  map: (row: R) => object,
  options: { numericKeys?: boolean } = {},
): NodeSource {
  return {
    numericKeys: options.numericKeys,
    load(key, ctx, actor) {
      const loaders = ctx.loaders as Record<string, DataLoader<string, object | null> | undefined>;
      const loader = (loaders[`node:${type}`] ??= new DataLoader<string, object | null>(async (keys) => {
        const byKey = new Map((await rows(keys, actor)).map((row) => [String(row.id), row]));
        return keys.map((k) => {
          const row = byKey.get(k);
          return row ? map(row) : null;
        });
      }));
      return loader.load(key);
    },
  };
}

/**
 * rowsSource over one SQL statement, scoped by itself: `$1` the keys, `$2` the caller's parks (null: every park),
 * `$3` (if used) the caller's id.
 */
export function sqlSource<R extends { id: string | number }>(
  type: string,
  db: Queryable,
  sql: string,
  map: (row: R) => object,
  options: { numericKeys?: boolean } = {},
): NodeSource {
  return rowsSource<R>(
    type,
    (keys, actor) => {
      const params = [keys, actor.principal.parkIds, actor.principal.id];
      // PostgreSQL refuses a parameter the statement does not use (its type is unknown).
      return db.query<R[]>(sql, sql.includes('$3') ? params : params.slice(0, 2));
    },
    map,
    options,
  );
}
