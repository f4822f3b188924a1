/**
 * Demo machines of Western Shifosi. The article gives one figure, 装配石佛寺石材数控机床165台: 165 stone CNC machines
 * installed. Everything else here is ILLUSTRATIVE: makers, models, serial numbers, install dates, the status events,
 * meter readings, plans and maintenance. Generated deterministically from the demo tenancies so that, as of
 * 2024-02-01, exactly 165 machines stand in bays their owners hold (fewer on earlier dates, as machines arrive during
 * fit-out), operating enterprises run more of them than fitting-out ones, and some maintenance is due.
 */
import { DowntimeKind, MachineStatus, MachineType } from '../modules/machines/machine.enums';
import { DemoTenancy } from './demo-data';

export const MACHINES_BY = '2024-02-01';
/** Status events and meter readings run until this day. */
const EVENTS_UNTIL = '2024-02-15';
/** Before this day a machine reports only its installation (RUNNING) and a weekly meter reading; a full status
 * history (shifts, idle nights, breakdowns, tool changes) runs from here to EVENTS_UNTIL. */
const HISTORY_FROM = '2024-01-01';
const HOUR = 3_600_000;

export interface DemoMachine {
  serialNumber: string;
  type: MachineType;
  manufacturer: string;
  model: string;
  axes: number;
  spindlePowerKw: number;
  commissionedYear: number;
  /** Index into the demo enterprises. */
  enterprise: number;
  unit: string;
  installedOn: string;
}

export interface DemoMachineEvent {
  serialNumber: string;
  at: string;
  status: MachineStatus | null;
  downKind: DowntimeKind | null;
  reasonCode: string | null;
  meterHours: number | null;
}

export interface DemoPlan {
  serialNumber: string;
  task: string;
  everyDays: number;
  everyHours: number;
  startsOn: string;
}

export interface DemoMaintenance {
  serialNumber: string;
  performedOn: string;
  workDone: string;
  downtimeHours: number;
  cost: number;
  performedBy: string;
  meterHours: number;
}

const MODELS: Record<MachineType, { maker: string; model: string; axes: number; kw: number }> = {
  [MachineType.CNC_ROUTER]: { maker: '巴蜀精雕数控', model: 'SR-1325', axes: 3, kw: 5.5 },
  [MachineType.FIVE_AXIS_CARVER]: { maker: '渝西智能装备', model: 'FX-2030', axes: 5, kw: 12 },
  [MachineType.BRIDGE_SAW]: { maker: '川南石材机械', model: 'QJ-600', axes: 4, kw: 15 },
  [MachineType.WIRE_SAW]: { maker: '川南石材机械', model: 'SJ-55', axes: 2, kw: 55 },
  [MachineType.POLISHER]: { maker: '华岳石材设备', model: 'MG-1800', axes: 3, kw: 7.5 },
  [MachineType.LATHE]: { maker: '华岳石材设备', model: 'CC-3000', axes: 4, kw: 11 },
  [MachineType.OTHER]: { maker: '大足石材机械', model: 'QT-1', axes: 1, kw: 3 },
};

/** Every N days or N runtime hours, whichever first (illustrative service intervals). */
const SERVICE: Record<MachineType, { task: string; days: number; hours: number }> = {
  [MachineType.CNC_ROUTER]: {
    task: '主轴轴承与导轨润滑 (spindle bearings, guideway lubrication)',
    days: 90,
    hours: 500,
  },
  [MachineType.FIVE_AXIS_CARVER]: {
    task: '五轴精度校准与润滑 (five-axis calibration, lubrication)',
    days: 60,
    hours: 400,
  },
  [MachineType.BRIDGE_SAW]: { task: '锯片与水路检查 (blade and water circuit check)', days: 60, hours: 450 },
  [MachineType.WIRE_SAW]: { task: '金刚石绳与导轮更换 (diamond wire and pulleys)', days: 45, hours: 300 },
  [MachineType.POLISHER]: { task: '磨头与皮带更换 (polishing heads and belts)', days: 90, hours: 600 },
  [MachineType.LATHE]: { task: '卡盘与刀架保养 (chuck and tool post service)', days: 120, hours: 700 },
  [MachineType.OTHER]: { task: '例行保养 (routine service)', days: 180, hours: 1000 },
};

const UNPLANNED_REASONS = [
  'SPINDLE_FAULT',
  'TOOL_BREAKAGE',
  'COOLANT_FAILURE',
  'POWER_LOSS',
  'CONTROLLER_ALARM',
];
const PLANNED_REASONS = ['TOOL_CHANGE', 'SETUP', 'CLEANING'];

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Epoch ms of a park-time (UTC+8) hour on a date. */
const parkTime = (date: string, hour: number): number => Date.parse(`${date}T00:00:00+08:00`) + hour * HOUR;

/** The park day (UTC+8) of an epoch ms. */
const parkDay = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

function typeFor(leading: boolean, r: number): MachineType {
  if (leading)
    return r < 0.45 ? MachineType.FIVE_AXIS_CARVER : r < 0.85 ? MachineType.CNC_ROUTER : MachineType.POLISHER;
  if (r < 0.4) return MachineType.CNC_ROUTER;
  if (r < 0.62) return MachineType.BRIDGE_SAW;
  if (r < 0.77) return MachineType.POLISHER;
  if (r < 0.87) return MachineType.WIRE_SAW;
  if (r < 0.95) return MachineType.LATHE;
  return MachineType.FIVE_AXIS_CARVER;
}

/**
 * The machines: two per operating bay (three in the first twelve) and one per fitting-out bay (two in the first
 * two): 100 + 65 = 165. The first machine of a bay arrives during fit-out; further ones before 2024-02-01.
 */
export function buildDemoMachines(tenancies: DemoTenancy[], leadingCount: number) {
  const random = prng(165);
  const occupied = tenancies.filter(
    (t) => t.unit.startsWith('W-') && t.fittingOutFrom !== undefined && t.fittingOutFrom <= MACHINES_BY,
  );
  const operating = occupied.filter((t) => t.operatingFrom !== undefined && t.operatingFrom <= MACHINES_BY);
  const fitting = occupied.filter((t) => !operating.includes(t));
  const perBay = new Map<DemoTenancy, number>();
  operating.forEach((t, i) => perBay.set(t, i < 12 ? 3 : 2));
  fitting.forEach((t, i) => perBay.set(t, i < 2 ? 2 : 1));

  const machines: DemoMachine[] = [];
  for (const t of [...operating, ...fitting]) {
    const window = Math.max(1, dayDiff(t.fittingOutFrom!, '2024-01-31'));
    for (let k = 0; k < perBay.get(t)!; k++) {
      const type = typeFor(t.enterprise < leadingCount, random());
      const spec = MODELS[type];
      const offset = k === 0 ? Math.floor(random() * Math.min(window, 45)) : Math.floor(random() * window);
      machines.push({
        serialNumber: `SFS-${String(machines.length + 1).padStart(4, '0')}`,
        type,
        manufacturer: spec.maker,
        model: spec.model,
        axes: spec.axes,
        spindlePowerKw: spec.kw,
        commissionedYear: 2016 + Math.floor(random() * 8),
        enterprise: t.enterprise,
        unit: t.unit,
        installedOn: addDays(t.fittingOutFrom!, Math.min(offset, window)),
      });
    }
  }

  const events: DemoMachineEvent[] = [];
  const plans: DemoPlan[] = [];
  const maintenance: DemoMaintenance[] = [];
  const end = parkTime(addDays(EVENTS_UNTIL, 1), 0);
  for (const m of machines) {
    const service = SERVICE[m.type];
    plans.push({
      serialNumber: m.serialNumber,
      task: service.task,
      everyDays: service.days,
      everyHours: service.hours,
      startsOn: m.installedOn,
    });
    // A used machine arrives with hours on its meter.
    let meter = Math.round((2024 - m.commissionedYear) * 900 * random());
    let at = parkTime(m.installedOn, 9 + Math.floor(random() * 6));
    let status = MachineStatus.RUNNING;
    let downKind: DowntimeKind | null = null;
    let serviceMeter = meter;
    let nextService = addDays(m.installedOn, service.days - 5 - Math.floor(random() * 20));
    const push = (e: Omit<DemoMachineEvent, 'serialNumber' | 'at'>) =>
      events.push({ serialNumber: m.serialNumber, at: new Date(at).toISOString(), ...e });
    const meterReading = () => push({ status: null, downKind: null, reasonCode: null, meterHours: meter });
    /** Service before the hour or day limit, while running, until a week before the reference date. */
    const serviceIfDue = (day: string) => {
      const near =
        day >= nextService || meter - serviceMeter >= service.hours - 10 - Math.floor(random() * 30);
      if (!near || day > '2024-01-25' || status !== MachineStatus.RUNNING) return;
      maintenance.push({
        serialNumber: m.serialNumber,
        performedOn: day,
        workDone: service.task,
        downtimeHours: 2 + Math.floor(random() * 6),
        cost: 300 + Math.floor(random() * 40) * 50,
        performedBy: random() < 0.5 ? '厂家售后服务部 (maker service)' : '园区设备维修站 (park workshop)',
        meterHours: meter,
      });
      serviceMeter = meter;
      nextService = addDays(day, service.days - 5 - Math.floor(random() * 20));
    };
    push({ status, downKind: null, reasonCode: null, meterHours: null });
    meterReading();
    // Before HISTORY_FROM: running, with a meter reading every four weeks only.
    while (parkDay(at + 28 * 24 * HOUR) < HISTORY_FROM) {
      at += 28 * 24 * HOUR;
      meter += 160 + Math.floor(random() * 80);
      meterReading();
      serviceIfDue(parkDay(at));
    }
    let lastMeterDay = parkDay(at);
    for (;;) {
      // How long the current status lasts: a shift of work, a night or weekend idle, a repair, a tool change.
      const hours =
        status === MachineStatus.RUNNING
          ? 12 + Math.floor(random() * 36)
          : status === MachineStatus.IDLE
            ? 24 + Math.floor(random() * 48)
            : downKind === DowntimeKind.UNPLANNED
              ? 2 + Math.floor(random() * 36)
              : 1 + Math.floor(random() * 6);
      if (at + hours * HOUR >= end) break;
      if (status === MachineStatus.RUNNING) meter += hours;
      at += hours * HOUR;
      const r = random();
      let reasonCode: string | null = null;
      downKind = null;
      if (status !== MachineStatus.RUNNING) status = MachineStatus.RUNNING;
      else if (r < 0.05) {
        status = MachineStatus.DOWN;
        downKind = DowntimeKind.UNPLANNED;
        reasonCode = UNPLANNED_REASONS[Math.floor(random() * UNPLANNED_REASONS.length)]!;
      } else if (r < 0.09) {
        status = MachineStatus.DOWN;
        downKind = DowntimeKind.PLANNED;
        reasonCode = PLANNED_REASONS[Math.floor(random() * PLANNED_REASONS.length)]!;
      } else status = MachineStatus.IDLE;
      push({ status, downKind, reasonCode, meterHours: null });
      const day = parkDay(at);
      // A meter reading a second after the first status change of each week.
      if (dayDiff(lastMeterDay, day) >= 7) {
        lastMeterDay = day;
        at += 1000;
        meterReading();
      }
      serviceIfDue(day);
    }
  }
  return { machines, events, plans, maintenance };
}
