import { Logger } from '@nestjs/common';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import mercurius, { MercuriusContext } from 'mercurius';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { LimitCode } from './limits/limit-errors';
import { NOT_REGISTERED } from './persisted-queries';

const logger = new Logger('GraphQLErrors');

/** Codes of requests refused before any resolver ran: malformed HTTP or GraphQL the schema rejects. */
export enum RequestErrorCode {
  /** Not a GraphQL request: bad JSON, no query, a mutation over GET, an empty batch. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** Syntax error, unknown field or argument, a variable of the wrong type. */
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** Automatic persisted queries: the hash is not known; the client sends it again with the query text. */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  /** Persisted queries are off, or the hash is not of a version this server knows. */
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Locked mode (GRAPHQL_PERSISTED_ONLY): the document, by hash or text, is not one registered at build time. */
  PERSISTED_QUERY_UNREGISTERED = 'PERSISTED_QUERY_UNREGISTERED',
}

/**
 * Mercurius's persisted-query errors, answered as Apollo Client and urql expect them: the message (and a code) that
 * tells the client to send the query text along.
 */
const PERSISTED_QUERY_ERRORS: Record<string, { code: RequestErrorCode; message: string }> = {
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: {
    code: RequestErrorCode.PERSISTED_QUERY_NOT_FOUND,
    message: 'PersistedQueryNotFound',
  },
  MER_ERR_GQL_PERSISTED_QUERY_NOT_SUPPORTED: {
    code: RequestErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
    message: 'PersistedQueryNotSupported',
  },
  // Thrown by persisted-queries.ts; not Apollo's PersistedQueryNotFound, which would make a client resend the text.
  [NOT_REGISTERED]: {
    code: RequestErrorCode.PERSISTED_QUERY_UNREGISTERED,
    message:
      'Only registered documents run on this server (GRAPHQL_PERSISTED_ONLY): this one is not registered',
  },
};

/** Every `extensions.code` a client can receive (the README's list is checked against it). */
export const CLIENT_ERROR_CODES: readonly string[] = [
  ...Object.values(ErrorCode),
  ...Object.values(RequestErrorCode),
  ...Object.values(LimitCode),
];

/** Finds the error a resolver actually threw beneath GraphQL's and graphql-jit's wrappers. */
function rootCause(error: GraphQLError): unknown {
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause ?? undefined;
}

/** Request-phase errors (syntax, validation, limits) carry no path and no original error. */
function isRequestError(error: GraphQLError): boolean {
  return !error.path && !error.originalError;
}

export interface ErrorFormatOptions {
  /** Production: drop GraphQL's "Did you mean …?" hints, which would spell out the schema introspection hides. */
  hideSuggestions?: boolean;
  /** BODY_LIMIT_BYTES, named in the message of a 413. */
  bodyLimitBytes?: number;
}

/** GraphQL's field, argument, type and enum-value suggestions, e.g. ` Did you mean "park" or "parks"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** `Variable "$input" got invalid value … at "input.units[0].floor"; …`: graphql-js's variable coercion errors. */
const VARIABLE_ERROR = /^Variable "\$([^"]+)"(?: got invalid value .*? at "([^"]+)")?/s;

/** The field a variable coercion error is about (`input.units.0.floor`), or undefined for other errors. */
export function variableErrorField(error: GraphQLError): string | undefined {
  if (error.path) return undefined;
  const match = VARIABLE_ERROR.exec(error.message);
  if (!match) return undefined;
  return (match[2] ?? match[1]).replace(/\[(\d+)\]/g, '.$1');
}

export function formatGraphQLError(
  error: GraphQLError,
  requestId: string | undefined,
  options: ErrorFormatOptions & { requestPhase?: boolean } = {},
): GraphQLFormattedError {
  const message = options.hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
  const base = { message, locations: error.locations, path: error.path };
  const ownCode = error.extensions?.code;
  // A variable of the wrong type, an unknown enum value, a missing field: the same answer whichever step found it
  // (Mercurius before execution, input-guard.ts on the send that compiles, graphql-js or graphql-jit).
  const variableField = variableErrorField(error);
  if (variableField !== undefined) {
    return {
      ...base,
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        fields: [{ field: variableField, message }],
        requestId,
      },
    };
  }
  if (options.requestPhase) {
    // Refused before execution (validation, limits, input checks): never a server fault.
    const code = typeof ownCode === 'string' ? ownCode : 'GRAPHQL_VALIDATION_FAILED';
    return { ...base, extensions: { ...error.extensions, code, requestId } };
  }
  const cause = rootCause(error);
  if (cause instanceof AppError) {
    return { ...base, message: cause.message, extensions: { code: cause.code, ...cause.details, requestId } };
  }
  const status = (cause as { statusCode?: unknown } | undefined)?.statusCode;
  const persisted = PERSISTED_QUERY_ERRORS[String((cause as { code?: unknown } | undefined)?.code)];
  if (persisted) return { message: persisted.message, extensions: { code: persisted.code, requestId } };
  if (status === 413) {
    const limit = options.bodyLimitBytes;
    return {
      message: `Request body is too large${limit ? `: the limit is ${limit} bytes (BODY_LIMIT_BYTES)` : ''}`,
      extensions: { code: LimitCode.BODY_LIMIT_EXCEEDED, ...(limit ? { limit } : {}), requestId },
    };
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify/Mercurius request errors (bad JSON, missing query, GET mutation): the client's to fix.
    return { ...base, extensions: { code: RequestErrorCode.BAD_REQUEST, requestId } };
  }
  if (
    isRequestError(error) ||
    (typeof ownCode === 'string' && ownCode !== (ErrorCode.INTERNAL_SERVER_ERROR as string))
  ) {
    // Errors raised by GraphQL itself (syntax, unknown field, bad variable, scalar parse) are the client's to fix.
    const code = typeof ownCode === 'string' ? ownCode : RequestErrorCode.GRAPHQL_VALIDATION_FAILED;
    return { ...base, extensions: { ...error.extensions, code, requestId } };
  }
  logger.error(
    { err: cause ?? error, requestId, path: error.path?.join('.') },
    'Unexpected error in a resolver',
  );
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}

/** The HTTP status Mercurius gave a validation failure, also when it holds several errors (Mercurius then says 200). */
function requestErrorStatus(errors: readonly GraphQLError[]): number | undefined {
  for (const error of errors) {
    const original = error.originalError as { errors?: unknown; statusCode?: unknown } | undefined;
    if (Array.isArray(original?.errors) && typeof original.statusCode === 'number')
      return original.statusCode;
  }
  return undefined;
}

type MercuriusErrorFormatter = (
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: MercuriusContext,
) => { statusCode: number; response: ExecutionResult };

/**
 * Mercurius error formatter: keeps Mercurius's HTTP status choice (GraphQL-over-HTTP; 400 for a refused request) and
 * rewrites each error so that clients see a stable `extensions.code`, the request id, and never a stack or SQL text.
 */
export function createErrorFormatter(options: ErrorFormatOptions = {}): MercuriusErrorFormatter {
  return (execution, context) => {
    const { statusCode } = mercurius.defaultErrorFormatter(execution, context);
    const requestId = context.reply?.request?.id;
    // Mercurius wraps a failed validation into one error whose originalError.errors holds the real ones.
    const errors = execution.errors.flatMap((error) => {
      const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
      if (!Array.isArray(inner)) return [formatGraphQLError(error, requestId, options)];
      return inner.map((e) =>
        formatGraphQLError(e instanceof GraphQLError ? e : new GraphQLError(String(e)), requestId, {
          ...options,
          requestPhase: true,
        }),
      );
    });
    const refused = execution.data ? undefined : requestErrorStatus(execution.errors);
    return {
      statusCode: refused ?? statusCode,
      response: { data: execution.data ?? null, errors } as unknown as ExecutionResult,
    };
  };
}
