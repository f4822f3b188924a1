import { EntityManager } from 'typeorm';
import { DemoTenancy } from './demo-data';
import { buildDemoMachines } from './demo-machines';

/**
 * Writes the demo machines, their placements, status events, meter readings, plans and maintenance: one
 * multi-row statement per table. Returns the number of machines.
 */
export async function seedDemoMachines(
  m: EntityManager,
  ctx: {
    parkId: string;
    tenancies: DemoTenancy[];
    leadingCount: number;
    enterpriseIds: string[];
    unitIds: Map<string, string>;
  },
): Promise<number> {
  const data = buildDemoMachines(ctx.tenancies, ctx.leadingCount);
  const rows = await m.query<{ id: string; serial_number: string }[]>(
    `INSERT INTO machine (park_id, serial_number, type, manufacturer, model, axes, spindle_power_kw, commissioned_year, owner_enterprise_id)
     SELECT $2, x.serial_number, x.type::machine_type, x.manufacturer, x.model, x.axes, x.spindle_power_kw, x.commissioned_year, x.owner
     FROM jsonb_to_recordset($1::jsonb) AS x(serial_number text, type text, manufacturer text, model text, axes smallint,
          spindle_power_kw numeric, commissioned_year smallint, owner uuid)
     RETURNING id, serial_number`,
    [
      JSON.stringify(
        data.machines.map((x) => ({
          serial_number: x.serialNumber,
          type: x.type,
          manufacturer: x.manufacturer,
          model: x.model,
          axes: x.axes,
          spindle_power_kw: x.spindlePowerKw,
          commissioned_year: x.commissionedYear,
          owner: ctx.enterpriseIds[x.enterprise],
        })),
      ),
      ctx.parkId,
    ],
  );
  const id = new Map(rows.map((r) => [r.serial_number, r.id]));
  await m.query(
    `INSERT INTO machine_placement (park_id, machine_id, unit_id, from_on, note)
     SELECT $2, x.machine_id, x.unit_id, x.from_on, 'demo data' FROM jsonb_to_recordset($1::jsonb) AS x(machine_id uuid, unit_id uuid, from_on date)`,
    [
      JSON.stringify(
        data.machines.map((x) => ({
          machine_id: id.get(x.serialNumber),
          unit_id: ctx.unitIds.get(x.unit),
          from_on: x.installedOn,
        })),
      ),
      ctx.parkId,
    ],
  );
  // Typed arrays rather than JSON: this is the one large table of the demo (about 12,000 rows).
  const ev = data.events;
  await m.query(
    `INSERT INTO machine_event (machine_id, occurred_at, kind, status, down_kind, reason_code, meter_hours, source)
     SELECT x.machine_id, x.at, CASE WHEN x.status IS NULL THEN 'METER' ELSE 'STATUS' END::machine_event_kind,
            x.status, x.down_kind, x.reason_code, x.meter_hours, 'demo data'
     FROM unnest($1::uuid[], $2::timestamptz[], $3::machine_status[], $4::downtime_kind[], $5::text[], $6::numeric[])
          AS x(machine_id, at, status, down_kind, reason_code, meter_hours)`,
    [
      ev.map((e) => id.get(e.serialNumber)),
      ev.map((e) => e.at),
      ev.map((e) => e.status),
      ev.map((e) => e.downKind),
      ev.map((e) => e.reasonCode),
      ev.map((e) => e.meterHours),
    ],
  );
  const plans = await m.query<{ id: string; machine_id: string }[]>(
    `INSERT INTO maintenance_plan (machine_id, task, every_days, every_hours, starts_on)
     SELECT x.machine_id, x.task, x.every_days, x.every_hours, x.starts_on
     FROM jsonb_to_recordset($1::jsonb) AS x(machine_id uuid, task text, every_days int, every_hours numeric, starts_on date)
     RETURNING id, machine_id`,
    [
      JSON.stringify(
        data.plans.map((p) => ({
          machine_id: id.get(p.serialNumber),
          task: p.task,
          every_days: p.everyDays,
          every_hours: p.everyHours,
          starts_on: p.startsOn,
        })),
      ),
    ],
  );
  // One plan per demo machine: its records fulfil it.
  const planOf = new Map(plans.map((p) => [p.machine_id, p.id]));
  await m.query(
    `INSERT INTO maintenance_record (machine_id, plan_id, performed_on, work_done, downtime_hours, cost, performed_by, meter_hours)
     SELECT x.machine_id, x.plan_id, x.performed_on, x.work_done, x.downtime_hours, x.cost, x.performed_by, x.meter_hours
     FROM jsonb_to_recordset($1::jsonb) AS x(machine_id uuid, plan_id uuid, performed_on date, work_done text,
          downtime_hours numeric, cost numeric, performed_by text, meter_hours numeric)`,
    [
      JSON.stringify(
        data.maintenance.map((r) => ({
          machine_id: id.get(r.serialNumber),
          plan_id: planOf.get(id.get(r.serialNumber)!),
          performed_on: r.performedOn,
          work_done: r.workDone,
          downtime_hours: r.downtimeHours,
          cost: r.cost,
          performed_by: r.performedBy,
          meter_hours: r.meterHours,
        })),
      ),
    ],
  );
  return rows.length;
}
