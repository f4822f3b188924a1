import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { StageEventKind, TenancyStage } from './tenancy.enums';
import { TenancyEntity } from './tenancy.entity';

/** Append-only history of a tenancy's stages: every change and every correction, never updated or deleted. */
@Entity('tenancy_stage_event')
@Index('tenancy_stage_event_tenancy_id_idx', ['tenancyId', 'recordedAt'])
export class TenancyStageEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  tenancyId: string;

  @ManyToOne(() => TenancyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenancy_id', foreignKeyConstraintName: 'tenancy_stage_event_tenancy_id_fkey' })
  tenancy?: TenancyEntity;

  @Column({ type: 'enum', enum: StageEventKind, enumName: 'stage_event_kind' })
  kind: StageEventKind;

  @Column({ type: 'enum', enum: TenancyStage, enumName: 'tenancy_stage' })
  stage: TenancyStage;

  /** The date the stage took effect; null on a correction that withdraws a mistaken stage. */
  @Column({ type: 'date', nullable: true })
  effectiveOn: string | null;

  /** On a correction: the date the corrected entry had. */
  @Column({ type: 'date', nullable: true })
  previousEffectiveOn: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
