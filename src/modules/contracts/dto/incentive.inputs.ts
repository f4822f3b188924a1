import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Industry, Province } from '../../enterprises/enterprise.enums';
import { IncentiveKind } from '../contract.enums';
import { PERCENT_INPUT } from './contract.inputs';

@InputType({ description: 'A new incentive policy (招商政策) of a park.' })
export class CreateIncentivePolicyInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Name, unique within the park.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => IncentiveKind, { description: 'What it grants.' })
  @IsEnum(IncentiveKind)
  kind: IncentiveKind;

  @Field(() => String, { nullable: true, description: 'DISCOUNT only: percent off (0.01–100), e.g. "50".' })
  @IsOptional()
  @Matches(PERCENT_INPUT, { message: 'must be a percentage with at most two decimals' })
  discountPercent?: string;

  @Field(() => Int, {
    description: 'DISCOUNT: first months of the term covered; EXTRA_RENT_FREE: months added (1–120).',
  })
  @IsInt()
  @Min(1)
  @Max(120)
  months: number;

  @Field({ nullable: true, description: 'Only leading enterprises qualify (default false).' })
  @IsOptional()
  @IsBoolean()
  requiresLeading?: boolean;

  @Field(() => [Province], { nullable: true, description: 'Only enterprises from these provinces qualify.' })
  @IsOptional()
  @ArrayMaxSize(40)
  @IsEnum(Province, { each: true })
  originProvinces?: Province[];

  @Field(() => [Industry], { nullable: true, description: 'Only enterprises of these industries qualify.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(Industry, { each: true })
  industries?: Industry[];
}
