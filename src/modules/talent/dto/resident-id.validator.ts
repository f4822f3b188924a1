import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { normaliseResidentId, residentIdProblem } from '../pii/resident-id';

/**
 * A resident ID number (GB 11643, check character verified), trimmed and with a lower-case x upper-cased first. The
 * message says what is wrong without repeating the value (it is personal data and messages reach logs).
 */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  const validate = ValidateBy(
    {
      name: 'isResidentId',
      validator: {
        validate: (value) => typeof value === 'string' && residentIdProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'idNumber'} ${typeof args?.value === 'string' ? residentIdProblem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
  const normalise = Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseResidentId(value) : value,
  );
  return (target, property) => {
    normalise(target, property);
    validate(target, property);
  };
}
