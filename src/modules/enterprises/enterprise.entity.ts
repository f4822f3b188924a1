import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { ParkEntity } from '../space/park.entity';
import { BaseEntity } from '../../common/entities/base.entity';
import { Industry, Province } from './enterprise.enums';

@Entity('enterprise')
@Check('enterprise_credit_code_format', `"credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`)
@Index('enterprise_industry_idx', ['industry'])
@Index('enterprise_park_id_credit_code_key', ['parkId', 'creditCode'], { unique: true })
// Target of tenancies' (enterprise_id, park_id) foreign key.
@Unique('enterprise_id_park_id_key', ['id', 'parkId'])
export class EnterpriseEntity extends BaseEntity {
  /** The park whose register the enterprise is in (each management committee keeps its own). */
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'enterprise_park_id_fkey' })
  park?: ParkEntity;

  /**
   * Registered Chinese name. Sorted in pinyin order by the `zh_pinyin` collation (ICU), which the migration creates as
   * a copy of "C" (code point order) on a server built without ICU.
   */
  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  /** 统一社会信用代码 (GB 32100-2015); the check character is verified by the service before insert. */
  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'enum', enum: Industry, enumName: 'industry' })
  industry: Industry;

  @Column({ type: 'enum', enum: Province, enumName: 'province' })
  originProvince: Province;

  @Column({ type: 'varchar', length: 100, nullable: true })
  originCity: string | null;

  /** 龙头企业: a leading enterprise of its industry. */
  @Column({ type: 'boolean', default: false })
  leading: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'date', nullable: true })
  registeredOn: string | null;
}
