import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DowntimeKind, MachineEventKind, MachineStatus } from './machine.enums';
import { MachineEntity } from './machine.entity';

/**
 * One status change or meter reading from the shop floor, at the instant it happened (events may arrive late and out
 * of order). Unique per machine, kind and instant: a resent event is stored once.
 */
@Entity('machine_event')
// Also the index of "latest status / reading of a machine before an instant".
@Index('machine_event_machine_id_kind_occurred_at_key', ['machineId', 'kind', 'occurredAt'], { unique: true })
@Check(
  'machine_event_payload',
  `("kind" = 'STATUS' AND "status" IS NOT NULL AND "meter_hours" IS NULL) OR ("kind" = 'METER' AND "status" IS NULL AND "meter_hours" IS NOT NULL)`,
)
@Check('machine_event_down_kind', `("status" = 'DOWN') = ("down_kind" IS NOT NULL)`)
@Check(
  'machine_event_reason_code',
  `("status" = 'DOWN' AND "reason_code" IS NOT NULL) OR ("status" IS DISTINCT FROM 'DOWN' AND "reason_code" IS NULL)`,
)
@Check('machine_event_meter_non_negative', '"meter_hours" IS NULL OR "meter_hours" >= 0')
export class MachineEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  machineId: string;

  @ManyToOne(() => MachineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'machine_id', foreignKeyConstraintName: 'machine_event_machine_id_fkey' })
  machine?: MachineEntity;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'enum', enum: MachineEventKind, enumName: 'machine_event_kind' })
  kind: MachineEventKind;

  @Column({ type: 'enum', enum: MachineStatus, enumName: 'machine_status', nullable: true })
  status: MachineStatus | null;

  @Column({ type: 'enum', enum: DowntimeKind, enumName: 'downtime_kind', nullable: true })
  downKind: DowntimeKind | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reasonCode: string | null;

  /** Runtime-hour meter; numeric, read as a string by pg. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  meterHours: string | null;

  /** Who reported it: a gateway key's or a user's name. */
  @Column({ type: 'varchar', length: 200 })
  source: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
