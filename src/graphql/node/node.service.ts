import { Injectable } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import { UserInputError } from '../../common/errors/app-error';
import type { AccessExtensions } from '../../modules/access/access.decorators';
import { granted } from '../../modules/access/access-plan';
import type { Actor } from '../../modules/access/principal';
import type { GraphQLContext } from '../graphql-context';
import { fromGlobalId } from './global-id';
import { markNode } from './global-ids.schema';
import { NodeRegistry } from './node-registry';

/** How many ids one `nodes` call takes. */
export const MAX_NODES = 100;

/**
 * Fetches objects by global id for `node`/`nodes`: the type's rule (@ReadableBy) against the caller, then the type's
 * NodeSource (scoped, per-request DataLoader). Not allowed, outside the caller's parks or missing: null alike.
 */
@Injectable()
export class NodeService {
  constructor(private readonly registry: NodeRegistry) {}

  async fetch(ctx: GraphQLContext, actor: Actor, schema: GraphQLSchema, id: string): Promise<object | null> {
    const decoded = fromGlobalId(id);
    const source = decoded && this.registry.get(decoded.type);
    if (!decoded || !source) return null;
    const rule = (schema.getType(decoded.type)?.extensions as AccessExtensions | undefined)?.access;
    if (!rule || rule.kind === 'parent') return null;
    if (rule.kind === 'grants' && !granted(rule.grants, actor.principal)) return null;
    const value = await source.load(decoded.key, ctx, actor);
    return value ? markNode(value, decoded.type) : null;
  }

  fetchMany(
    ctx: GraphQLContext,
    actor: Actor,
    schema: GraphQLSchema,
    ids: readonly string[],
  ): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw UserInputError.field('ids', `ids must hold at most ${MAX_NODES} ids`);
    // One load per id in the same tick: each type's DataLoader batches its keys into one statement.
    return Promise.all(ids.map((id) => this.fetch(ctx, actor, schema, id)));
  }
}
