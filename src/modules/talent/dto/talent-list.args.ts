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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { PageArgs } from '../../../common/pagination/page-args';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { CertificationLevel, TraineeStatus } from '../talent.enums';

@InputType({ description: 'Which people to list. All conditions must hold; statuses are as of asOf.' })
export class TraineeFilter {
  @Field(() => String, { nullable: true, description: 'Only people of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only members of this cohort.' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @Field(() => TraineeStatus, { nullable: true, description: 'Only trainees in this status on asOf.' })
  @IsOptional()
  @IsEnum(TraineeStatus)
  status?: TraineeStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, or the last 4 characters of the resident ID number.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  search?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only trainees whose status has not moved for at least this many days before asOf (not GRADUATED, PLACED or WITHDRAWN).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  stalledForDays?: number;
}

@ArgsType()
export class TraineeListArgs extends PageArgs {
  @Field(() => TraineeFilter, { nullable: true, description: 'Which people (default: all in your parks).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TraineeFilter)
  filter?: TraineeFilter;
}

@InputType({ description: 'Which certificates to list.' })
export class CertificationFilter {
  @Field(() => String, { nullable: true, description: 'Only certificates of people of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => CertificationLevel, { nullable: true, description: 'Only this level.' })
  @IsOptional()
  @IsEnum(CertificationLevel)
  level?: CertificationLevel;

  @Field(() => String, { nullable: true, description: 'Only this occupation.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  occupation?: string;
}

@ArgsType()
export class CertificationListArgs extends PageArgs {
  @Field(() => CertificationFilter, { nullable: true, description: 'Which certificates.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificationFilter)
  filter?: CertificationFilter;
}

@ArgsType()
export class ParkTalentArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;
}

@ArgsType()
export class TalentTargetsArgs extends ParkTalentArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Progress as of this date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

@ArgsType()
export class CohortFunnelArgs {
  @Field(() => ID, { nullable: true, description: 'The cohort (or give programCode and parkCode).' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @Field(() => String, { nullable: true, description: 'Every cohort of this program (with parkCode).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  programCode?: string;

  @Field(() => String, { nullable: true, description: 'The park of programCode.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Count as of this date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
