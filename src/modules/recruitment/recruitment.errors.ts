import { ConflictError, UserInputError } from '../../common/errors/app-error';

/** The errors of the recruitment domain, in the shared tiers. */
export const RecruitmentErrors = {
  notForward: (from: string, to: string, allowed: string[]): UserInputError =>
    UserInputError.field(
      'input.stage',
      `a lead moves forward only: from ${from} it can go to ${allowed.join(', ') || 'nothing'}, not ${to}`,
    ),
  closed: (stage: string): ConflictError =>
    new ConflictError(`The lead is ${stage}: its stages no longer change`, { field: 'stage' }),
  useConvert: (): UserInputError =>
    UserInputError.field(
      'input.stage',
      'a lead becomes CONVERTED through convertLead (which leases its units)',
    ),
  lostNeedsReason: (): UserInputError => UserInputError.field('input.note', 'LOST needs the reason'),
  beforeCurrent: (date: string): UserInputError =>
    UserInputError.field('input.effectiveOn', `must not be before the current stage's date (${date})`),
  notSigned: (stage: string): UserInputError =>
    UserInputError.field('input.id', `only a SIGNED lead can be converted (this one is ${stage})`),
  bothEnterpriseKeys: (): UserInputError =>
    UserInputError.field('input.enterpriseCreditCode', 'give enterpriseId or enterpriseCreditCode, not both'),
  newEnterpriseNeeds: (): UserInputError =>
    UserInputError.field(
      'input.enterpriseId',
      'the lead has no credit code or origin province to register it with: link an existing enterprise, or update the lead first',
    ),
  periodOrder: (): UserInputError => UserInputError.field('to', 'must be on or after from'),
};
