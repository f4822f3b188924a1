import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ParkEntity } from './park.entity';
import { ZoneKind } from './space.enums';

@Entity('zone')
@Index('zone_park_id_code_key', ['parkId', 'code'], { unique: true })
// Target of units' (zone_id, park_id) foreign key: a unit is always in its zone's park.
@Unique('zone_id_park_id_key', ['id', 'parkId'])
export class ZoneEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'zone_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Column({ type: 'enum', enum: ZoneKind, enumName: 'zone_kind' })
  kind: ZoneKind;
}
