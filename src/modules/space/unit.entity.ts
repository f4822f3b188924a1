import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ParkEntity } from './park.entity';
import { UnitKind } from './space.enums';
import { ZoneEntity } from './zone.entity';

/** A lettable unit. `parkId` repeats the zone's park so that codes are unique within a park. */
@Entity('unit')
@Index('unit_park_id_code_key', ['parkId', 'code'], { unique: true })
@Index('unit_zone_id_code_idx', ['zoneId', 'code'])
@Check('unit_floor_area_positive', '"floor_area" > 0')
// Target of tenancies' (unit_id, park_id) foreign key.
@Unique('unit_id_park_id_key', ['id', 'parkId'])
@Check('unit_unleasable_has_reason', '"leasable" OR "unleasable_reason" IS NOT NULL')
export class UnitEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'unit_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'uuid' })
  zoneId: string;

  /** (zone_id, park_id) → zone(id, park_id): the database keeps a unit in its zone's park. */
  @ManyToOne(() => ZoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'zone_id', referencedColumnName: 'id', foreignKeyConstraintName: 'unit_zone_id_park_id_fkey' },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'unit_zone_id_park_id_fkey',
    },
  ])
  zone?: ZoneEntity;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'enum', enum: UnitKind, enumName: 'unit_kind' })
  kind: UnitKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  building: string | null;

  @Column({ type: 'smallint', nullable: true })
  floor: number | null;

  /** Floor area in m²; numeric, read as a string by pg and converted at the edge. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  floorArea: string;

  @Column({ type: 'boolean', default: true })
  leasable: boolean;

  @Column({ type: 'text', nullable: true })
  unleasableReason: string | null;
}
