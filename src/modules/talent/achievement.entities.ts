import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ParkEntity } from '../space/park.entity';
import { CertificationLevel, ContestLevel } from './talent.enums';
import { TraineeEntity } from './trainee.entities';

/** A vocational skill certificate held by a person (trainee or not). */
@Entity('certification')
@Index('certification_issuer_certificate_number_key', ['issuer', 'certificateNumber'], { unique: true })
@Index('certification_trainee_id_idx', ['traineeId'])
@Check('certification_expiry_after_issue', '"expires_on" IS NULL OR "expires_on" > "issued_on"')
export class CertificationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'uuid' })
  traineeId: string;

  @ManyToOne(() => TraineeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'trainee_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'certification_trainee_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'certification_trainee_id_park_id_fkey',
    },
  ])
  trainee?: TraineeEntity;

  /** e.g. 工艺品雕刻工 (craft carver). */
  @Column({ type: 'varchar', length: 100 })
  occupation: string;

  @Column({ type: 'enum', enum: CertificationLevel, enumName: 'certification_level' })
  level: CertificationLevel;

  /** Null once the holder is erased. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'varchar', length: 200 })
  issuer: string;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;
}

/** A skills contest, or one round of it. */
@Entity('contest')
@Index('contest_park_id_name_round_key', ['parkId', 'name', 'round'], { unique: true })
@Unique('contest_id_park_id_key', ['id', 'parkId'])
@Check('contest_dates', '"ends_on" >= "starts_on"')
export class ContestEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'contest_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'enum', enum: ContestLevel, enumName: 'contest_level' })
  level: ContestLevel;

  /** e.g. 西部赛区 (western regional round), 总决赛 (final). */
  @Column({ type: 'varchar', length: 100 })
  round: string;

  @Column({ type: 'varchar', length: 200 })
  host: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;
}

/** A person's entry in a contest, with its result. */
@Entity('contest_entry')
@Index('contest_entry_contest_id_trainee_id_key', ['contestId', 'traineeId'], { unique: true })
@Index('contest_entry_trainee_id_idx', ['traineeId'])
@Check('contest_entry_rank_positive', '"rank" IS NULL OR "rank" > 0')
export class ContestEntryEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'uuid' })
  contestId: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'contest_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'contest_entry_contest_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'contest_entry_contest_id_park_id_fkey',
    },
  ])
  contest?: ContestEntity;

  @Column({ type: 'uuid' })
  traineeId: string;

  @ManyToOne(() => TraineeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'trainee_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'contest_entry_trainee_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'contest_entry_trainee_id_park_id_fkey',
    },
  ])
  trainee?: TraineeEntity;

  /** In words, e.g. 二等奖 or "did not finish". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  result: string | null;

  @Column({ type: 'integer', nullable: true })
  rank: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  award: string | null;

  /** Recommended to the next round (the final, for a regional round). */
  @Column({ type: 'boolean', default: false })
  recommended: boolean;
}
