import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, ANY_USER, API_KEY, TypeRuleAtRunTime } from '../../modules/access/access.decorators';
import { CurrentActor } from '../../modules/access/current-actor.decorator';
import type { Actor } from '../../modules/access/principal';
import type { GraphQLContext } from '../graphql-context';
import { Node } from './node.model';
import { MAX_NODES, NodeService } from './node.service';

/** The Relay root fields: any object by its global id. */
@Resolver()
export class NodeResolver {
  constructor(private readonly service: NodeService) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global id; null when there is none, it is outside your parks or your role may not read its type.',
  })
  @Allow(ANY_USER, API_KEY)
  @TypeRuleAtRunTime()
  node(
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args('id', { type: () => ID, description: 'A global id, as any `id` field answers it.' }) id: string,
  ): Promise<object | null> {
    return this.service.fetch(ctx, actor, info.schema, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in the order asked (at most ${MAX_NODES}); null where \`node\` would answer null.`,
  })
  @Allow(ANY_USER, API_KEY)
  @TypeRuleAtRunTime()
  nodes(
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args('ids', { type: () => [ID], description: `Global ids, at most ${MAX_NODES}.` }) ids: string[],
  ): Promise<(object | null)[]> {
    return this.service.fetchMany(ctx, actor, info.schema, ids);
  }
}
