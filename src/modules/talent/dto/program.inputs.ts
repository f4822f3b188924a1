import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsUUID,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';

const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
const CODE_MESSAGE = { message: 'code must be 2–64 lower-case letters, digits or "-"' };

@InputType({ description: 'A new training program of a park.' })
export class CreateProgramInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Code, unique in the park: 2–64 lower-case letters, digits or "-".' })
  @Matches(CODE, CODE_MESSAGE)
  code: string;

  @Field({ description: 'Chinese name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;
}

@InputType({ description: 'A new cohort of a program.' })
export class CreateCohortInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'The program (its code).' })
  @Matches(CODE, { message: 'programCode must be 2–64 lower-case letters, digits or "-"' })
  programCode: string;

  @Field({ description: 'Code, unique in the park.' })
  @Matches(CODE, CODE_MESSAGE)
  code: string;

  @Field({ description: 'Name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => DateScalar, { description: 'Intake date.' })
  @IsCalendarDate()
  intakeOn: string;

  @Field(() => Int, { description: 'Planned size (1–100000).' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  plannedSize: number;

  @Field(() => String, { nullable: true, description: 'Where it trains: a zone code of the park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The institutions delivering it (ids in the park’s partner register), in order.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  institutionIds?: string[];
}
