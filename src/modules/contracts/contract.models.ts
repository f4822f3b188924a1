import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { FINANCE_READERS, ReadableBy } from '../access/access.decorators';
import { Industry, Province } from '../enterprises/enterprise.enums';
import {
  ContractStatus,
  DepositEventKind,
  IncentiveKind,
  PaymentCycle,
  PaymentMethod,
  RentBasis,
  RentFreeStart,
} from './contract.enums';

/** How every money field of the API reads; said once here, repeated in each description. */
export const MONEY =
  'CNY as a decimal string with exactly two places (e.g. "2500.00"), computed exactly and rounded half-up to the fen once per bill line';

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description:
    'A lease contract (租赁合同) of an enterprise for one or more tenancies (units). Its terms are those of the version in force on the date asked about (asOf); amendments are further versions.',
})
export class Contract {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  enterpriseId: string;
  /** The date the parent list was asked about; field resolvers default to it. */
  asOf: string;

  @Field({ description: 'Contract number, unique within the park.' })
  number: string;

  @Field(() => ContractStatus, { description: 'Status on asOf, derived from the dates.' })
  status: ContractStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was signed; null while a draft.' })
  signedOn: string | null;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'First day after the term (exclusive end).' })
  endsOn: string;

  @Field(() => RentBasis, { description: 'How the monthly rent is set.' })
  rentBasis: RentBasis;

  @Field({ description: `Rent per m² per month, or per unit per month (see rentBasis); ${MONEY}.` })
  rate: string;

  @Field(() => PaymentCycle, { description: 'How often rent is billed, in advance.' })
  paymentCycle: PaymentCycle;

  @Field(() => Int, { description: 'Day of month (1–28) a bill is due, on or before its period starts.' })
  dueDay: number;

  @Field({
    description: 'Annual escalation in percent, compounding from each anniversary of the start, e.g. "3.00".',
  })
  escalationPercent: string;

  @Field(() => Int, { description: 'Rent-free days (免租期) granted for fit-out.' })
  rentFreeDays: number;

  @Field(() => RentFreeStart, { description: 'Where the rent-free days are counted from.' })
  rentFreeStart: RentFreeStart;

  @Field(() => Int, {
    description: 'Notice period in days: within it before the end the contract is EXPIRING.',
  })
  noticeDays: number;

  @Field({ description: `Deposit (押金) the tenant owes; ${MONEY}.` })
  depositAmount: string;

  @Field({ description: `Deposit received and neither refunded nor applied, now; ${MONEY}.` })
  depositHeld: string;

  @Field(() => Int, { description: 'Number of the version in force on asOf (1 = as signed).' })
  versionNumber: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day the contract was terminated early.' })
  terminatedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was terminated.' })
  terminationReason: string | null;

  @Field(() => Int, { description: 'Edit version; send it back with amendContract.' })
  version: number;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'One version of a contract’s terms: the original, or an amendment from its effective date.',
})
export class ContractVersion {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => Int, { description: 'Version number (1 = as signed).' })
  versionNumber: number;

  @Field(() => DateScalar, { description: 'First day this version is in force.' })
  effectiveFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the next version is in force; null for the latest.',
  })
  effectiveUntil: string | null;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'First day after the term.' })
  endsOn: string;

  @Field(() => RentBasis, { description: 'How the monthly rent is set.' })
  rentBasis: RentBasis;

  @Field({ description: `Rent per m² per month, or per unit per month; ${MONEY}.` })
  rate: string;

  @Field(() => PaymentCycle, { description: 'Billing cycle.' })
  paymentCycle: PaymentCycle;

  @Field(() => Int, { description: 'Day of month a bill is due.' })
  dueDay: number;

  @Field({ description: 'Annual escalation in percent.' })
  escalationPercent: string;

  @Field(() => Int, { description: 'Rent-free days.' })
  rentFreeDays: number;

  @Field(() => String, { nullable: true, description: 'What the amendment changed, in words.' })
  note: string | null;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description: `One bill of a contract’s rent schedule, issued in advance of its period. Amounts are ${MONEY}.`,
})
export class Bill {
  @Field(() => ID, { description: 'Stable id (name it in recordPayment to pay this bill first).' })
  id: string;

  contractId: string;

  @Field(() => DateScalar, { description: 'First day of the period billed.' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'First day after the period.' })
  periodEnd: string;

  @Field(() => DateScalar, { description: 'Day the bill is due.' })
  dueOn: string;

  @Field(() => Int, { description: 'Days in the period.' })
  days: number;

  @Field(() => Int, { description: 'Rent-free days within the period (not charged).' })
  rentFreeDays: number;

  @Field({ description: `Rent of the period with rent-free days taken off, before incentives; ${MONEY}.` })
  amountBeforeIncentives: string;

  @Field({ description: `Taken off by incentive policies; ${MONEY}.` })
  incentiveDiscount: string;

  @Field({
    description: `Differences of bills already issued when the contract was amended, carried onto this bill (negative: a credit); ${MONEY}.`,
  })
  adjustment: string;

  @Field({ description: `What is owed for this bill: before incentives − discount + adjustment; ${MONEY}.` })
  amount: string;

  @Field({ description: `Paid so far (payments allocated to it); ${MONEY}.` })
  paid: string;

  @Field({ description: `amount − paid; ${MONEY}.` })
  outstanding: string;

  @Field({
    description:
      'True once issued (due when the schedule was last regenerated, or partly paid): never rewritten.',
  })
  issued: boolean;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description: `Money received against a contract. Amounts are ${MONEY}.`,
})
export class Payment {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  contractId: string;

  @Field({ description: `Amount received; ${MONEY}.` })
  amount: string;

  @Field({ description: `Part allocated to bills (oldest first, or the named bill first); ${MONEY}.` })
  allocated: string;

  @Field({ description: `Part not allocated, kept as credit; ${MONEY}.` })
  credit: string;

  @Field(() => DateScalar, { description: 'Day the money was received.' })
  receivedOn: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Bank or receipt reference.' })
  reference: string | null;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description: `A movement of a contract’s deposit (押金). Amounts are ${MONEY}.`,
})
export class DepositEvent {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => DepositEventKind, { description: 'Received, refunded or applied to bills.' })
  kind: DepositEventKind;

  @Field({ description: `Amount; ${MONEY}.` })
  amount: string;

  @Field(() => DateScalar, { description: 'Day it happened.' })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note: string | null;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({ description: `What a contract owes on a date. Amounts are ${MONEY}.` })
export class ContractBalance {
  @Field(() => DateScalar, { description: 'The date.' })
  asOf: string;

  @Field({ description: `Bills due on or before asOf; ${MONEY}.` })
  billed: string;

  @Field({ description: `Payments received on or before asOf; ${MONEY}.` })
  paid: string;

  @Field({ description: `billed − paid: positive is owed, negative is credit; ${MONEY}.` })
  balance: string;

  @Field({ description: `Unpaid parts of bills due before asOf (arrears); ${MONEY}.` })
  overdue: string;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'An incentive policy (招商政策) of a park, and who qualifies for it.',
})
export class IncentivePolicy {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({
    description:
      'Name, unique within the park, e.g. "leading sculpture enterprise: 50% off the first 12 months".',
  })
  name: string;

  @Field(() => IncentiveKind, { description: 'What it grants.' })
  kind: IncentiveKind;

  @Field(() => String, { nullable: true, description: 'DISCOUNT: percent off, e.g. "50.00".' })
  discountPercent: string | null;

  @Field(() => Int, {
    description: 'DISCOUNT: the first months of the term it covers; EXTRA_RENT_FREE: rent-free months added.',
  })
  months: number;

  @Field({ description: 'Only leading enterprises (龙头企业) qualify.' })
  requiresLeading: boolean;

  @Field(() => [Province], {
    nullable: true,
    description: 'Only enterprises from these provinces qualify (null: any).',
  })
  originProvinces: Province[] | null;

  @Field(() => [Industry], {
    nullable: true,
    description: 'Only enterprises of these industries qualify (null: any).',
  })
  industries: Industry[] | null;
}

export const ContractConnection = ConnectionType(Contract, 'Contract');
