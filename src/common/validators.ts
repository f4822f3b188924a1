import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../graphql/scalars/date.scalar';

/** A calendar date written YYYY-MM-DD (what the Date scalar accepts); also whitelists the property. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
