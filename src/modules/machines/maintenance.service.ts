import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { DataSource } from 'typeorm';
import { PG_FOREIGN_KEY_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { writeAudit } from '../access/audit';
import { Actor } from '../access/principal';
import { CreateMaintenancePlanInput, RecordMaintenanceInput } from './dto/maintenance.inputs';
import { MaintenanceDueBy } from './machine.enums';
import { PlanRow, RecordRow, toPlan, toRecord } from './machine.mappers';
import { MaintenanceDue, MaintenancePlan, MaintenanceRecord } from './machine.models';
import { meterAtSql, placedOnSql, statusAtSql } from './machine-sql';
import { endOfParkDay } from './machine-time';
import { MachineRegistryService } from './machine-registry.service';
import { MachineErrors } from './machines.errors';

interface DueRow extends PlanRow {
  last_on: string | null;
  due_on: string | null;
  days_overdue: number | null;
  hours_since: string | null;
  hours_overdue: string | null;
  day_share: number | null;
  hour_share: number | null;
}

/** Maintenance plans and records, and what is due. */
@Injectable()
export class MaintenanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: MachineRegistryService,
  ) {}

  async createPlan(actor: Actor, input: CreateMaintenancePlanInput): Promise<MaintenancePlan> {
    if (input.everyDays === undefined && input.everyHours === undefined)
      throw MachineErrors.planNeedsInterval();
    return inTransaction(this.db, async (m) => {
      const machine = await this.registry.lockMachine(m, actor, input);
      const [row] = await m.query<PlanRow[]>(
        `INSERT INTO maintenance_plan (machine_id, task, every_days, every_hours, starts_on)
         VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [machine.id, input.task, input.everyDays ?? null, input.everyHours ?? null, input.startsOn],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'MaintenancePlan',
          entityId: row.id,
          parkId: machine.park_id,
          before: null,
          after: row,
        },
      ]);
      return toPlan(row);
    });
  }

  async record(actor: Actor, input: RecordMaintenanceInput): Promise<MaintenanceRecord> {
    try {
      return await inTransaction(this.db, async (m) => {
        const machine = await this.registry.lockMachine(m, actor, input);
        const [row] = await m.query<RecordRow[]>(
          `INSERT INTO maintenance_record (machine_id, plan_id, performed_on, work_done, downtime_hours, cost, performed_by, meter_hours)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          [
            machine.id,
            input.planId ?? null,
            input.performedOn,
            input.workDone,
            input.downtimeHours ?? 0,
            input.cost ?? 0,
            input.performedBy,
            input.meterHours ?? null,
          ],
        );
        await writeAudit(m, actor, [
          {
            entityType: 'MaintenanceRecord',
            entityId: row.id,
            parkId: machine.park_id,
            before: null,
            after: row,
          },
        ]);
        return toRecord(row);
      });
    } catch (error) {
      // (plan_id, machine_id) → maintenance_plan(id, machine_id): the plan is missing or another machine's.
      if (pgError(error).code === PG_FOREIGN_KEY_VIOLATION) throw MachineErrors.planOfOtherMachine();
      throw error;
    }
  }

  /**
   * Plans of the machines standing in the scope on asOf (not decommissioned) that are due within `withinDays` by the
   * calendar, within `withinHours` by the meter, or overdue; most overdue first. Counting runs from the last
   * maintenance recorded against the plan on or before asOf, else from the plan's start; hours are meter hours
   * (the reading recorded with that maintenance, else the meter at the end of that day).
   */
  async due(
    parkId: string,
    zoneId: string | null,
    asOf: string,
    withinDays: number,
    withinHours: number,
  ): Promise<MaintenanceDue[]> {
    const rows = await this.db.query<DueRow[]>(
      `WITH scoped AS (
         SELECT m.id FROM machine_placement p
         JOIN machine m ON m.id = p.machine_id
         JOIN unit u ON u.id = p.unit_id
         WHERE p.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND ${placedOnSql('p', '$3::date')}
           AND ${statusAtSql('m', '$4::timestamptz')} IS DISTINCT FROM 'DECOMMISSIONED'
       ),
       plans AS (
         SELECT pl.*, last.performed_on AS last_on, last.meter_hours AS last_meter,
                coalesce(last.performed_on, pl.starts_on) AS since_on
         FROM maintenance_plan pl
         JOIN scoped s ON s.id = pl.machine_id
         LEFT JOIN LATERAL (SELECT r.performed_on, r.meter_hours FROM maintenance_record r
                            WHERE r.plan_id = pl.id AND r.performed_on <= $3::date
                            ORDER BY r.performed_on DESC, r.created_at DESC LIMIT 1) last ON true
         WHERE pl.starts_on <= $3::date
       ),
       measured AS (
         SELECT p.*, p.since_on + p.every_days AS due_on,
                ${meterAtSql('p.machine_id', '$4::timestamptz')} AS meter_now,
                coalesce(p.last_meter,
                         ${meterAtSql('p.machine_id', `((p.since_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`)},
                         0) AS meter_since
         FROM plans p
       ),
       due AS (
         SELECT m.*, ($3::date - m.due_on) AS days_overdue,
                m.meter_now - m.meter_since AS hours_since,
                m.meter_now - m.meter_since - m.every_hours AS hours_overdue,
                ($3::date - m.since_on)::float8 / m.every_days AS day_share,
                ((m.meter_now - m.meter_since) / m.every_hours)::float8 AS hour_share
         FROM measured m
       )
       SELECT id, machine_id, task, every_days, every_hours, starts_on, version, last_on, due_on, days_overdue,
              hours_since, hours_overdue, day_share, hour_share
       FROM due
       WHERE days_overdue >= -$5::int OR hours_overdue >= -$6::numeric
       ORDER BY greatest(day_share, hour_share) DESC NULLS LAST, id`,
      [parkId, zoneId, asOf, endOfParkDay(asOf), withinDays, withinHours],
    );
    return rows.map((r) => {
      const hoursOverdue = r.hours_overdue === null ? null : Number(r.hours_overdue);
      const byHours = r.hour_share !== null && (r.day_share === null || r.hour_share > r.day_share);
      return {
        machineId: r.machine_id,
        asOf,
        plan: toPlan(r),
        lastPerformedOn: r.last_on,
        dueOn: r.due_on,
        daysOverdue: r.days_overdue,
        hoursSinceLast: r.hours_since === null ? null : Number(r.hours_since),
        hoursOverdue,
        overdue: (r.days_overdue ?? 0) > 0 || (hoursOverdue ?? 0) > 0,
        dueBy: byHours ? MaintenanceDueBy.HOURS : MaintenanceDueBy.DAYS,
      };
    });
  }
}
