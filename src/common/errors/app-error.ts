import { toGlobalId } from '../../graphql/node/global-id';
import { isUuid } from '../input-rules';
import { HttpException, HttpStatus } from '@nestjs/common';

/** The error codes a client may see in `errors[].extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.INTERNAL_SERVER_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** One failing input field: `field` is the path in the arguments (e.g. `input.creditCode`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base of every error a service throws on purpose. The GraphQL error formatter turns it into
 * `extensions: { code, ...details }`; anything else becomes INTERNAL_SERVER_ERROR.
 * It extends HttpException only so that Nest does not log expected errors as crashes.
 */
export class AppError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message, STATUS[code]);
  }
}

export class UserInputError extends AppError {
  constructor(
    readonly fields: FieldError[],
    message = `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    details: Record<string, unknown> = {},
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields, ...details });
  }

  static field(field: string, message: string, details: Record<string, unknown> = {}): UserInputError {
    return new UserInputError([{ field, message }], undefined, details);
  }
}

export class NotFoundError extends AppError {
  /** `key`: the database key (a uuid is named by the global id clients know it by) or a natural key (a code). */
  constructor(entity: string, key: string) {
    const shown = isUuid(key) ? toGlobalId(entity, key) : key;
    super(ErrorCode.NOT_FOUND, `${entity} ${shown} was not found`, { entity, key: shown });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this', details: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}
