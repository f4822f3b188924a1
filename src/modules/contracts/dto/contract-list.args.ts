import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../../common/pagination/page-args';
import { ContractOrderField, ContractStatus } from '../contract.enums';
import { OrderInput, OrderInputType } from '../../../common/pagination/order-input';

@InputType({
  description: 'Which contracts to list. All conditions must hold; statuses and terms are as of asOf.',
})
export class ContractFilter {
  @Field(() => String, { nullable: true, description: 'Only contracts of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only contracts covering a unit of this zone (zone code).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only contracts of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ContractStatus, { nullable: true, description: 'Only contracts in this status on asOf.' })
  @IsOptional()
  @IsEnum(ContractStatus)
  status?: ContractStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Only signed, running contracts whose term ends within this many days after asOf (0–3650).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}

export const ContractOrder = OrderInputType('ContractOrder', ContractOrderField, 'contracts');
export type ContractOrder = OrderInput<ContractOrderField>;

@ArgsType()
export class ContractListArgs extends PageArgs {
  @Field(() => ContractFilter, { nullable: true, description: 'Which contracts.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractFilter)
  filter?: ContractFilter;

  @Field(() => ContractOrder, { nullable: true, description: 'Sort order (default: number ascending).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractOrder)
  orderBy?: ContractOrder;
}
