import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, UserInputError } from './app-error';
import { cacheValidationMetadata } from './validation-metadata-cache';

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

/**
 * Names failing fields by their path in the arguments, like the services and the input guard do: a class validated
 * for the argument `input` reports `input.floorArea`, not `floorArea` (an @ArgsType() class has no name of its own).
 */
class ArgumentValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const argument = metadata.data;
      if (!(error instanceof UserInputError) || typeof argument !== 'string' || !argument) throw error;
      throw new UserInputError(
        error.fields.map((f) => ({ field: `${argument}.${f.field}`, message: f.message })),
      );
    }
  }
}

/** The global pipe: whitelist, reject unknown properties, transform, and answer BAD_USER_INPUT with the fields. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ArgumentValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => new UserInputError(flattenValidationErrors(errors)),
  });
}
