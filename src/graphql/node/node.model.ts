import { Field, ID, InterfaceType } from '@nestjs/graphql';

/**
 * The Relay Node interface: every object type with an identity implements it (`implements: () => [Node]` on the
 * model, plus a NodeSource registered by its module: see node-registry.ts). Its resolveType is replaced at start-up
 * by a synchronous one (global-ids.schema.ts): @nestjs/graphql's is async, which graphql-jit cannot run.
 */
@InterfaceType('Node', {
  description: 'An object with a global id: refetch it with `node(id:)` or `nodes(ids:)` (Relay).',
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Global id: opaque, the same in every response, unique across types; accepted by every ID input.',
  })
  id: string;
}
