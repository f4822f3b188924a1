import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * GraphQL errors are logged and shaped once, by the Mercurius error formatter (with the request id). This filter
 * hands GraphQL exceptions straight back to it instead of letting Nest log them a second time; HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
