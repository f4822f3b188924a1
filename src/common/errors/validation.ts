import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, UserInputError } from './app-error';

/** Flattens class-validator's tree into `input.units.0.code`-style paths, one entry per failed rule. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field: path, message: message.startsWith(error.property) ? message : `${path} ${message}` });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/** The global pipe: whitelist, reject unknown properties, transform, and answer BAD_USER_INPUT with the fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => new UserInputError(flattenValidationErrors(errors)),
  });
}
