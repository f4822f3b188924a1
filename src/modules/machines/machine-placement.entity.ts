import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UnitEntity } from '../space/unit.entity';
import { MachineEntity } from './machine.entity';

/**
 * A machine standing in a unit over [fromOn, untilOn). The exclusion constraint makes two places for one machine on
 * one day impossible, whatever the concurrency; a move closes one row and opens the next on the same date.
 */
@Entity('machine_placement')
@Exclusion(
  'machine_placement_no_overlap',
  `USING gist ("machine_id" WITH =, daterange("from_on", "until_on", '[)') WITH &&)`,
)
@Check('machine_placement_until_after_from', '"until_on" IS NULL OR "until_on" > "from_on"')
@Index('machine_placement_unit_id_from_on_idx', ['unitId', 'fromOn', 'untilOn', 'machineId'])
@Index('machine_placement_machine_id_from_on_idx', ['machineId', 'fromOn'])
export class MachinePlacementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'uuid' })
  machineId: string;

  @ManyToOne(() => MachineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'machine_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'machine_placement_machine_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'machine_placement_machine_id_park_id_fkey',
    },
  ])
  machine?: MachineEntity;

  @Column({ type: 'uuid' })
  unitId: string;

  /** (unit_id, park_id) → unit(id, park_id): a machine stands only in a unit of its own park. */
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'unit_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'machine_placement_unit_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'machine_placement_unit_id_park_id_fkey',
    },
  ])
  unit?: UnitEntity;

  /** First day in the unit. */
  @Column({ type: 'date' })
  fromOn: string;

  /** First day no longer in the unit (moved or removed); null while it stands there. */
  @Column({ type: 'date', nullable: true })
  untilOn: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
