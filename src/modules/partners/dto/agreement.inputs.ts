import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UpdateInput } from '../../../common/dto/update.input';
import { PageArgs } from '../../../common/pagination/page-args';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { AgreementKind, AgreementStatus, ObligationMetric } from '../partner.enums';

@InputType({ description: 'An obligation of an agreement.' })
export class ObligationInput {
  @Field({ description: 'What is promised.' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  description: string;

  @Field(() => ObligationMetric, {
    nullable: true,
    defaultValue: ObligationMetric.MANUAL,
    description: 'What progress counts (default MANUAL).',
  })
  @IsEnum(ObligationMetric)
  metric: ObligationMetric = ObligationMetric.MANUAL;

  @Field(() => Float, { nullable: true, description: 'Target figure, greater than 0.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1e9)
  target?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the target is due.' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;
}

@InputType({ description: 'A new agreement of a park.' })
export class CreateAgreementInput {
  @Field({ description: 'Code of the park that is a party.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Title.' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @Field(() => AgreementKind, { description: 'What the agreement is about.' })
  @IsEnum(AgreementKind)
  kind: AgreementKind;

  @Field(() => DateScalar, { nullable: true, description: 'Date signed; omit for a draft.' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string | null;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the term; omit for open-ended.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Institutions that are parties (of the same park).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  institutionIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Enterprises that are parties (of the same park).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The agreement this one renews (same park; each agreement is renewed at most once).',
  })
  @IsOptional()
  @IsUUID()
  renewsId?: string | null;

  @Field(() => [ObligationInput], { nullable: true, description: 'Obligations (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ObligationInput)
  obligations?: ObligationInput[];
}

@InputType({ description: 'Changes to an agreement; omitted fields stay as they are.' })
export class UpdateAgreementInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date signed (sign a draft).' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'New last day of the term.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;
}

@InputType({ description: 'End an agreement early.' })
export class TerminateAgreementInput extends UpdateInput {
  @Field(() => DateScalar, { description: 'Date it ends (it is TERMINATED from this date).' })
  @IsCalendarDate()
  on: string;

  @Field({ description: 'Why.' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason: string;
}

@InputType({ description: 'A new obligation of an existing agreement.' })
export class AddObligationInput extends ObligationInput {
  @Field(() => ID, { description: 'The agreement.' })
  @IsUUID()
  agreementId: string;
}

@InputType({ description: 'The progress figure of a MANUAL obligation.' })
export class RecordObligationProgressInput extends UpdateInput {
  @Field(() => Float, { description: 'Progress so far (0 or more).' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e9)
  progress: number;
}

@InputType({ description: 'Which agreements to list. All conditions must hold.' })
export class AgreementFilter {
  @Field(() => String, { nullable: true, description: 'Only agreements of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => AgreementKind, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsEnum(AgreementKind)
  kind?: AgreementKind;

  @Field(() => AgreementStatus, { nullable: true, description: 'Only agreements with this status on asOf.' })
  @IsOptional()
  @IsEnum(AgreementStatus)
  status?: AgreementStatus;

  @Field(() => ID, { nullable: true, description: 'Only agreements this institution is party to.' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

@ArgsType()
export class AgreementListArgs extends PageArgs {
  @Field(() => AgreementFilter, {
    nullable: true,
    description: 'Which agreements (sorted by start date, newest first).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementFilter)
  filter?: AgreementFilter;
}

@ArgsType()
export class AgreementsExpiringArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Ending within this many days after asOf (1–730; default AGREEMENT_NOTICE_DAYS).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  withinDays?: number;

  @Field(() => DateScalar, { nullable: true, description: 'The date asked about (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
