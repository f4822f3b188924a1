import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { TenancyEntity } from '../tenancies/tenancy.entity';
import { PaymentCycle, RentBasis, RentFreeStart } from './contract.enums';

/**
 * A lease contract (租赁合同): its identity, parties and termination. The terms live in contract_version rows (one
 * in force per date); what it covers, in contract_tenancy.
 */
@Entity('contract')
@Index('contract_park_id_number_key', ['parkId', 'number'], { unique: true })
@Index('contract_enterprise_id_idx', ['enterpriseId'])
@Unique('contract_id_park_id_key', ['id', 'parkId'])
@Check('contract_deposit_held_non_negative', '"deposit_held" >= 0')
@Check('contract_termination_complete', '("terminated_on" IS NULL) = ("termination_reason" IS NULL)')
export class ContractEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  /** (enterprise_id, park_id) → enterprise(id, park_id): a contract only with an enterprise of its own park. */
  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'enterprise_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'contract_enterprise_id_park_id_fkey',
    },
    {
      name: 'park_id',
      referencedColumnName: 'parkId',
      foreignKeyConstraintName: 'contract_enterprise_id_park_id_fkey',
    },
  ])
  enterprise?: EnterpriseEntity;

  /** Null while a draft. */
  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'date', nullable: true })
  terminatedOn: string | null;

  @Column({ type: 'text', nullable: true })
  terminationReason: string | null;

  /**
   * The rent-free window [from, until) of the schedule last generated (fit-out date or term start, plus the days and
   * any extra months of incentives): kept with the bills so that figures read it with one join.
   */
  @Column({ type: 'date', nullable: true })
  rentFreeFrom: string | null;

  @Column({ type: 'date', nullable: true })
  rentFreeUntil: string | null;

  /** Deposit received and not refunded or applied: kept by deposit events in the same transaction. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  depositHeld: string;
}

/** The terms of a contract from effectiveFrom until the next version (amendments are new versions). */
@Entity('contract_version')
@Exclusion(
  'contract_version_one_in_force',
  `USING gist ("contract_id" WITH =, daterange("effective_from", "effective_until", '[)') WITH &&)`,
)
@Index('contract_version_contract_id_number_key', ['contractId', 'versionNumber'], { unique: true })
@Check('contract_version_term_order', '"ends_on" > "starts_on"')
@Check(
  'contract_version_effective_order',
  '"effective_until" IS NULL OR "effective_until" > "effective_from"',
)
@Check('contract_version_rate_non_negative', '"rate" >= 0')
@Check('contract_version_due_day_range', '"due_day" BETWEEN 1 AND 28')
@Check('contract_version_escalation_range', '"escalation_percent" BETWEEN 0 AND 100')
@Check('contract_version_rent_free_days_range', '"rent_free_days" BETWEEN 0 AND 3650')
@Check('contract_version_notice_days_range', '"notice_days" BETWEEN 0 AND 3650')
@Check('contract_version_deposit_non_negative', '"deposit_amount" >= 0')
export class ContractVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_version_contract_id_fkey' })
  contract?: ContractEntity;

  @Column({ type: 'smallint' })
  versionNumber: number;

  @Column({ type: 'date' })
  effectiveFrom: string;

  /** First day the next version is in force; null for the latest. */
  @Column({ type: 'date', nullable: true })
  effectiveUntil: string | null;

  @Column({ type: 'date' })
  startsOn: string;

  /** First day after the term. */
  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'enum', enum: RentBasis, enumName: 'rent_basis' })
  rentBasis: RentBasis;

  /** CNY per m² per month (PER_SQUARE_METRE) or per unit per month (FIXED_PER_UNIT). */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  rate: string;

  @Column({ type: 'enum', enum: PaymentCycle, enumName: 'payment_cycle' })
  paymentCycle: PaymentCycle;

  @Column({ type: 'smallint' })
  dueDay: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  escalationPercent: string;

  @Column({ type: 'integer', default: 0 })
  rentFreeDays: number;

  @Column({ type: 'enum', enum: RentFreeStart, enumName: 'rent_free_start' })
  rentFreeStart: RentFreeStart;

  @Column({ type: 'integer', default: 90 })
  noticeDays: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  depositAmount: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A tenancy (one unit) covered by a contract; a tenancy is under one contract at most. */
@Entity('contract_tenancy')
@Index('contract_tenancy_tenancy_id_key', ['tenancyId'], { unique: true })
export class ContractTenancyEntity {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @PrimaryColumn({ type: 'uuid' })
  tenancyId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_tenancy_contract_id_fkey' })
  contract?: ContractEntity;

  @ManyToOne(() => TenancyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenancy_id', foreignKeyConstraintName: 'contract_tenancy_tenancy_id_fkey' })
  tenancy?: TenancyEntity;
}
