import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ContractEntity } from './contract.entities';
import { DepositEventKind, PaymentMethod } from './contract.enums';

/**
 * One bill of a contract's rent schedule. Issued bills (issued_on set, or anything paid) are never rewritten; the
 * `paid` column is kept by allocations in the same transaction, and its CHECK is the last word against
 * over-allocation under concurrency.
 */
@Entity('contract_bill')
@Index('contract_bill_contract_id_period_start_key', ['contractId', 'periodStart'], { unique: true })
@Index('contract_bill_park_id_due_on_idx', ['parkId', 'dueOn'])
// Receivables read the bills still open: a partial index keeps that proportional to what is owed, not to history.
@Index('contract_bill_open_park_id_due_on_idx', ['parkId', 'dueOn'], { where: '"paid" < "amount"' })
@Check('contract_bill_period_order', '"period_end" > "period_start"')
@Check('contract_bill_rent_free_days_range', '"rent_free_days" BETWEEN 0 AND "days"')
@Check('contract_bill_amounts_non_negative', '"amount_before_incentives" >= 0 AND "incentive_discount" >= 0')
@Check('contract_bill_rent_amount', '"rent_amount" = "amount_before_incentives" - "incentive_discount"')
@Check('contract_bill_amount_total', '"amount" = "rent_amount" + "adjustment" AND "amount" >= 0')
@Check('contract_bill_paid_range', '"paid" >= 0 AND "paid" <= "amount"')
export class ContractBillEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_bill_contract_id_fkey' })
  contract?: ContractEntity;

  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'smallint' })
  cycleMonths: number;

  @Column({ type: 'integer' })
  days: number;

  @Column({ type: 'integer' })
  rentFreeDays: number;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amountBeforeIncentives: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  incentiveDiscount: string;

  /** The period's rent after incentives. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  rentAmount: string;

  /** Differences of issued bills after an amendment, carried onto this bill (may be negative). */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  adjustment: string;

  /** What is owed for this bill: rentAmount + adjustment. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  paid: string;

  @Column({ type: 'date', nullable: true })
  issuedOn: string | null;
}

/** Money received against a contract; allocated to its bills oldest first (or a named bill first). */
@Entity('contract_payment')
@Index('contract_payment_contract_id_received_on_idx', ['contractId', 'receivedOn'])
@Check('contract_payment_amount_positive', '"amount" > 0')
@Check('contract_payment_allocated_range', '"allocated" >= 0 AND "allocated" <= "amount"')
export class ContractPaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'contract_payment_contract_id_fkey' })
  contract?: ContractEntity;

  @Column({ type: 'uuid' })
  parkId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  /** Part of the amount allocated to bills; the rest is credit. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  allocated: string;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method' })
  method: PaymentMethod;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Part of a payment paying part of a bill. */
@Entity('payment_allocation')
@Index('payment_allocation_bill_id_idx', ['billId'])
// Aging as of a past date also counts bills paid after it: found from the allocations made after that date.
@Index('payment_allocation_allocated_on_idx', ['allocatedOn', 'billId'])
@Check('payment_allocation_amount_positive', '"amount" > 0')
export class PaymentAllocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  paymentId: string;

  @PrimaryColumn({ type: 'uuid' })
  billId: string;

  @ManyToOne(() => ContractPaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'payment_allocation_payment_id_fkey' })
  payment?: ContractPaymentEntity;

  @ManyToOne(() => ContractBillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bill_id', foreignKeyConstraintName: 'payment_allocation_bill_id_fkey' })
  bill?: ContractBillEntity;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  /** The payment's date: the day the bill was (partly) paid, for figures as of a date. */
  @Column({ type: 'date' })
  allocatedOn: string;
}

/** A movement of a contract's deposit (押金). */
@Entity('deposit_event')
@Index('deposit_event_contract_id_on_idx', ['contractId', 'occurredOn'])
@Check('deposit_event_amount_positive', '"amount" > 0')
export class DepositEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'deposit_event_contract_id_fkey' })
  contract?: ContractEntity;

  @Column({ type: 'enum', enum: DepositEventKind, enumName: 'deposit_event_kind' })
  kind: DepositEventKind;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** For APPLIED: the DEPOSIT payment it became. */
  @Column({ type: 'uuid', nullable: true })
  paymentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
