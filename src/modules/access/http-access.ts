import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../../common/errors/app-error';
import type { AccessExtensions } from './access.decorators';
import { NO_OPERATION_RULE } from './access.guard';
import { granted } from './access-plan';
import { Authenticator } from './authenticator';
import { Actor } from './principal';
import { PrincipalCache } from './principal-cache';

/**
 * The access check of an HTTP route that does what a GraphQL operation does (e.g. a spreadsheet import of units is
 * createUnits): the route names the operation, and the caller needs exactly the grants of that operation's @Allow
 * rule, read from the schema, authenticated as /graphql authenticates (same Authenticator and principal cache). So a
 * rule changes in one place and the access matrix covers both.
 */
@Injectable()
export class HttpAccess {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly principals: PrincipalCache,
    private readonly modules: ModuleRef,
  ) {}

  /** The caller of `operation` ("Mutation.createUnits"), or UNAUTHENTICATED / FORBIDDEN as /graphql would answer. */
  async require(header: string | undefined, operation: string, requestId: string | null): Promise<Actor> {
    const fieldName = operation.split('.')[1];
    const rule = this.ruleOf(operation);
    const auth = await this.principals.resolve(header, () => this.authenticator.authenticate(header));
    const principal = auth.principal;
    if (rule.kind !== 'public' && !principal)
      throw new UnauthenticatedError(auth.problem ?? 'Authentication required');
    if (rule.kind === 'grants' && principal && !granted(rule.grants, principal))
      throw new ForbiddenError(`Your role does not allow ${fieldName}`, { denied: operation });
    if (!principal) throw new UnauthenticatedError('Authentication required');
    return { principal, requestId, operation: fieldName };
  }

  /**
   * FORBIDDEN unless the signed-in actor may also call `operation` (a GraphQL mutation that stands for several
   * operations, e.g. importSpreadsheet for units is createUnits, checks the one it stands for here).
   */
  assertAllowed(actor: Actor, operation: string): void {
    const rule = this.ruleOf(operation);
    if (rule.kind === 'grants' && !granted(rule.grants, actor.principal))
      throw new ForbiddenError(`Your role does not allow ${operation.split('.')[1]}`, { denied: operation });
  }

  private ruleOf(operation: string) {
    const [typeName, fieldName] = operation.split('.') as [string, string];
    // The schema host belongs to the GraphQL module; looked up when first needed (the schema exists by then).
    const schema = this.modules.get(GraphQLSchemaHost, { strict: false }).schema;
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    const rule = (field?.extensions as AccessExtensions | undefined)?.access;
    if (!rule) throw new ForbiddenError(NO_OPERATION_RULE);
    return rule;
  }
}
