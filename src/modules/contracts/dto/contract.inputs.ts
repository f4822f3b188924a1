import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, IsOmittable } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { PaymentCycle, RentBasis, RentFreeStart } from '../contract.enums';

/** Money in: yuan with at most two decimals, 0 to below 10^12 (numeric(14,2)). */
export const MONEY_INPUT = /^\d{1,12}(\.\d{1,2})?$/;
export const MONEY_MESSAGE = {
  message: 'must be CNY written as a decimal with at most two places, e.g. "2500.00"',
};
/** Percentages in: 0–100 with at most two decimals. */
export const PERCENT_INPUT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;
const PERCENT_MESSAGE = {
  message: 'must be a percentage from 0 to 100 with at most two decimals, e.g. "3" or "2.50"',
};
const MONEY_IN = 'CNY as a decimal string with at most two places, e.g. "25.00"';

/** The terms of a contract, all given on creation. */
@InputType({ isAbstract: true })
export abstract class ContractTermsInput {
  @Field(() => DateScalar, { description: 'First day of the term.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => DateScalar, { description: 'First day after the term (exclusive end).' })
  @IsCalendarDate()
  endsOn: string;

  @Field(() => RentBasis, { description: 'How the monthly rent is set.' })
  @IsEnum(RentBasis)
  rentBasis: RentBasis;

  @Field({
    description: `Rent per m² per month (PER_SQUARE_METRE) or per unit per month (FIXED_PER_UNIT); ${MONEY_IN}.`,
  })
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  rate: string;

  @Field(() => PaymentCycle, { description: 'How often rent is billed, in advance.' })
  @IsEnum(PaymentCycle)
  paymentCycle: PaymentCycle;

  @Field(() => Int, {
    nullable: true,
    description: 'Day of month (1–28) bills are due, on or before the period (default 1).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  dueDay?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Annual escalation in percent from each anniversary (default "0").',
  })
  @IsOptional()
  @Matches(PERCENT_INPUT, PERCENT_MESSAGE)
  escalationPercent?: string;

  @Field(() => Int, { nullable: true, description: 'Rent-free days for fit-out (default 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  rentFreeDays?: number;

  @Field(() => RentFreeStart, {
    nullable: true,
    description: 'Where rent-free days are counted from (default FIT_OUT).',
  })
  @IsOptional()
  @IsEnum(RentFreeStart)
  rentFreeStart?: RentFreeStart;

  @Field(() => Int, { nullable: true, description: 'Notice period in days (default 90).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  noticeDays?: number;

  @Field(() => String, { nullable: true, description: `Deposit (押金) owed; ${MONEY_IN} (default "0").` })
  @IsOptional()
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  depositAmount?: string;
}

@InputType({ description: 'A new lease contract for tenancies of one enterprise.' })
export class CreateContractInput extends ContractTermsInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Contract number, unique within the park.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  number: string;

  @Field(() => ID, { description: 'The tenant enterprise.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => [ID], {
    description: 'Tenancies (one per unit) of that enterprise the contract covers (1–200).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  tenancyIds: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Day it was signed; leave out for a draft.' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Incentive policies to apply (each checked for qualification).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  incentivePolicyIds?: string[];
}

@InputType({
  description:
    'An amendment: new terms from effectiveFrom (a new version; earlier versions are kept). Fields left out keep their value.',
})
export class AmendContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId: string;

  @Field(() => Int, { description: 'The contract’s version as last read (optimistic concurrency).' })
  @IsInt()
  version: number;

  @Field(() => DateScalar, { description: 'First day the new terms are in force (may be in the past).' })
  @IsCalendarDate()
  effectiveFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the amendment is recorded (default today): bills due on or before it count as issued and are never rewritten; their differences become an adjustment on the next bill.',
  })
  @IsOptional()
  @IsCalendarDate()
  recordedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New term end (exclusive).' })
  @IsOmittable()
  @IsCalendarDate()
  endsOn?: string;

  @Field(() => String, { nullable: true, description: `New rate; ${MONEY_IN}.` })
  @IsOmittable()
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  rate?: string;

  @Field(() => RentBasis, { nullable: true, description: 'New rent basis.' })
  @IsOmittable()
  @IsEnum(RentBasis)
  rentBasis?: RentBasis;

  @Field(() => String, { nullable: true, description: 'New annual escalation in percent.' })
  @IsOmittable()
  @Matches(PERCENT_INPUT, PERCENT_MESSAGE)
  escalationPercent?: string;

  @Field(() => Int, { nullable: true, description: 'New rent-free days.' })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3650)
  rentFreeDays?: number;

  @Field(() => String, { nullable: true, description: `New deposit owed; ${MONEY_IN}.` })
  @IsOmittable()
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  depositAmount?: string;

  @Field({ description: 'What changed and why, for the version history.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;
}

@InputType({
  description:
    'Apply an incentive policy to a contract; refused, with the reason, if the enterprise does not qualify.',
})
export class ApplyIncentiveInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId: string;

  @Field(() => ID, { description: 'The incentive policy (of the contract’s park).' })
  @IsUUID()
  policyId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day this is recorded (default today): bills due on or before it count as issued and are never rewritten; their differences become an adjustment on the next bill.',
  })
  @IsOptional()
  @IsCalendarDate()
  recordedOn?: string;
}

@InputType({ description: 'End a contract early.' })
export class TerminateContractInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId: string;

  @Field(() => DateScalar, {
    description: 'First day no longer under contract; unissued bills from it are withdrawn.',
  })
  @IsCalendarDate()
  on: string;

  @Field({ description: 'Why.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day this is recorded (default today): bills due on or before it count as issued and are never rewritten; their differences become an adjustment on the next bill.',
  })
  @IsOptional()
  @IsCalendarDate()
  recordedOn?: string;
}
