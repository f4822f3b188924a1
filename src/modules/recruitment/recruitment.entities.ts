import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { UserEntity } from '../access/user.entity';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { ParkEntity } from '../space/park.entity';
import { LeadStage, RecruitmentEventKind } from './recruitment.enums';

/** A recruitment (招商) event: a market visit, forum, expo or gathering. */
@Entity('recruitment_event')
@Check('recruitment_event_attendance_non_negative', `"attendance" IS NULL OR "attendance" >= 0`)
@Index('recruitment_event_park_id_held_on_idx', ['parkId', 'heldOn'])
@Unique('recruitment_event_id_park_id_key', ['id', 'parkId'])
export class RecruitmentEventEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'recruitment_event_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'enum', enum: RecruitmentEventKind, enumName: 'recruitment_event_kind' })
  kind: RecruitmentEventKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organiser: string | null;

  @Column({ type: 'integer', nullable: true })
  attendance: number | null;
}

/** A prospective tenant enterprise and how far it got. */
@Entity('lead')
@Check('lead_lost_reason', `("stage" = 'LOST') = ("lost_reason" IS NOT NULL)`)
@Check(
  'lead_converted',
  `("stage" = 'CONVERTED') = ("enterprise_id" IS NOT NULL AND "converted_on" IS NOT NULL)`,
)
@Check('lead_credit_code_format', `"credit_code" IS NULL OR "credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`)
@Index('lead_park_id_stage_idx', ['parkId', 'stage'])
@Index('lead_owner_id_next_follow_up_on_idx', ['ownerId', 'nextFollowUpOn'])
@Index('lead_enterprise_id_idx', ['enterpriseId'])
@Unique('lead_id_park_id_key', ['id', 'parkId'])
export class LeadEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'lead_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 200, collation: 'zh_pinyin' })
  name: string;

  @Column({ type: 'char', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'enum', enum: Industry, enumName: 'industry' })
  industry: Industry;

  @Column({ type: 'enum', enum: Province, enumName: 'province', nullable: true })
  originProvince: Province | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  originCity: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  // Removing a user (e.g. the demo users before going live) leaves their leads unassigned.
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'lead_owner_id_fkey' })
  owner?: UserEntity;

  @Column({ type: 'enum', enum: LeadStage, enumName: 'lead_stage', default: LeadStage.NEW })
  stage: LeadStage;

  /** Date the lead was first recorded (its NEW stage). */
  @Column({ type: 'date' })
  createdOn: string;

  /** Date the current stage took effect. */
  @Column({ type: 'date' })
  stageOn: string;

  @Column({ type: 'text', nullable: true })
  lostReason: string | null;

  @Column({ type: 'date', nullable: true })
  nextFollowUpOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'enterprise_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'lead_enterprise_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  enterprise?: EnterpriseEntity;

  @Column({ type: 'date', nullable: true })
  convertedOn: string | null;
}

/** A lead's source events (the events it came from or took part in). */
@Entity('lead_event')
@Index('lead_event_event_id_idx', ['eventId'])
export class LeadEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  leadId: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'lead_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'lead_event_lead_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  lead?: LeadEntity;

  @ManyToOne(() => RecruitmentEventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'event_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'lead_event_event_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  event?: RecruitmentEventEntity;
}

/** The dated history of a lead's stages: one row per stage reached, append-only. */
@Entity('lead_stage_event')
@Index('lead_stage_event_lead_id_stage_key', ['leadId', 'stage'], { unique: true })
export class LeadStageEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => LeadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'lead_stage_event_lead_id_fkey' })
  lead?: LeadEntity;

  @Column({ type: 'enum', enum: LeadStage, enumName: 'lead_stage' })
  stage: LeadStage;

  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
