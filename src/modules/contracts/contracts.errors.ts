import { ConflictError, UserInputError } from '../../common/errors/app-error';

/** The errors of the contracts domain, in the shared tiers (BAD_USER_INPUT with fields, NOT_FOUND, CONFLICT). */
export const ContractErrors = {
  numberTaken: (number: string): ConflictError =>
    new ConflictError(`Contract ${number} already exists in this park`, { field: 'number' }),
  termOrder: (field: string): UserInputError =>
    UserInputError.field(field, 'the term must end after it starts'),
  tenancyNotOfEnterprise: (i: number, unitCode: string): UserInputError =>
    UserInputError.field(
      `input.tenancyIds.${i}`,
      `the tenancy of unit ${unitCode} is not one of this enterprise`,
    ),
  tenancyUnderContract: (unitCode: string, number: string): ConflictError =>
    new ConflictError(`The tenancy of unit ${unitCode} is already under contract ${number}`, {
      field: 'tenancyIds',
    }),
  tenancyTaken: (): ConflictError =>
    new ConflictError('One of the tenancies was put under another contract by a concurrent request', {
      field: 'tenancyIds',
    }),
  stale: (number: string, current: number, sent: number): ConflictError =>
    new ConflictError(
      `Contract ${number} was changed by someone else (version ${current}, you sent ${sent})`,
      {
        field: 'version',
        currentVersion: current,
      },
    ),
  amendmentDate: (latest: string, endsOn: string): UserInputError =>
    UserInputError.field(
      'input.effectiveFrom',
      `must be after ${latest} (when the latest version took effect) and before the term end ${endsOn}`,
    ),
  terminated: (number: string, on: string): ConflictError =>
    new ConflictError(`Contract ${number} was terminated on ${on}`, { field: 'contractId' }),
  terminationDate: (startsOn: string, endsOn: string): UserInputError =>
    UserInputError.field('input.on', `must be after the term start ${startsOn} and before its end ${endsOn}`),
  notQualified: (enterprise: string, policy: string, reasons: string[]): UserInputError =>
    UserInputError.field(
      'input.policyId',
      `${enterprise} does not qualify for "${policy}": ${reasons.join('; ')}`,
      { reasons },
    ),
  incentiveApplied: (policy: string): ConflictError =>
    new ConflictError(`"${policy}" is already applied to this contract`, { field: 'policyId' }),
  policyNameTaken: (name: string): ConflictError =>
    new ConflictError(`An incentive policy named "${name}" already exists in this park`, { field: 'name' }),
  discountForDiscounts: (): UserInputError =>
    UserInputError.field('input.discountPercent', 'give it for a DISCOUNT policy, and only then'),
  billNotOfContract: (): UserInputError =>
    UserInputError.field('input.billId', 'is not a bill of this contract'),
  depositShort: (held: string): UserInputError =>
    UserInputError.field('input.amount', `is more than the deposit held (${held})`),
  zeroAmount: (): UserInputError => UserInputError.field('input.amount', 'must be above 0'),
};
