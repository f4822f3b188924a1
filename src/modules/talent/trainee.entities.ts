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
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { ParkEntity } from '../space/park.entity';
import { Gender, HomeRegion, TraineeStatus } from './talent.enums';

/**
 * A person the talent pipeline follows: a trainee of one or more cohorts, or a craftsman with certificates and no
 * cohort. The resident ID number is stored encrypted (id_number_cipher), with a keyed hash for uniqueness and its
 * last four characters for search; never in clear. An erased person keeps only what the figures count.
 */
@Entity('trainee')
@Index('trainee_park_id_id_number_hash_key', ['parkId', 'idNumberHash'], { unique: true })
@Index('trainee_park_id_id_number_last4_idx', ['parkId', 'idNumberLast4'])
@Index('trainee_park_id_name_idx', ['parkId', 'name'])
@Unique('trainee_id_park_id_key', ['id', 'parkId'])
@Check(
  'trainee_id_number_parts',
  '("id_number_cipher" IS NULL) = ("id_number_hash" IS NULL) AND ("id_number_hash" IS NULL) = ("id_number_last4" IS NULL)',
)
@Check(
  'trainee_erased_has_no_personal_data',
  '"erased_at" IS NULL OR ("id_number_cipher" IS NULL AND "phone" IS NULL AND "birth_on" IS NULL)',
)
export class TraineeEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'trainee_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 100, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'enum', enum: Gender, enumName: 'gender', nullable: true })
  gender: Gender | null;

  @Column({ type: 'date', nullable: true })
  birthOn: string | null;

  /** AES-256-GCM of the resident ID number (see pii/pii-cipher.ts). */
  @Column({ type: 'bytea', nullable: true })
  idNumberCipher: Buffer | null;

  /** HMAC-SHA256 of the resident ID number: unique per park. */
  @Column({ type: 'bytea', nullable: true })
  idNumberHash: Buffer | null;

  @Column({ type: 'char', length: 4, nullable: true })
  idNumberLast4: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'enum', enum: HomeRegion, enumName: 'home_region', nullable: true })
  homeRegion: HomeRegion | null;

  /** Set by eraseTrainee: the personal fields are gone, the status history and memberships stay for the counts. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}

/** One dated status change of a trainee. Each status at most once per trainee (forward only). */
@Entity('trainee_status_event')
@Index('trainee_status_event_trainee_id_status_key', ['traineeId', 'status'], { unique: true })
@Index('trainee_status_event_trainee_id_effective_on_idx', ['traineeId', 'effectiveOn'])
@Check(
  'trainee_status_event_placement',
  `("status" = 'PLACED') = ("enterprise_id" IS NOT NULL AND "position" IS NOT NULL)`,
)
@Check('trainee_status_event_withdrawal', `("status" = 'WITHDRAWN') = ("reason" IS NOT NULL)`)
export class TraineeStatusEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  traineeId: string;

  @ManyToOne(() => TraineeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'trainee_status_event_trainee_id_fkey' })
  trainee?: TraineeEntity;

  @Column({ type: 'enum', enum: TraineeStatus, enumName: 'trainee_status' })
  status: TraineeStatus;

  @Column({ type: 'date' })
  effectiveOn: string;

  /** PLACED: the employer, in the park's register. */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'trainee_status_event_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  position: string | null;

  /** WITHDRAWN: why. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 200 })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
