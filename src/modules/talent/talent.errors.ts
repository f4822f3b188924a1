import { recordName } from '../../common/entities/versioned-update';
import { ConflictError, FieldError, UserInputError } from '../../common/errors/app-error';
import { maskResidentId } from '../access/personal-data';
import { TraineeStatus } from './talent.enums';

/**
 * The errors of the talent domain, in the shared tiers. Messages name an ID number only masked (5001**********1234),
 * whoever the caller: messages reach logs, which no masking rule reads.
 */
export const TalentErrors = {
  idNumberTaken: (field: string, idNumber: string): FieldError => ({
    field,
    message: `a person with ID number ${maskResidentId(idNumber)} is already registered in this park`,
  }),
  idNumberRepeated: (field: string, idNumber: string, firstRow: number): FieldError => ({
    field,
    message: `ID number ${maskResidentId(idNumber)} is also given in row ${firstRow}`,
  }),
  idDisagrees: (field: string, what: 'gender' | 'birth date'): FieldError => ({
    field,
    message: `does not match the ${what} the ID number carries`,
  }),
  /** Bulk writes: CONFLICT when every problem is a clash with stored data, BAD_USER_INPUT otherwise; all listed. */
  rows: (fields: FieldError[], conflicts: number): UserInputError | ConflictError =>
    conflicts === fields.length
      ? new ConflictError(
          `Nothing was written: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
          { fields },
        )
      : new UserInputError(
          fields,
          `Nothing was written: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
        ),
  notForward: (field: string, current: TraineeStatus, next: TraineeStatus): FieldError => ({
    field,
    message:
      current === TraineeStatus.WITHDRAWN
        ? 'the trainee has withdrawn: no further moves'
        : `cannot move from ${current} to ${next}: stages only move forward (or to WITHDRAWN)`,
  }),
  beforeCurrent: (field: string, current: TraineeStatus, since: string): FieldError => ({
    field,
    message: `is before ${since}, when the trainee became ${current}`,
  }),
  placementDetails: (): UserInputError =>
    UserInputError.field(
      'input.enterpriseId',
      'PLACED needs enterpriseId and position, and only PLACED takes them',
    ),
  withdrawalReason: (): UserInputError =>
    UserInputError.field('input.reason', 'WITHDRAWN needs a reason, and only WITHDRAWN takes one'),
  enterpriseNotInPark: (): UserInputError =>
    UserInputError.field('input.enterpriseId', 'is not an enterprise of the trainee’s park'),
  cohortMoveStatus: (): UserInputError =>
    UserInputError.field('input.status', 'a cohort moves to IN_TRAINING, IN_PARK or GRADUATED together'),
  firstStatus: (): UserInputError =>
    UserInputError.field('input.status', 'a new trainee starts APPLIED or ENROLLED, with cohortId and on'),
  erased: (): ConflictError => new ConflictError('The trainee was erased: their record can no longer change'),
  emptyCohort: (): UserInputError =>
    UserInputError.field('input.cohortId', 'the cohort has no trainees to move'),
  funnelScope: (): UserInputError =>
    UserInputError.field('cohortId', 'give cohortId, or programCode with parkCode'),
  expiresBeforeIssue: (): UserInputError => UserInputError.field('input.expiresOn', 'must be after issuedOn'),
  certificateTaken: (): ConflictError =>
    new ConflictError('This issuer already issued a certificate with that number', {
      field: 'certificateNumber',
    }),
  contestDates: (): UserInputError => UserInputError.field('input.endsOn', 'must not be before startsOn'),
  contestTaken: (): ConflictError =>
    new ConflictError('The park already has a contest with that name and round', { field: 'round' }),
  targetDates: (): UserInputError => UserInputError.field('input.dueOn', 'must be after startsOn'),
  targetTaken: (): ConflictError =>
    new ConflictError('The park already has a target with that name', { field: 'name' }),
  codeTaken: (table: 'talent_program' | 'cohort', label: string, code: string): ConflictError =>
    new ConflictError(`The park already has a ${recordName(table, label, { code })}`, { field: 'code' }),
};
