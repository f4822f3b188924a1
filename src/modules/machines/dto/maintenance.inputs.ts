import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { MachineRefInput } from './machine.inputs';

@InputType({
  description: 'A maintenance plan: every N days and/or every N runtime hours, whichever comes first.',
})
export class CreateMaintenancePlanInput extends MachineRefInput {
  @Field({ description: 'What is done.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  task: string;

  @Field(() => Int, { nullable: true, description: 'Calendar interval in days (1–3650).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  everyDays?: number;

  @Field(() => Float, { nullable: true, description: 'Runtime interval in meter hours (1–100000).' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(100000)
  everyHours?: number;

  @Field(() => DateScalar, { description: 'The day counting starts.' })
  @IsCalendarDate()
  startsOn: string;
}

@InputType({ description: 'Maintenance done on a machine.' })
export class RecordMaintenanceInput extends MachineRefInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The plan this work fulfils (a plan of the same machine).',
  })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @Field(() => DateScalar, { description: 'The day the work was done.' })
  @IsCalendarDate()
  performedOn: string;

  @Field({ description: 'The work done.' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  workDone: string;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0,
    description: 'Hours the machine stood still (0–10000).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10000)
  downtimeHours?: number;

  @Field(() => Float, { nullable: true, defaultValue: 0, description: 'Cost in yuan (0–100000000).' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000_000)
  cost?: number;

  @Field({ description: 'Who did it.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  performedBy: string;

  @Field(() => Float, { nullable: true, description: 'Runtime-hour meter at the time, if read.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9_999_999_999)
  meterHours?: number;
}
