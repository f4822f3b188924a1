import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/app-error';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { AccessCheck, accessPlan, applies, granted } from './access-plan';
import { Authenticator } from './authenticator';
import { PrincipalCache } from './principal-cache';

/** The message the matrix test and clients see for an operation that declares no rule. */
export const NO_OPERATION_RULE = 'This operation has no access rule';

/**
 * Authorization for the whole selection of each root field, before it runs. Every query and mutation declares who
 * may call it (@Public or @Allow), every object type who may read it (@ReadableBy, @PartOfParent, @Public) and a field
 * may add its own rule: the plan (access-plan.ts) lists every rule the selection reaches, through fragments and
 * nested fields, and one refused rule refuses the root field with FORBIDDEN naming the type or field and where the
 * query reaches it. A missing rule is refused (fail closed). Nest runs guards on root fields only (field resolvers
 * get no enhancers), so nested fields cost nothing here. HTTP routes (health) are not GraphQL and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const { schema, parentType } = info;
    if (parentType !== schema.getQueryType() && parentType !== schema.getMutationType()) return true;

    let restricted: AccessCheck[] | undefined;
    for (const check of accessPlan(info).checks) {
      if (check.conditions.length > 0 && !applies(check, info.variableValues)) continue;
      if (check.rule === null) throw noRule(check);
      if (check.rule.kind === 'grants') (restricted ??= []).push(check);
    }
    if (!restricted) return true;

    const ctx = gql.getContext<GraphQLContext>();
    // Once per request, shared by every operation field of it (DataLoader-style memo on the context); only here, so
    // a request refused by validation or limits, or a public one, costs no database round trip; a header verified
    // in the last few seconds costs none either (principal-cache.ts).
    const header = ctx.request.headers.authorization;
    ctx.authenticating ??= this.principals.resolve(header, () => this.authenticator.authenticate(header));
    ctx.auth = await ctx.authenticating;
    const principal = ctx.auth.principal;
    if (!principal) throw new UnauthenticatedError(ctx.auth.problem ?? 'Authentication required');
    for (const check of restricted) {
      if (check.rule?.kind === 'grants' && !granted(check.rule.grants, principal)) throw denied(check);
    }
    return true;
  }
}

function noRule(check: AccessCheck): ForbiddenError {
  if (check.kind === 'operation') return new ForbiddenError(NO_OPERATION_RULE);
  return new ForbiddenError(`${check.subject} has no access rule (at ${check.path})`, {
    denied: check.subject,
    at: check.path,
  });
}

function denied(check: AccessCheck): ForbiddenError {
  const message =
    check.kind === 'operation'
      ? `Your role does not allow ${check.path}`
      : `Your role does not allow ${check.subject} (at ${check.path})`;
  return new ForbiddenError(message, { denied: check.subject, at: check.path });
}
