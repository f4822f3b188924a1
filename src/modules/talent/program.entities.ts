import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { InstitutionEntity } from '../partners/institution.entity';
import { ParkEntity } from '../space/park.entity';
import { ZoneEntity } from '../space/zone.entity';

/** A training program of a park (digital creative production, stone carving craft, jewellery design…). */
@Entity('talent_program')
@Index('talent_program_park_id_code_key', ['parkId', 'code'], { unique: true })
@Unique('talent_program_id_park_id_key', ['id', 'parkId'])
export class TalentProgramEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'talent_program_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;
}

/** One intake of a program: delivered by institutions, trained in a zone of the park. */
@Entity('cohort')
@Index('cohort_park_id_code_key', ['parkId', 'code'], { unique: true })
@Index('cohort_program_id_idx', ['programId'])
@Unique('cohort_id_park_id_key', ['id', 'parkId'])
@Check('cohort_planned_size_positive', '"planned_size" > 0')
export class CohortEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'uuid' })
  programId: string;

  @ManyToOne(() => TalentProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'program_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'cohort_program_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'cohort_program_id_park_id_fkey',
    },
  ])
  program?: TalentProgramEntity;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'date' })
  intakeOn: string;

  @Column({ type: 'integer' })
  plannedSize: number;

  /** Where the cohort trains: a zone of the same park. */
  @Column({ type: 'uuid', nullable: true })
  zoneId: string | null;

  @ManyToOne(() => ZoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'zone_id', referencedColumnName: 'id', foreignKeyConstraintName: 'cohort_zone_id_park_id_fkey' },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'cohort_zone_id_park_id_fkey',
    },
  ])
  zone?: ZoneEntity;
}

/** A trainee's membership of a cohort (a trainee may be in several). */
@Entity('cohort_trainee')
@Index('cohort_trainee_trainee_id_idx', ['traineeId'])
export class CohortTraineeEntity {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid' })
  traineeId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id', foreignKeyConstraintName: 'cohort_trainee_cohort_id_fkey' })
  cohort?: CohortEntity;

  @ManyToOne('TraineeEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainee_id', foreignKeyConstraintName: 'cohort_trainee_trainee_id_fkey' })
  trainee?: unknown;

  @Column({ type: 'date' })
  joinedOn: string;
}

/** An institution delivering a cohort (e.g. 荷马教育 with 重庆健康职业学院); both of the same park. */
@Entity('cohort_institution')
@Index('cohort_institution_institution_id_idx', ['institutionId'])
export class CohortInstitutionEntity {
  @PrimaryColumn({ type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ type: 'uuid' })
  institutionId: string;

  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'cohort_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'cohort_institution_cohort_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'cohort_institution_cohort_id_park_id_fkey',
    },
  ])
  cohort?: CohortEntity;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'institution_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'cohort_institution_institution_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'cohort_institution_institution_id_park_id_fkey',
    },
  ])
  institution?: InstitutionEntity;
}
