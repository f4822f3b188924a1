import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { ParkEntity } from '../space/park.entity';
import { MachineType } from './machine.enums';

/** A stone CNC machine owned by an enterprise of a park's register. Where it stands lives in machine_placement. */
@Entity('machine')
@Index('machine_serial_number_key', ['serialNumber'], { unique: true })
@Index('machine_owner_enterprise_id_idx', ['ownerEnterpriseId'])
// Target of placements' (machine_id, park_id) foreign key.
@Unique('machine_id_park_id_key', ['id', 'parkId'])
@Check('machine_axes_range', '"axes" IS NULL OR "axes" BETWEEN 1 AND 9')
@Check('machine_spindle_power_positive', '"spindle_power_kw" IS NULL OR "spindle_power_kw" > 0')
@Check(
  'machine_commissioned_year_range',
  '"commissioned_year" IS NULL OR "commissioned_year" BETWEEN 1950 AND 2199',
)
export class MachineEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'machine_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 64 })
  serialNumber: string;

  @Column({ type: 'enum', enum: MachineType, enumName: 'machine_type' })
  type: MachineType;

  @Column({ type: 'varchar', length: 200 })
  manufacturer: string;

  @Column({ type: 'varchar', length: 200 })
  model: string;

  @Column({ type: 'smallint', nullable: true })
  axes: number | null;

  /** Spindle power in kW; numeric, read as a string by pg. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  spindlePowerKw: string | null;

  @Column({ type: 'smallint', nullable: true })
  commissionedYear: number | null;

  /** The owner, in the same park's register: (owner_enterprise_id, park_id) → enterprise(id, park_id). */
  @Column({ type: 'uuid' })
  ownerEnterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'owner_enterprise_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'machine_owner_enterprise_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'machine_owner_enterprise_id_park_id_fkey',
    },
  ])
  owner?: EnterpriseEntity;
}
