import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { FINANCE_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { MONEY } from './contract.models';

@PartOfParent()
@ObjectType({ description: `Outstanding amounts by days overdue. Amounts are ${MONEY}.` })
export class AgingBuckets {
  @Field({ description: `Due 0–30 days ago (due on asOf counts as 0); ${MONEY}.` })
  days0to30: string;

  @Field({ description: `Due 31–60 days ago; ${MONEY}.` })
  days31to60: string;

  @Field({ description: `Due 61–90 days ago; ${MONEY}.` })
  days61to90: string;

  @Field({ description: `Due more than 90 days ago; ${MONEY}.` })
  over90: string;

  @Field({ description: `Sum of the buckets; ${MONEY}.` })
  total: string;
}

@PartOfParent()
@ObjectType({ description: 'One enterprise’s outstanding rent by days overdue.' })
export class AgingRow {
  @Field(() => ID, { description: 'The enterprise.' })
  enterpriseId: string;

  @Field({ description: 'Its name.' })
  enterpriseName: string;

  @Field(() => AgingBuckets, { description: 'Its outstanding amounts.' })
  buckets: AgingBuckets;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  description:
    'Receivables aging on a date: the unpaid part (payments received on or before asOf) of every bill due on or before asOf, per enterprise, in buckets of days overdue.',
})
export class ReceivablesAging {
  @Field(() => DateScalar, { description: 'The date.' })
  asOf: string;

  @Field(() => [AgingRow], { description: 'Enterprises with anything outstanding, largest total first.' })
  rows: AgingRow[];

  @Field(() => AgingBuckets, { description: 'Totals over every enterprise.' })
  totals: AgingBuckets;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  description: `A let unit on the rent roll: its contract and its current rent. Amounts are ${MONEY}.`,
})
export class RentRollEntry {
  @Field({ description: 'Unit code.' })
  unitCode: string;

  @Field({ description: 'Zone code.' })
  zoneCode: string;

  @Field(() => Float, { description: 'Floor area in m².' })
  floorArea: number;

  @Field(() => ID, { description: 'The contract.' })
  contractId: string;

  @Field({ description: 'Contract number.' })
  contractNumber: string;

  @Field({ description: 'The tenant enterprise’s name.' })
  enterpriseName: string;

  @Field(() => DateScalar, { description: 'Term end (exclusive) in force on asOf.' })
  endsOn: string;

  @Field({
    description: `Contractual monthly rent of the unit on asOf: rate × area (or the fixed amount) with escalation, before rent-free days and incentives; ${MONEY}.`,
  })
  monthlyRent: string;

  @Field({ description: `monthlyRent / floor area; ${MONEY} per m².` })
  rentPerSquareMetre: string;

  @Field({ description: 'True when asOf falls within the contract’s rent-free days.' })
  rentFree: boolean;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({
  description:
    'Collection rate over a period: of the rent billed with due dates in [from, to], the part paid by `to` (payments received on or before it). Amounts are ' +
    MONEY +
    '.',
})
export class CollectionRate {
  @Field(() => DateScalar, { description: 'First due date counted.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last due date counted; payments up to this day count.' })
  to: string;

  @Field({ description: `Billed: bills due in the period; ${MONEY}.` })
  billed: string;

  @Field({ description: `Collected: the part of those bills paid by \`to\`; ${MONEY}.` })
  collected: string;

  @Field(() => Float, { description: 'collected / billed (1 when nothing was billed).' })
  rate: number;

  @Field({ description: 'The rate in percent rounded half-up to one decimal, e.g. "87.5".' })
  percent: string;
}

@ReadableBy(...FINANCE_READERS)
@ObjectType({ description: `Rent figures of a park or zone on asOf. Amounts are ${MONEY}.` })
export class ParkRent {
  @Field({
    description: `Sum of the contractual monthly rent (with escalation, before rent-free days and incentives) of every unit under a contract in force on asOf; ${MONEY}.`,
  })
  contractedMonthlyRent: string;

  @Field({
    description: `Effective rent per m² per month: rent actually billed (after rent-free days and incentives) for the periods containing asOf, per month of the period, over the let floor area; ${MONEY} per m².`,
  })
  effectiveRentPerSquareMetre: string;

  @Field(() => Int, { description: 'Let units whose contract is within its rent-free days on asOf.' })
  rentFreeUnits: number;

  @Field(() => CollectionRate, {
    description:
      'Collection rate of bills due in the 12 months ending on asOf (from = asOf − 1 year + 1 day).',
  })
  collectionRate: CollectionRate;

  @Field({ description: `Arrears: unpaid parts of bills due before asOf; ${MONEY}.` })
  arrears: string;
}
