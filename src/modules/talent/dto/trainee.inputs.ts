import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { Gender, HomeRegion, TraineeStatus } from '../talent.enums';
import { IsResidentId } from './resident-id.validator';

/** Largest bulk enrolment in one call. */
export const MAX_ENROL_ROWS = 1000;

/** A person's details, as a recruiter types them or an import row gives them. */
@InputType({ description: 'A person: name, ID number, phone, home region.' })
export class PersonInput {
  @Field({ description: 'Name (1–100 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Resident ID number (18 characters, GB 11643 check character verified); unique in the park. Stored encrypted.',
  })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;

  @Field(() => Gender, { nullable: true, description: 'Gender (default: read from the ID number).' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true, description: 'Birth date (default: read from the ID number).' })
  @IsOptional()
  @IsCalendarDate()
  birthOn?: string;

  @Field(() => String, { nullable: true, description: 'Mobile phone: 11 digits, optionally +86.' })
  @IsOptional()
  @Matches(/^(\+86)?1\d{10}$/, { message: 'phone must be 11 digits starting with 1, optionally after +86' })
  phone?: string;

  @Field(() => HomeRegion, { description: 'Where the person comes from.' })
  @IsEnum(HomeRegion)
  homeRegion: HomeRegion;
}

@InputType({ description: 'A new person in a park, optionally a trainee of a cohort from a date.' })
export class CreateTraineeInput extends PersonInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => ID, { nullable: true, description: 'The cohort the person applies to or joins.' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @Field(() => TraineeStatus, {
    nullable: true,
    description: 'First status (APPLIED or ENROLLED; with cohortId only).',
  })
  @IsOptional()
  @IsEnum(TraineeStatus)
  status?: TraineeStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the first status took effect (with status).',
  })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

@InputType({ description: 'A whole cohort enrolled from a list: every row valid, or nothing written.' })
export class EnrolTraineesInput {
  @Field(() => ID, { description: 'The cohort.' })
  @IsUUID()
  cohortId: string;

  @Field(() => DateScalar, { description: 'The enrolment date (status ENROLLED from that day).' })
  @IsCalendarDate()
  enrolledOn: string;

  @Field(() => [PersonInput], { description: `The people, 1 to ${MAX_ENROL_ROWS} rows.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENROL_ROWS)
  @ValidateNested({ each: true })
  @Type(() => PersonInput)
  trainees: PersonInput[];
}

@InputType({ description: 'A status change of one trainee.' })
export class MoveTraineeInput {
  @Field(() => ID, { description: 'The trainee.' })
  @IsUUID()
  traineeId: string;

  @Field(() => TraineeStatus, { description: 'The new status: a later stage, or WITHDRAWN.' })
  @IsEnum(TraineeStatus)
  status: TraineeStatus;

  @Field(() => DateScalar, { description: 'When it takes effect (not before the current status).' })
  @IsCalendarDate()
  on: string;

  @Field(() => ID, { nullable: true, description: 'PLACED: the employer (an enterprise of the park).' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'PLACED: the position.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  position?: string;

  @Field(() => String, { nullable: true, description: 'WITHDRAWN: why.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

@InputType({ description: 'A whole cohort moved to a status on a date: every trainee moves, or none.' })
export class MoveCohortInput {
  @Field(() => ID, { description: 'The cohort.' })
  @IsUUID()
  cohortId: string;

  @Field(() => TraineeStatus, {
    description: 'The new status: IN_TRAINING, IN_PARK or GRADUATED (PLACED and WITHDRAWN are per trainee).',
  })
  @IsEnum(TraineeStatus)
  status: TraineeStatus;

  @Field(() => DateScalar, { description: 'When it takes effect.' })
  @IsCalendarDate()
  on: string;
}
