import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../../common/errors/app-error';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Actor } from './principal';

/** The caller of this operation, with the request id and operation name for the audit trail. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(context);
  const ctx = gql.getContext<GraphQLContext>();
  if (!ctx.auth?.principal) throw new UnauthenticatedError();
  return {
    principal: ctx.auth.principal,
    requestId: ctx.requestId,
    operation: gql.getInfo<{ fieldName: string }>().fieldName,
  };
});

/** The actor from a field resolver's context (the operation is the root field being resolved). */
export function actorOf(ctx: GraphQLContext, operation = 'field'): Actor {
  if (!ctx.auth?.principal) throw new UnauthenticatedError();
  return { principal: ctx.auth.principal, requestId: ctx.requestId, operation };
}
