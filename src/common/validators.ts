import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { DATE_RANGE, isDateInRange } from '../graphql/scalars/date.scalar';

/** A calendar date written YYYY-MM-DD within DATE_RANGE (what the Date scalar accepts); also whitelists the property. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isDateInRange(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a calendar date written YYYY-MM-DD, ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
      },
    },
    options,
  );
}

/**
 * For edits of a field the record cannot be without: it may be left out (unchanged), but null is validated like any
 * other value and so refused. `@IsOptional()` would let null through to a NOT NULL column.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
