import { registerEnumType } from '@nestjs/graphql';

/** What a stone CNC machine (石材数控机床) does. */
export enum MachineType {
  CNC_ROUTER = 'CNC_ROUTER',
  BRIDGE_SAW = 'BRIDGE_SAW',
  FIVE_AXIS_CARVER = 'FIVE_AXIS_CARVER',
  WIRE_SAW = 'WIRE_SAW',
  POLISHER = 'POLISHER',
  LATHE = 'LATHE',
  OTHER = 'OTHER',
}

/** A machine's state as its controller reports it. */
export enum MachineStatus {
  RUNNING = 'RUNNING',
  IDLE = 'IDLE',
  DOWN = 'DOWN',
  DECOMMISSIONED = 'DECOMMISSIONED',
}

/** Whether a stop was planned. */
export enum DowntimeKind {
  PLANNED = 'PLANNED',
  UNPLANNED = 'UNPLANNED',
}

/** What a shop-floor event carries. */
export enum MachineEventKind {
  STATUS = 'STATUS',
  METER = 'METER',
}

/** What became of one event sent to recordMachineEvents. */
export enum MachineEventOutcome {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

/** Keys machineStats can group by. */
export enum MachineStatsGroupBy {
  ENTERPRISE = 'ENTERPRISE',
  TYPE = 'TYPE',
  ZONE = 'ZONE',
}

/** Which limit of a maintenance plan makes it due first. */
export enum MaintenanceDueBy {
  DAYS = 'DAYS',
  HOURS = 'HOURS',
}

export enum MachineOrderField {
  SERIAL_NUMBER = 'SERIAL_NUMBER',
  COMMISSIONED_YEAR = 'COMMISSIONED_YEAR',
}

registerEnumType(MachineType, {
  name: 'MachineType',
  description: 'What a stone CNC machine does.',
  valuesMap: {
    CNC_ROUTER: { description: 'Engraving and carving router (雕刻机).' },
    BRIDGE_SAW: { description: 'Bridge saw for cutting slabs (桥式切石机).' },
    FIVE_AXIS_CARVER: { description: 'Five-axis carving centre for statues and relief (五轴雕刻中心).' },
    WIRE_SAW: { description: 'Diamond wire saw (绳锯).' },
    POLISHER: { description: 'Polishing machine (磨光机).' },
    LATHE: { description: 'Stone lathe for columns and vases (石材车床).' },
    OTHER: { description: 'Any other machine.' },
  },
});

registerEnumType(MachineStatus, {
  name: 'MachineStatus',
  description:
    'A machine state reported from the shop floor; the status at an instant is the latest event before it.',
  valuesMap: {
    RUNNING: { description: 'Working.' },
    IDLE: { description: 'Ready but not working.' },
    DOWN: { description: 'Stopped, with a reason code and whether the stop was planned.' },
    DECOMMISSIONED: { description: 'Taken out of service for good.' },
  },
});

registerEnumType(DowntimeKind, {
  name: 'DowntimeKind',
  description: 'Whether a DOWN status was planned.',
  valuesMap: {
    PLANNED: { description: 'Planned stop: maintenance, tool change, setup.' },
    UNPLANNED: { description: 'Breakdown: counts as a failure for MTBF and MTTR.' },
  },
});

registerEnumType(MachineEventKind, {
  name: 'MachineEventKind',
  description: 'What a shop-floor event carries.',
  valuesMap: {
    STATUS: { description: 'A status change.' },
    METER: { description: 'A runtime-hour meter reading.' },
  },
});

registerEnumType(MachineEventOutcome, {
  name: 'MachineEventOutcome',
  description: 'What became of one event sent to recordMachineEvents.',
  valuesMap: {
    ACCEPTED: { description: 'Stored.' },
    DUPLICATE: { description: 'Already stored (the same machine, instant and content): stored once.' },
    REJECTED: { description: 'Not stored; `error` says why.' },
  },
});

registerEnumType(MachineStatsGroupBy, {
  name: 'MachineStatsGroupBy',
  description: 'A key machineStats groups by.',
  valuesMap: {
    ENTERPRISE: { description: 'The owner enterprise.' },
    TYPE: { description: 'The machine type.' },
    ZONE: { description: 'The zone of the unit the machine was placed in.' },
  },
});

registerEnumType(MaintenanceDueBy, {
  name: 'MaintenanceDueBy',
  description: 'Which limit of a maintenance plan comes first.',
  valuesMap: {
    DAYS: { description: 'The calendar interval.' },
    HOURS: { description: 'The runtime-hour interval.' },
  },
});

registerEnumType(MachineOrderField, {
  name: 'MachineOrderField',
  description: 'Fields machines can be sorted by.',
  valuesMap: {
    SERIAL_NUMBER: { description: 'Serial number.' },
    COMMISSIONED_YEAR: { description: 'Year of commissioning (unknown years last).' },
  },
});
