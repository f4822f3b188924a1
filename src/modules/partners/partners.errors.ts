import { ConflictError, UserInputError } from '../../common/errors/app-error';

/** The errors of the partners domain, in the shared tiers (BAD_USER_INPUT with fields, NOT_FOUND, CONFLICT). */
export const PartnerErrors = {
  institutionNameTaken: (name: string): ConflictError =>
    new ConflictError(`An institution named ${name} is already in this park's partner register`, {
      field: 'name',
    }),
};

export const AgreementErrors = {
  noParty: (): UserInputError =>
    UserInputError.field('input.institutionIds', 'name at least one institution or enterprise as a party'),
  endsBeforeStart: (): UserInputError => UserInputError.field('input.endsOn', 'must be on or after startsOn'),
  alreadyRenewed: (): ConflictError =>
    new ConflictError('That agreement has already been renewed: renew the latest agreement of its chain', {
      field: 'renewsId',
    }),
  renewalStartsBefore: (startsOn: string): UserInputError =>
    UserInputError.field(
      'input.startsOn',
      `a renewal must start after the agreement it renews (${startsOn})`,
    ),
  notSigned: (): UserInputError =>
    UserInputError.field('input.on', 'a draft (unsigned) agreement cannot be terminated'),
  alreadyTerminated: (on: string): ConflictError =>
    new ConflictError(`The agreement was already terminated on ${on}`, { field: 'on' }),
  terminationBeforeStart: (startsOn: string): UserInputError =>
    UserInputError.field('input.on', `must be on or after the start of the term (${startsOn})`),
  notManual: (): UserInputError =>
    UserInputError.field(
      'input.progress',
      'only MANUAL obligations take a recorded progress figure; the others are computed',
    ),
};
