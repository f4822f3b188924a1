import { ASTNode, GraphQLError } from 'graphql';

/**
 * `extensions.code` of a request refused because it is too big. Each names one limit, so a client can tell which
 * setting it ran into; the message gives the numbers and the environment variable.
 */
export enum LimitCode {
  DEPTH_LIMIT_EXCEEDED = 'DEPTH_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED = 'ALIAS_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED',
  BATCH_LIMIT_EXCEEDED = 'BATCH_LIMIT_EXCEEDED',
  BODY_LIMIT_EXCEEDED = 'BODY_LIMIT_EXCEEDED',
  NESTING_LIMIT_EXCEEDED = 'NESTING_LIMIT_EXCEEDED',
}

/**
 * A request-phase GraphQL error (no path, no original error), so the error formatter passes its code through, with
 * the limit and the measured value beside the code for clients that want numbers rather than text.
 */
export function limitError(
  code: LimitCode,
  message: string,
  numbers: { limit: number; actual: number },
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, ...numbers } });
}

/**
 * What Mercurius throws for a failed validation (MER_ERR_GQL_VALIDATION): status 400 and the GraphQL errors in
 * `errors`. Thrown from a hook, it takes the same path to the client as a validation failure.
 */
export class RequestRejectedError extends Error {
  readonly statusCode = 400;
  readonly code = 'MER_ERR_GQL_VALIDATION';

  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}
