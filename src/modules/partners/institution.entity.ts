import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ParkEntity } from '../space/park.entity';
import { InstitutionKind } from './partner.enums';

/** A partner institution (college, university, government, association…) in a park's partner register. */
@Entity('institution')
@Index('institution_park_id_name_key', ['parkId', 'name'], { unique: true })
@Index('institution_park_id_kind_idx', ['parkId', 'kind'])
// Target of (institution_id, park_id) foreign keys: a partner link never crosses parks.
@Unique('institution_id_park_id_key', ['id', 'parkId'])
export class InstitutionEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'institution_park_id_fkey' })
  park?: ParkEntity;

  /** Chinese name, sorted in pinyin order (see the enterprise name). */
  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  nameEn: string | null;

  @Column({ type: 'enum', enum: InstitutionKind, enumName: 'institution_kind' })
  kind: InstitutionKind;

  /** Where it is, in words (e.g. 重庆市涪陵区). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;
}

/** A contact person of an institution; the list is replaced as a whole when it changes. */
@Entity('institution_contact')
@Index('institution_contact_institution_id_position_key', ['institutionId', 'position'], { unique: true })
export class InstitutionContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'institution_contact_institution_id_fkey' })
  institution?: InstitutionEntity;

  /** Order in the institution's list (0 first). */
  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;
}
