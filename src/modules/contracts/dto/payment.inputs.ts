import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { DepositEventKind, PaymentMethod } from '../contract.enums';
import { MONEY_INPUT, MONEY_MESSAGE } from './contract.inputs';

/** Payments from a tenant: every method but DEPOSIT (deposit events APPLIED record those). */
const RECEIVED_METHODS = Object.values(PaymentMethod).filter((m) => m !== PaymentMethod.DEPOSIT);

@InputType({
  description:
    'Money received against a contract; allocated to its bills oldest first (or the named bill first).',
})
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId: string;

  @Field({ description: 'Amount received: CNY as a decimal string with at most two places, above 0.' })
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  amount: string;

  @Field(() => DateScalar, { description: 'Day the money was received.' })
  @IsCalendarDate()
  receivedOn: string;

  @Field(() => PaymentMethod, {
    description: 'How it was paid (not DEPOSIT: see recordDepositEvent APPLIED).',
  })
  @IsIn(RECEIVED_METHODS, { message: 'method must be BANK_TRANSFER, CASH, WECHAT_PAY or ALIPAY' })
  method: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Bank or receipt reference.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A bill of the contract to pay first; the rest goes oldest first.',
  })
  @IsOptional()
  @IsUUID()
  billId?: string;
}

@InputType({
  description:
    'A movement of a contract’s deposit: RECEIVED adds to what is held; REFUNDED pays it back; APPLIED pays open bills with it (as a DEPOSIT payment).',
})
export class RecordDepositEventInput {
  @Field(() => ID, { description: 'The contract.' })
  @IsUUID()
  contractId: string;

  @Field(() => DepositEventKind, { description: 'What happened.' })
  @IsEnum(DepositEventKind)
  kind: DepositEventKind;

  @Field({ description: 'Amount: CNY as a decimal string with at most two places, above 0.' })
  @Matches(MONEY_INPUT, MONEY_MESSAGE)
  amount: string;

  @Field(() => DateScalar, { description: 'Day it happened.' })
  @IsCalendarDate()
  occurredOn: string;

  @Field(() => String, { nullable: true, description: 'Note.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
