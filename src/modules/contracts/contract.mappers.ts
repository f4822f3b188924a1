import { formatFen, toFen } from './money';
import {
  ContractStatus,
  DepositEventKind,
  IncentiveKind,
  PaymentCycle,
  PaymentMethod,
  RentBasis,
  RentFreeStart,
} from './contract.enums';
import { Bill, Contract, ContractVersion, DepositEvent, IncentivePolicy, Payment } from './contract.models';
import { Industry, Province } from '../enterprises/enterprise.enums';

/** A contract row joined with the version in force on the date asked about, and its status then. */
export interface ContractRow {
  id: string;
  park_id: string;
  number: string;
  enterprise_id: string;
  signed_on: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  deposit_held: string;
  version: number;
  status: ContractStatus;
  version_number: number;
  starts_on: string;
  ends_on: string;
  rent_basis: RentBasis;
  rate: string;
  payment_cycle: PaymentCycle;
  due_day: number;
  escalation_percent: string;
  rent_free_days: number;
  rent_free_start: RentFreeStart;
  notice_days: number;
  deposit_amount: string;
}

/**
 * The version of contract `c` in force on the date `asOf` (SQL of a bound parameter or column), or its first version
 * when asked about a day before it: an id subquery, so it joins as `JOIN contract_version v ON v.id = …`.
 */
export function versionOnSql(c: string, asOf: string): string {
  return `(SELECT cv.id FROM contract_version cv WHERE cv.contract_id = ${c}.id
    ORDER BY (cv.effective_from <= ${asOf}) DESC, CASE WHEN cv.effective_from <= ${asOf} THEN cv.effective_from END DESC,
             cv.effective_from LIMIT 1)`;
}

/** The select list of a contract `c` with its version `v` and its status on `asOf`. */
export function contractColumns(asOf: string): string {
  return `c.id, c.park_id, c.number, c.enterprise_id, c.signed_on, c.terminated_on, c.termination_reason,
    c.deposit_held, c.version, v.version_number, v.starts_on, v.ends_on, v.rent_basis, v.rate, v.payment_cycle,
    v.due_day, v.escalation_percent, v.rent_free_days, v.rent_free_start, v.notice_days, v.deposit_amount,
    ${contractStatusSql('c', 'v', asOf)} AS status`;
}

/** The one definition of a contract's status on a date (list filter, field and figures agree). */
export function contractStatusSql(c: string, v: string, asOf: string): string {
  return `(CASE WHEN ${c}.terminated_on IS NOT NULL AND ${c}.terminated_on <= ${asOf} THEN 'TERMINATED'
    WHEN ${c}.signed_on IS NULL OR ${c}.signed_on > ${asOf} THEN 'DRAFT'
    WHEN ${v}.ends_on <= ${asOf} THEN 'EXPIRED'
    WHEN ${v}.ends_on - ${asOf} <= ${v}.notice_days THEN 'EXPIRING'
    ELSE 'ACTIVE' END)`;
}

/** True when contract `c` (version `v`) lets its units on `asOf`: signed, term running, not terminated. */
export function inForceSql(c: string, v: string, asOf: string): string {
  return `(${c}.signed_on IS NOT NULL AND ${c}.signed_on <= ${asOf} AND ${v}.starts_on <= ${asOf} AND ${v}.ends_on > ${asOf}
    AND (${c}.terminated_on IS NULL OR ${c}.terminated_on > ${asOf}))`;
}

/** Normalises a numeric from pg ("2500", "2500.5") to the API's money string ("2500.50"). */
export const money = (value: string | number): string => formatFen(toFen(String(value)));

export function toContract(r: ContractRow, asOf: string): Contract {
  return {
    id: r.id,
    parkId: r.park_id,
    enterpriseId: r.enterprise_id,
    asOf,
    number: r.number,
    status: r.status,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    rentBasis: r.rent_basis,
    rate: money(r.rate),
    paymentCycle: r.payment_cycle,
    dueDay: r.due_day,
    escalationPercent: money(r.escalation_percent),
    rentFreeDays: r.rent_free_days,
    rentFreeStart: r.rent_free_start,
    noticeDays: r.notice_days,
    depositAmount: money(r.deposit_amount),
    depositHeld: money(r.deposit_held),
    versionNumber: r.version_number,
    terminatedOn: r.terminated_on,
    terminationReason: r.termination_reason,
    version: r.version,
  };
}

export interface VersionRow {
  id: string;
  contract_id: string;
  version_number: number;
  effective_from: string;
  effective_until: string | null;
  starts_on: string;
  ends_on: string;
  rent_basis: RentBasis;
  rate: string;
  payment_cycle: PaymentCycle;
  due_day: number;
  escalation_percent: string;
  rent_free_days: number;
  rent_free_start: RentFreeStart;
  notice_days: number;
  deposit_amount: string;
  note: string | null;
}

export function toVersion(r: VersionRow): ContractVersion {
  return {
    id: r.id,
    versionNumber: r.version_number,
    effectiveFrom: r.effective_from,
    effectiveUntil: r.effective_until,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    rentBasis: r.rent_basis,
    rate: money(r.rate),
    paymentCycle: r.payment_cycle,
    dueDay: r.due_day,
    escalationPercent: money(r.escalation_percent),
    rentFreeDays: r.rent_free_days,
    note: r.note,
  };
}

export interface BillRow {
  id: string;
  contract_id: string;
  period_start: string;
  period_end: string;
  due_on: string;
  days: number;
  rent_free_days: number;
  amount_before_incentives: string;
  incentive_discount: string;
  rent_amount: string;
  adjustment: string;
  amount: string;
  paid: string;
  issued_on: string | null;
}

export function toBill(r: BillRow): Bill {
  return {
    id: r.id,
    contractId: r.contract_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueOn: r.due_on,
    days: r.days,
    rentFreeDays: r.rent_free_days,
    amountBeforeIncentives: money(r.amount_before_incentives),
    incentiveDiscount: money(r.incentive_discount),
    adjustment: money(r.adjustment),
    amount: money(r.amount),
    paid: money(r.paid),
    outstanding: formatFen(toFen(r.amount) - toFen(r.paid)),
    issued: r.issued_on !== null || toFen(r.paid) > 0n,
  };
}

export interface PaymentRow {
  id: string;
  contract_id: string;
  amount: string;
  allocated: string;
  received_on: string;
  method: PaymentMethod;
  reference: string | null;
}

export function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    contractId: r.contract_id,
    amount: money(r.amount),
    allocated: money(r.allocated),
    credit: formatFen(toFen(r.amount) - toFen(r.allocated)),
    receivedOn: r.received_on,
    method: r.method,
    reference: r.reference,
  };
}

export interface DepositEventRow {
  id: string;
  contract_id: string;
  kind: DepositEventKind;
  amount: string;
  occurred_on: string;
  note: string | null;
}

export const toDepositEvent = (r: DepositEventRow): DepositEvent => ({
  id: r.id,
  kind: r.kind,
  amount: money(r.amount),
  occurredOn: r.occurred_on,
  note: r.note,
});

export interface PolicyRow {
  id: string;
  park_id: string;
  name: string;
  kind: IncentiveKind;
  discount_percent: string | null;
  months: number;
  requires_leading: boolean;
  origin_provinces: Province[] | null;
  industries: Industry[] | null;
}

export const toPolicy = (r: PolicyRow): IncentivePolicy => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  discountPercent: r.discount_percent === null ? null : money(r.discount_percent),
  months: r.months,
  requiresLeading: r.requires_leading,
  originProvinces: r.origin_provinces,
  industries: r.industries,
});
