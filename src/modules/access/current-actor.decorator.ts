import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../../common/errors/app-error';
import { RequestMemo } from '../../common/request-memo';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Actor } from './principal';

/** The caller of this operation, with the request id and operation name for the audit trail. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(context);
  const ctx = gql.getContext<GraphQLContext>();
  if (!ctx.auth?.principal) throw new UnauthenticatedError();
  const info = gql.getInfo<{ fieldName: string; operation: { operation: string } }>();
  return {
    principal: ctx.auth.principal,
    requestId: ctx.requestId,
    operation: info.fieldName,
    // Only a query's fields share reads: a mutation's later fields must see what its earlier ones wrote.
    memo: info.operation.operation === 'query' ? (ctx.memo ??= new RequestMemo()) : undefined,
  };
});

/** The actor from a field resolver's context (the operation is the root field being resolved). */
export function actorOf(ctx: GraphQLContext, operation = 'field'): Actor {
  if (!ctx.auth?.principal) throw new UnauthenticatedError();
  return { principal: ctx.auth.principal, requestId: ctx.requestId, operation };
}
