import { ConflictError, UserInputError } from '../../common/errors/app-error';
import { MachineEventError } from './machine.models';

/** The errors of the machines domain, in the shared tiers (BAD_USER_INPUT with fields, NOT_FOUND, CONFLICT). */
export const MachineErrors = {
  machineRefRequired: (): UserInputError =>
    UserInputError.field('input.machineId', 'give exactly one of machineId and serialNumber'),
  ownerRequired: (): UserInputError =>
    UserInputError.field(
      'input.ownerEnterpriseId',
      'give exactly one of ownerEnterpriseId and ownerCreditCode',
    ),
  serialTaken: (serial: string): ConflictError =>
    new ConflictError(`A machine with serial number ${serial} is already registered`, {
      field: 'serialNumber',
    }),
  ownerDoesNotHold: (unitCode: string, owner: string, date: string, holder: string | null): UserInputError =>
    UserInputError.field(
      'input.unitCode',
      `unit ${unitCode} is not held by ${owner} on ${date}` +
        (holder ? ` (it is held by ${holder})` : ' (no tenancy of the owner holds it then)') +
        '; a machine can only stand in a unit its owner holds',
    ),
  alreadyPlaced: (serial: string, unitCode: string, from: string): ConflictError =>
    new ConflictError(
      `Machine ${serial} already stands in unit ${unitCode} from ${from}: move or remove it`,
      {
        field: 'on',
        unitCode,
      },
    ),
  placementOverlap: (): ConflictError =>
    new ConflictError('The machine was placed elsewhere on one of those days by a concurrent request', {
      field: 'on',
    }),
  notPlacedOn: (serial: string, date: string): UserInputError =>
    UserInputError.field('input.on', `machine ${serial} stands in no unit on ${date}; install it instead`),
  sameUnit: (unitCode: string): UserInputError =>
    UserInputError.field('input.unitCode', `the machine already stands in ${unitCode}`),
  notAfterPlacement: (date: string, unitCode: string): UserInputError =>
    UserInputError.field('input.on', `must be after ${date}, when the machine was placed in ${unitCode}`),
  planOfOtherMachine: (): UserInputError =>
    UserInputError.field('input.planId', 'is not a maintenance plan of this machine'),
  planNeedsInterval: (): UserInputError =>
    UserInputError.field('input.everyDays', 'give everyDays, everyHours or both'),
};

/** Why one shop-floor event is refused; the codes are those a whole request would get. */
export const EventErrors = {
  unknownMachine: (i: number, serial: string): MachineEventError => ({
    code: 'NOT_FOUND',
    field: `events.${i}.serialNumber`,
    message: `no machine ${serial} in your parks`,
  }),
  payload: (i: number): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.status`,
    message: 'give either status or meterHours, not both and not neither',
  }),
  downNeedsReason: (i: number): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.downKind`,
    message: 'a DOWN status needs downKind and reasonCode',
  }),
  reasonOnlyWhenDown: (i: number): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.downKind`,
    message: 'downKind and reasonCode go with DOWN only',
  }),
  future: (i: number): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.at`,
    message: 'is in the future',
  }),
  meterBackwards: (i: number, value: number, bound: number, when: string): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.meterHours`,
    message: `${value} is lower than the reading ${bound} at ${when}: the meter only goes forward`,
  }),
  meterAheadOfLater: (i: number, value: number, bound: number, when: string): MachineEventError => ({
    code: 'BAD_USER_INPUT',
    field: `events.${i}.meterHours`,
    message: `${value} is higher than the later reading ${bound} at ${when}: the meter only goes forward`,
  }),
  conflicting: (i: number): MachineEventError => ({
    code: 'CONFLICT',
    field: `events.${i}.at`,
    message: 'another event of this machine and kind is stored for the same instant with different content',
  }),
};
