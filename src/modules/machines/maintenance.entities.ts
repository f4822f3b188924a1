import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { MachineEntity } from './machine.entity';

/** Maintenance every N days and/or every N runtime hours, whichever comes first, counted from startsOn. */
@Entity('maintenance_plan')
@Index('maintenance_plan_machine_id_idx', ['machineId'])
// Target of maintenance records' (plan_id, machine_id) foreign key.
@Unique('maintenance_plan_id_machine_id_key', ['id', 'machineId'])
@Check('maintenance_plan_has_interval', '"every_days" IS NOT NULL OR "every_hours" IS NOT NULL')
@Check('maintenance_plan_every_days_range', '"every_days" IS NULL OR "every_days" BETWEEN 1 AND 3650')
@Check('maintenance_plan_every_hours_range', '"every_hours" IS NULL OR "every_hours" BETWEEN 1 AND 100000')
export class MaintenancePlanEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  machineId: string;

  @ManyToOne(() => MachineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'machine_id', foreignKeyConstraintName: 'maintenance_plan_machine_id_fkey' })
  machine?: MachineEntity;

  @Column({ type: 'varchar', length: 200 })
  task: string;

  @Column({ type: 'integer', nullable: true })
  everyDays: number | null;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  everyHours: string | null;

  /** The day counting starts (the first interval runs from here, and from the meter reading of that day). */
  @Column({ type: 'date' })
  startsOn: string;
}

/** Maintenance done on a machine, against a plan or not. */
@Entity('maintenance_record')
@Index('maintenance_record_machine_id_performed_on_idx', ['machineId', 'performedOn'])
@Index('maintenance_record_plan_id_performed_on_idx', ['planId', 'performedOn'])
@Check('maintenance_record_downtime_non_negative', '"downtime_hours" >= 0')
@Check('maintenance_record_cost_non_negative', '"cost" >= 0')
@Check('maintenance_record_meter_non_negative', '"meter_hours" IS NULL OR "meter_hours" >= 0')
export class MaintenanceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  machineId: string;

  @ManyToOne(() => MachineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'machine_id', foreignKeyConstraintName: 'maintenance_record_machine_id_fkey' })
  machine?: MachineEntity;

  /** (plan_id, machine_id) → maintenance_plan(id, machine_id): a record fulfils a plan of its own machine. */
  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => MaintenancePlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'plan_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'maintenance_record_plan_id_machine_id_fkey',
    },
    {
      name: 'machine_id',
      referencedColumnName: 'machineId',
      foreignKeyConstraintName: 'maintenance_record_plan_id_machine_id_fkey',
    },
  ])
  plan?: MaintenancePlanEntity;

  @Column({ type: 'date' })
  performedOn: string;

  @Column({ type: 'text' })
  workDone: string;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 0 })
  downtimeHours: string;

  /** Cost in yuan (CNY). */
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 })
  cost: string;

  @Column({ type: 'varchar', length: 200 })
  performedBy: string;

  /** The runtime-hour meter when the work was done, if read. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  meterHours: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
