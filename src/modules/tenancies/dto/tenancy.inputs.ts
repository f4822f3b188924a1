import { IsCalendarDate } from '../../../common/validators';
import { IsCreditCode } from '../../enterprises/credit-code';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../../common/pagination/page-args';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { TenancyStage } from '../tenancy.enums';

@InputType({ description: 'Let one or several units of a park to an enterprise from a date; all or none.' })
export class LeaseUnitsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The enterprise taking the units, by id. Give this or enterpriseCreditCode.',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The enterprise taking the units, by its unified social credit code (统一社会信用代码) in the park's register. Give this or enterpriseId.",
  })
  @IsOptional()
  @IsCreditCode()
  enterpriseCreditCode?: string;

  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => [String], { description: 'Codes of the units to let (1–200, no repeats).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  unitCodes: string[];

  // nullable + default: graphql-jit drops input-field defaults of omitted non-null fields on compiled requests.
  @Field(() => TenancyStage, {
    nullable: true,
    defaultValue: TenancyStage.RESERVED,
    description: 'Stage the tenancies start in: RESERVED, FITTING_OUT or OPERATING (not ENDED).',
  })
  @IsEnum(TenancyStage)
  stage: TenancyStage = TenancyStage.RESERVED;

  @Field(() => DateScalar, { description: 'First day the units are held.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'Note kept in the stage history.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

@InputType({ description: 'Move a tenancy to its next stage on a date.' })
export class AdvanceTenancyStageInput {
  @Field(() => ID, { description: 'The tenancy.' })
  @IsUUID()
  tenancyId: string;

  @Field(() => TenancyStage, { description: 'The next stage: FITTING_OUT, OPERATING or ENDED.' })
  @IsEnum(TenancyStage)
  stage: TenancyStage;

  @Field(() => DateScalar, { description: 'Date the stage takes effect.' })
  @IsCalendarDate()
  effectiveOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Note kept in the stage history (the reason, for ENDED).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

@InputType({ description: 'End a tenancy: the unit is free from endsOn.' })
export class EndTenancyInput {
  @Field(() => ID, { description: 'The tenancy.' })
  @IsUUID()
  tenancyId: string;

  @Field(() => DateScalar, { description: 'First day the unit is no longer held.' })
  @IsCalendarDate()
  endsOn: string;

  @Field({ description: 'Why the tenancy ends.' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

@InputType({ description: 'Correct a mistaken stage entry. The correction is kept in the history.' })
export class CorrectTenancyStageInput {
  @Field(() => ID, { description: 'The tenancy.' })
  @IsUUID()
  tenancyId: string;

  @Field(() => TenancyStage, { description: 'The stage whose entry was mistaken.' })
  @IsEnum(TenancyStage)
  stage: TenancyStage;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The right date; null withdraws the stage (only the latest one, and never RESERVED).',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveOn?: string | null;

  @Field({ description: 'Why the entry was wrong.' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

@InputType({ description: 'Which tenancies to list. All conditions must hold.' })
export class TenancyFilter {
  @Field(() => String, { nullable: true, description: 'Only units of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => String, { nullable: true, description: 'Only units of this zone (zone code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this unit.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field(() => TenancyStage, {
    nullable: true,
    description: 'Only tenancies in this stage on asOf. Without it: those holding their unit on asOf.',
  })
  @IsOptional()
  @IsEnum(TenancyStage)
  stage?: TenancyStage;
}

@ArgsType()
export class TenancyListArgs extends PageArgs {
  @Field(() => TenancyFilter, { nullable: true, description: 'Which tenancies.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenancyFilter)
  filter?: TenancyFilter;
}
