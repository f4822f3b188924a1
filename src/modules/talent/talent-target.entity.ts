import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { ParkEntity } from '../space/park.entity';
import { TalentProgramEntity } from './program.entities';
import { TargetMetric } from './talent.enums';

/** A named goal (e.g. 3000 skilled digital-creative workers in three years); progress is computed, never stored. */
@Entity('talent_target')
@Index('talent_target_park_id_name_key', ['parkId', 'name'], { unique: true })
@Check('talent_target_value_positive', '"value" > 0')
@Check('talent_target_due_after_start', '"due_on" > "starts_on"')
export class TalentTargetEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'talent_target_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'enum', enum: TargetMetric, enumName: 'target_metric' })
  metric: TargetMetric;

  /** Only trainees of this program's cohorts count; null: the whole park. */
  @Column({ type: 'uuid', nullable: true })
  programId: string | null;

  @ManyToOne(() => TalentProgramEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'program_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'talent_target_program_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'talent_target_program_id_park_id_fkey',
    },
  ])
  program?: TalentProgramEntity;

  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  dueOn: string;
}
