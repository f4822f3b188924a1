import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { ParkEntity } from '../space/park.entity';
import { InstitutionEntity } from './institution.entity';
import { AgreementKind, ObligationMetric } from './partner.enums';

/**
 * An agreement of a park with institutions and/or enterprises. Its status is derived from the dates (see
 * agreement-sql.ts). A renewal is a new agreement naming the one it renews: the chain runs through `renews_id`,
 * and each agreement is renewed at most once.
 */
@Entity('agreement')
@Check('agreement_term_order', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check(
  'agreement_termination',
  `("terminated_on" IS NULL) = ("termination_reason" IS NULL) AND ("terminated_on" IS NULL OR "signed_on" IS NOT NULL)`,
)
@Check('agreement_not_own_renewal', `"renews_id" IS DISTINCT FROM "id"`)
@Index('agreement_park_id_kind_idx', ['parkId', 'kind'])
@Index('agreement_park_id_ends_on_idx', ['parkId', 'endsOn'])
@Index('agreement_renews_id_key', ['renewsId'], { unique: true })
@Unique('agreement_id_park_id_key', ['id', 'parkId'])
export class AgreementEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'agreement_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'enum', enum: AgreementKind, enumName: 'agreement_kind' })
  kind: AgreementKind;

  /** Null while a draft. */
  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'date' })
  startsOn: string;

  /** Last day of the term; null: open-ended. */
  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'date', nullable: true })
  terminatedOn: string | null;

  @Column({ type: 'text', nullable: true })
  terminationReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  renewsId: string | null;

  // Same park: the pair references (id, park_id).
  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'renews_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'agreement_renews_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  renews?: AgreementEntity;
}

/** A party of an agreement other than the park itself: exactly one of an institution or an enterprise. */
@Entity('agreement_party')
@Check('agreement_party_one_of', `num_nonnulls("institution_id", "enterprise_id") = 1`)
@Index('agreement_party_agreement_id_institution_id_key', ['agreementId', 'institutionId'], { unique: true })
@Index('agreement_party_agreement_id_enterprise_id_key', ['agreementId', 'enterpriseId'], { unique: true })
@Index('agreement_party_institution_id_idx', ['institutionId'])
@Index('agreement_party_enterprise_id_idx', ['enterpriseId'])
export class AgreementPartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'agreement_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'agreement_party_agreement_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  agreement?: AgreementEntity;

  @Column({ type: 'uuid', nullable: true })
  institutionId: string | null;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'institution_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'agreement_party_institution_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  institution?: InstitutionEntity;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'enterprise_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'agreement_party_enterprise_id_park_id_fkey',
    },
    { name: 'park_id', referencedColumnName: 'parkId' },
  ])
  enterprise?: EnterpriseEntity;
}

/** Something an agreement commits a party to, with an optional measurable target by a date. */
@Entity('obligation')
@Check('obligation_target_positive', `"target" IS NULL OR "target" > 0`)
@Check(
  'obligation_manual_progress',
  `"manual_progress" IS NULL OR ("metric" = 'MANUAL' AND "manual_progress" >= 0)`,
)
@Index('obligation_agreement_id_idx', ['agreementId'])
export class ObligationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'obligation_agreement_id_fkey' })
  agreement?: AgreementEntity;

  @Column({ type: 'text' })
  description: string;

  @Column({
    type: 'enum',
    enum: ObligationMetric,
    enumName: 'obligation_metric',
    default: ObligationMetric.MANUAL,
  })
  metric: ObligationMetric;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  target: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  manualProgress: string | null;
}
