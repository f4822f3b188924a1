import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { CertificationLevel, ContestLevel, TargetMetric } from '../talent.enums';

export const MAX_CONTEST_ENTRIES = 1000;

@InputType({ description: 'A certificate a person holds.' })
export class RecordCertificationInput {
  @Field(() => ID, { description: 'The holder.' })
  @IsUUID()
  traineeId: string;

  @Field({ description: 'Occupation, e.g. 工艺品雕刻工.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  occupation: string;

  @Field(() => CertificationLevel, { description: 'Level.' })
  @IsEnum(CertificationLevel)
  level: CertificationLevel;

  @Field({ description: 'Certificate number, unique per issuer: 4–64 letters, digits or "-".' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/, {
    message: 'certificateNumber must be 4–64 letters, digits or "-"',
  })
  certificateNumber: string;

  @Field({ description: 'Issuer.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  issuer: string;

  @Field(() => DateScalar, { description: 'Issue date.' })
  @IsCalendarDate()
  issuedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Expiry date (after issuedOn); none if it does not expire.',
  })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string;
}

@InputType({ description: 'A skills contest, or one round of it.' })
export class CreateContestInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ContestLevel, { description: 'Who organises it.' })
  @IsEnum(ContestLevel)
  level: ContestLevel;

  @Field({ description: 'The round; name and round are unique in the park.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  round: string;

  @Field({ description: 'Host.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  host: string;

  @Field(() => DateScalar, { description: 'First day.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day (not before startsOn).' })
  @IsCalendarDate()
  endsOn: string;
}

@InputType({ description: 'One person’s entry and result.' })
export class ContestEntryInput {
  @Field(() => ID, { description: 'The person.' })
  @IsUUID()
  traineeId: string;

  @Field(() => String, { nullable: true, description: 'Result in words.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  result?: string;

  @Field(() => Int, { nullable: true, description: 'Rank (1 or more).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rank?: number;

  @Field(() => String, { nullable: true, description: 'Award.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  award?: string;

  @Field(() => Boolean, { nullable: true, description: 'Recommended to the next round (default false).' })
  @IsOptional()
  @IsBoolean()
  recommended?: boolean;
}

@InputType({ description: 'Entries of a contest: all written, or none.' })
export class RecordContestEntriesInput {
  @Field(() => ID, { description: 'The contest.' })
  @IsUUID()
  contestId: string;

  @Field(() => [ContestEntryInput], { description: `The entries, 1 to ${MAX_CONTEST_ENTRIES}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONTEST_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ContestEntryInput)
  entries: ContestEntryInput[];
}

@InputType({ description: 'A named talent target.' })
export class CreateTalentTargetInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Name, unique in the park.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => TargetMetric, { description: 'What it counts.' })
  @IsEnum(TargetMetric)
  metric: TargetMetric;

  @Field(() => String, { nullable: true, description: 'Count only this program’s cohorts (program code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  programCode?: string;

  @Field(() => Int, { description: 'The goal (1–10000000).' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  value: number;

  @Field(() => DateScalar, { description: 'Counting starts on this day.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => DateScalar, { description: 'Due date (after startsOn).' })
  @IsCalendarDate()
  dueOn: string;
}
