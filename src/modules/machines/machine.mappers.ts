import { DowntimeKind, MachineStatus, MachineType } from './machine.enums';
import {
  Machine,
  MachinePlacement,
  MachineStatusEvent,
  MaintenancePlan,
  MaintenanceRecord,
} from './machine.models';

export interface MachineRow {
  id: string;
  park_id: string;
  serial_number: string;
  type: MachineType;
  manufacturer: string;
  model: string;
  axes: number | null;
  spindle_power_kw: string | null;
  commissioned_year: number | null;
  owner_enterprise_id: string;
  version: number;
}

export interface PlacementRow {
  id: string;
  park_id: string;
  machine_id: string;
  unit_id: string;
  from_on: string;
  until_on: string | null;
  note: string | null;
}

export interface StatusEventRow {
  /** bigint: a sequence number. */
  id: string | number;
  machine_id: string;
  occurred_at: Date;
  status: MachineStatus;
  down_kind: DowntimeKind | null;
  reason_code: string | null;
}

export interface PlanRow {
  id: string;
  machine_id: string;
  task: string;
  every_days: number | null;
  every_hours: string | null;
  starts_on: string;
  version: number;
}

export interface RecordRow {
  id: string;
  machine_id: string;
  plan_id: string | null;
  performed_on: string;
  work_done: string;
  downtime_hours: string;
  cost: string;
  performed_by: string;
  meter_hours: string | null;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export const MACHINE_COLUMNS =
  'm.id, m.park_id, m.serial_number, m.type, m.manufacturer, m.model, m.axes, m.spindle_power_kw, m.commissioned_year, m.owner_enterprise_id, m.version';

export const toMachine = (r: MachineRow, asOf?: string): Machine => ({
  id: r.id,
  parkId: r.park_id,
  ownerEnterpriseId: r.owner_enterprise_id,
  serialNumber: r.serial_number,
  type: r.type,
  manufacturer: r.manufacturer,
  model: r.model,
  axes: r.axes,
  spindlePowerKw: num(r.spindle_power_kw),
  commissionedYear: r.commissioned_year,
  version: r.version,
  asOf,
});

export const toPlacement = (r: PlacementRow): MachinePlacement => ({
  id: r.id,
  machineId: r.machine_id,
  unitId: r.unit_id,
  fromOn: r.from_on,
  untilOn: r.until_on,
  note: r.note,
});

export const toStatusEvent = (r: StatusEventRow): MachineStatusEvent => ({
  id: String(r.id),
  occurredAt: r.occurred_at,
  status: r.status,
  downKind: r.down_kind,
  reasonCode: r.reason_code,
});

export const toPlan = (r: PlanRow): MaintenancePlan => ({
  id: r.id,
  machineId: r.machine_id,
  task: r.task,
  everyDays: r.every_days,
  everyHours: num(r.every_hours),
  startsOn: r.starts_on,
  version: r.version,
});

export const toRecord = (r: RecordRow): MaintenanceRecord => ({
  id: r.id,
  machineId: r.machine_id,
  planId: r.plan_id,
  performedOn: r.performed_on,
  workDone: r.work_done,
  downtimeHours: Number(r.downtime_hours),
  cost: Number(r.cost),
  performedBy: r.performed_by,
  meterHours: num(r.meter_hours),
});
