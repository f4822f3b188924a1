import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { MACHINE_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import {
  DowntimeKind,
  MachineEventOutcome,
  MachineStatus,
  MachineType,
  MaintenanceDueBy,
} from './machine.enums';

@ReadableBy(...MACHINE_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A stone CNC machine (石材数控机床) owned by an enterprise and placed in a unit.',
})
export class Machine {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  ownerEnterpriseId: string;
  /** The date the parent list was asked about; field resolvers default to it. */
  asOf?: string;

  @Field({ description: 'Serial number, unique across the platform; the key gateways report by.' })
  serialNumber: string;

  @Field(() => MachineType, { description: 'What the machine does.' })
  type: MachineType;

  @Field({ description: 'Manufacturer.' })
  manufacturer: string;

  @Field({ description: 'Model designation.' })
  model: string;

  @Field(() => Int, { nullable: true, description: 'Number of controlled axes.' })
  axes: number | null;

  @Field(() => Float, { nullable: true, description: 'Spindle power in kW.' })
  spindlePowerKw: number | null;

  @Field(() => Int, { nullable: true, description: 'Year the machine was first put to work.' })
  commissionedYear: number | null;

  @Field(() => Int, { description: 'Edit version.' })
  version: number;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A machine standing in a unit from fromOn until untilOn (exclusive).',
})
export class MachinePlacement {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  machineId: string;
  unitId: string;

  @Field(() => DateScalar, { description: 'First day in the unit.' })
  fromOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day no longer in the unit (moved or removed); null while it stands there.',
  })
  untilOn: string | null;

  @Field(() => String, { nullable: true, description: 'Note given when it was placed, moved or removed.' })
  note: string | null;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({ implements: () => [Node], description: 'A status change reported from the shop floor.' })
export class MachineStatusEvent {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'When the status changed (not when it was received).' })
  occurredAt: Date;

  @Field(() => MachineStatus, { description: 'The new status.' })
  status: MachineStatus;

  @Field(() => DowntimeKind, { nullable: true, description: 'For DOWN: planned or not.' })
  downKind: DowntimeKind | null;

  @Field(() => String, { nullable: true, description: 'For DOWN: the reason code, e.g. "SPINDLE_FAULT".' })
  reasonCode: string | null;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'Maintenance every N days and/or every N runtime hours, whichever comes first.',
})
export class MaintenancePlan {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  machineId: string;

  @Field({ description: 'What is done, e.g. "spindle bearings and guideway lubrication".' })
  task: string;

  @Field(() => Int, { nullable: true, description: 'Calendar interval in days.' })
  everyDays: number | null;

  @Field(() => Float, { nullable: true, description: 'Runtime interval in meter hours.' })
  everyHours: number | null;

  @Field(() => DateScalar, {
    description: 'The day counting starts (until the first maintenance is recorded).',
  })
  startsOn: string;

  @Field(() => Int, { description: 'Edit version.' })
  version: number;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({ implements: () => [Node], description: 'Maintenance done on a machine.' })
export class MaintenanceRecord {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  machineId: string;

  @Field(() => ID, { nullable: true, description: 'The plan this work fulfils, if any.' })
  planId: string | null;

  @Field(() => DateScalar, { description: 'The day the work was done.' })
  performedOn: string;

  @Field({ description: 'The work done.' })
  workDone: string;

  @Field(() => Float, { description: 'Hours the machine stood still for it.' })
  downtimeHours: number;

  @Field(() => Float, { description: 'Cost in yuan (CNY).' })
  cost: number;

  @Field({ description: 'Who did it (person or service company).' })
  performedBy: string;

  @Field(() => Float, { nullable: true, description: 'Runtime-hour meter at the time, if read.' })
  meterHours: number | null;
}

@PartOfParent()
@ObjectType({ description: 'Why an event was not stored.' })
export class MachineEventError {
  @Field({ description: 'BAD_USER_INPUT, NOT_FOUND or CONFLICT, as for a whole request.' })
  code: string;

  @Field({ description: 'The failing field, e.g. "events.3.meterHours".' })
  field: string;

  @Field({ description: 'What is wrong, in words.' })
  message: string;
}

@PartOfParent()
@ObjectType({ description: 'What became of one event, by its position in the request.' })
export class MachineEventResult {
  @Field(() => Int, { description: 'Position of the event in the request (from 0).' })
  index: number;

  @Field(() => MachineEventOutcome, { description: 'Stored, already stored, or refused.' })
  outcome: MachineEventOutcome;

  @Field(() => MachineEventError, { nullable: true, description: 'Why it was rejected.' })
  error: MachineEventError | null;
}

@PartOfParent()
@ObjectType({ description: 'The answer to a batch of shop-floor events.' })
export class RecordMachineEventsResult {
  @Field(() => Int, { description: 'Events stored by this call.' })
  accepted: number;

  @Field(() => Int, { description: 'Events already stored before (or twice in this call): stored once.' })
  duplicates: number;

  @Field(() => Int, { description: 'Events refused; see their results.' })
  rejected: number;

  @Field(() => [MachineEventResult], { description: 'One result per event, in request order.' })
  results: MachineEventResult[];
}

@PartOfParent()
@ObjectType({ description: 'How many machines were in one status.' })
export class MachineStatusCount {
  @Field(() => MachineStatus, {
    nullable: true,
    description: 'The status; null for machines that have reported nothing yet.',
  })
  status: MachineStatus | null;

  @Field(() => Int, { description: 'Number of installed machines in that status.' })
  count: number;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({
  description:
    'Machine figures of one group over a period, computed by SQL from the status events while the machines stood in the scope.',
})
export class MachineStats {
  enterpriseId: string | null;
  zoneId: string | null;

  @Field(() => MachineType, { nullable: true, description: 'The type, when grouped by TYPE.' })
  type: MachineType | null;

  @Field(() => Int, { description: 'Machines placed in the scope at some time in the period.' })
  machineCount: number;

  @Field(() => Float, {
    description: 'Hours observed: placed in the scope, with a known status, not decommissioned.',
  })
  observedHours: number;

  @Field(() => Float, { description: 'Share of observed time not DOWN (0–1); 0 when nothing was observed.' })
  availability: number;

  @Field(() => Float, { description: 'Hours DOWN (planned and unplanned).' })
  downtimeHours: number;

  @Field(() => Float, { description: 'Hours DOWN and UNPLANNED.' })
  unplannedDowntimeHours: number;

  @Field(() => Int, { description: 'Breakdowns: changes into an UNPLANNED DOWN that began in the period.' })
  failures: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean time between failures: hours up (observed, not DOWN) / failures; null without failures.',
  })
  mtbfHours: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean time to repair: unplanned downtime hours / failures; null without failures.',
  })
  mttrHours: number | null;
}

@ReadableBy(...MACHINE_READERS)
@ObjectType({ description: 'A maintenance plan that is due or overdue on a date, and by how much.' })
export class MaintenanceDue {
  machineId: string;
  /** The date asked about. */
  asOf: string;

  @Field(() => MaintenancePlan, { description: 'The plan.' })
  plan: MaintenancePlan;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last maintenance recorded against the plan on or before asOf; null if none.',
  })
  lastPerformedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Due date by the calendar interval (null without one).',
  })
  dueOn: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days past dueOn on asOf (negative: days left); null without a calendar interval.',
  })
  daysOverdue: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Meter hours run since the last maintenance (or plan start).',
  })
  hoursSinceLast: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Meter hours past the runtime interval (negative: hours left); null without one.',
  })
  hoursOverdue: number | null;

  @Field(() => Boolean, { description: 'Past either limit on asOf.' })
  overdue: boolean;

  @Field(() => MaintenanceDueBy, { description: 'Which limit is reached first.' })
  dueBy: MaintenanceDueBy;
}

export const MachineConnection = ConnectionType(Machine, 'Machine');
