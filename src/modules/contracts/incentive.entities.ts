import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { ParkEntity } from '../space/park.entity';
import { ContractEntity } from './contract.entities';
import { IncentiveKind } from './contract.enums';

/** An incentive policy (招商政策) of a park and who qualifies for it. */
@Entity('incentive_policy')
@Index('incentive_policy_park_id_name_key', ['parkId', 'name'], { unique: true })
@Check('incentive_policy_discount_for_discounts', `("kind" = 'DISCOUNT') = ("discount_percent" IS NOT NULL)`)
@Check(
  'incentive_policy_discount_range',
  '"discount_percent" IS NULL OR "discount_percent" BETWEEN 0.01 AND 100',
)
@Check('incentive_policy_months_range', '"months" BETWEEN 1 AND 120')
export class IncentivePolicyEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'incentive_policy_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: IncentiveKind, enumName: 'incentive_kind' })
  kind: IncentiveKind;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  discountPercent: string | null;

  @Column({ type: 'smallint' })
  months: number;

  /** Only leading enterprises (龙头企业) qualify. */
  @Column({ type: 'boolean', default: false })
  requiresLeading: boolean;

  /** Only enterprises from these provinces qualify (null: any). */
  @Column({ type: 'enum', enum: Province, enumName: 'province', array: true, nullable: true })
  originProvinces: Province[] | null;

  /** Only enterprises of these industries qualify (null: any). */
  @Column({ type: 'enum', enum: Industry, enumName: 'industry', array: true, nullable: true })
  industries: Industry[] | null;
}

/** An incentive policy applied to a contract (after its qualification check passed). */
@Entity('contract_incentive')
@Index('contract_incentive_policy_id_idx', ['policyId'])
export class ContractIncentiveEntity {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @PrimaryColumn({ type: 'uuid' })
  policyId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_incentive_contract_id_fkey' })
  contract?: ContractEntity;

  @ManyToOne(() => IncentivePolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'contract_incentive_policy_id_fkey' })
  policy?: IncentivePolicyEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
