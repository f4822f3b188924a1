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
