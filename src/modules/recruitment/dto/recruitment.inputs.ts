import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
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
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { UpdateInput } from '../../../common/dto/update.input';
import { PageArgs } from '../../../common/pagination/page-args';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { IsCreditCode } from '../../enterprises/credit-code';
import { Industry, Province } from '../../enterprises/enterprise.enums';
import { TenancyStage } from '../../tenancies/tenancy.enums';
import { FunnelGroupBy, LeadStage, RecruitmentEventKind } from '../recruitment.enums';

const PHONE = /^\+?[0-9][0-9 -]{5,20}$/;
const PHONE_MESSAGE = 'contactPhone must be a phone number (digits, optional leading +, spaces or dashes)';

@InputType({ description: 'A recruitment event to record.' })
export class CreateRecruitmentEventInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => RecruitmentEventKind, { description: 'What sort of event.' })
  @IsEnum(RecruitmentEventKind)
  kind: RecruitmentEventKind;

  @Field({ description: 'Title.' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @Field(() => DateScalar, { description: 'Date held.' })
  @IsCalendarDate()
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Who organised it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organiser?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many attended (0 to 1000000).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  attendance?: number | null;
}

@InputType({ description: 'A new lead.' })
export class CreateLeadInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Name of the enterprise (Chinese).' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, when known.' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => Industry, { description: 'Industry.' })
  @IsEnum(Industry)
  industry: Industry;

  @Field(() => Province, { nullable: true, description: 'Province it comes from.' })
  @IsOptional()
  @IsEnum(Province)
  originProvince?: Province | null;

  @Field(() => String, { nullable: true, description: 'City it comes from.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  originCity?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  contactPhone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner (a user); default: you, when you are a user.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date recorded (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  createdOn?: string;

  @Field(() => [ID], { nullable: true, description: 'Source events (of the same park).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  eventIds?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Next follow-up date.' })
  @IsOptional()
  @IsCalendarDate()
  nextFollowUpOn?: string | null;
}

@InputType({
  description: 'Changes to a lead; omitted fields stay as they are. Stages change with advanceLead.',
})
export class UpdateLeadInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Credit code.' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  contactPhone?: string | null;

  @Field(() => ID, { nullable: true, description: 'New owner.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Next follow-up date (null clears it).' })
  @IsOptional()
  @IsCalendarDate()
  nextFollowUpOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Source events to add (already linked ones are kept).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  addEventIds?: string[];
}

@InputType({ description: 'Move a lead forward to a later stage, or to LOST.' })
export class AdvanceLeadInput extends UpdateInput {
  @Field(() => LeadStage, {
    description: 'CONTACTED, NEGOTIATING, SIGNED (forward only) or LOST (from any stage).',
  })
  @IsEnum(LeadStage)
  stage: LeadStage;

  @Field(() => DateScalar, { description: 'Date it took effect (not before the current stage’s date).' })
  @IsCalendarDate()
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'Note; for LOST, the reason (required).' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  note?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Next follow-up date (null clears it).' })
  @IsOptional()
  @IsCalendarDate()
  nextFollowUpOn?: string | null;
}

@InputType({
  description: 'Convert a SIGNED lead: create or link its enterprise and lease units, all or nothing.',
})
export class ConvertLeadInput extends UpdateInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "An enterprise of the park's register to link. Give this, or enterpriseCreditCode, or neither to register the lead as a new enterprise (it then needs a credit code and an origin province).",
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'An enterprise of the register to link, by credit code.',
  })
  @IsOptional()
  @IsCreditCode()
  enterpriseCreditCode?: string;

  @Field(() => [String], { description: 'Codes of the units to lease (1 to 50).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  unitCodes: string[];

  @Field(() => DateScalar, { description: 'First day of the tenancies; the lead is CONVERTED on this date.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => TenancyStage, {
    nullable: true,
    description: 'Starting stage of the tenancies (default RESERVED).',
  })
  @IsOptional()
  @IsEnum(TenancyStage)
  stage?: TenancyStage;
}

@InputType({ description: 'Which events to list.' })
export class RecruitmentEventFilter {
  @Field(() => String, { nullable: true, description: 'Only events of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => RecruitmentEventKind, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsEnum(RecruitmentEventKind)
  kind?: RecruitmentEventKind;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or after this date.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before this date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

@ArgsType()
export class RecruitmentEventListArgs extends PageArgs {
  @Field(() => RecruitmentEventFilter, {
    nullable: true,
    description: 'Which events (by date, newest first).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecruitmentEventFilter)
  filter?: RecruitmentEventFilter;
}

@InputType({ description: 'Which leads to list.' })
export class LeadFilter {
  @Field(() => String, { nullable: true, description: 'Only leads of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => LeadStage, { nullable: true, description: 'Only leads in this stage.' })
  @IsOptional()
  @IsEnum(LeadStage)
  stage?: LeadStage;

  @Field(() => ID, { nullable: true, description: 'Only leads of this owner.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only leads from this event.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

@ArgsType()
export class LeadListArgs extends PageArgs {
  @Field(() => LeadFilter, { nullable: true, description: 'Which leads (by name, pinyin order).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeadFilter)
  filter?: LeadFilter;
}

@ArgsType()
export class FunnelArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => DateScalar, { description: 'Leads recorded on or after this date.' })
  @IsCalendarDate()
  from: string;

  @Field(() => DateScalar, { description: 'Leads recorded on or before this date; stages as of this date.' })
  @IsCalendarDate()
  to: string;

  @Field(() => FunnelGroupBy, {
    nullable: true,
    defaultValue: FunnelGroupBy.EVENT_KIND,
    description: 'Grouping.',
  })
  @IsEnum(FunnelGroupBy)
  groupBy: FunnelGroupBy = FunnelGroupBy.EVENT_KIND;
}

@ArgsType()
export class FollowUpsDueArgs {
  @Field(() => ID, { nullable: true, description: 'Owner (default: you).' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Due on or before this date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
