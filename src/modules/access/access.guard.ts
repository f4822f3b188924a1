import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/app-error';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { ActorKind } from './access.enums';
import { Authenticator } from './authenticator';
import { PrincipalCache } from './principal-cache';
import { ACCESS_RULE, AccessRule, ANY_USER, API_KEY } from './access.decorators';

/**
 * Every GraphQL query and mutation declares who may call it (@Public or @Allow); one without a rule is refused, so a
 * forgotten rule fails closed. Field resolvers inherit their parent's check. HTTP routes (health) are not GraphQL
 * and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const parentType = gql.getInfo<{ parentType: { name: string } }>().parentType.name;
    if (parentType !== 'Query' && parentType !== 'Mutation') return true;
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    if (!rule) throw new ForbiddenError('This operation has no access rule');
    if (rule.public) return true;
    const ctx = gql.getContext<GraphQLContext>();
    // Once per request, shared by every operation field of it (DataLoader-style memo on the context).
    const header = ctx.request.headers.authorization;
    ctx.authenticating ??= this.principals.resolve(header, () => this.authenticator.authenticate(header));
    ctx.auth = await ctx.authenticating;
    const principal = ctx.auth.principal;
    if (!principal) throw new UnauthenticatedError(ctx.auth.problem ?? 'Authentication required');
    const allowed =
      principal.kind === ActorKind.API_KEY
        ? rule.grants.includes(API_KEY)
        : rule.grants.includes(ANY_USER) || principal.roles.some((role) => rule.grants.includes(role));
    if (!allowed)
      throw new ForbiddenError(`Your role does not allow ${gql.getInfo<{ fieldName: string }>().fieldName}`);
    return true;
  }
}
