import { ArgsType, Field, Float, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { MachineStatsGroupBy } from '../machine.enums';

/** A park, optionally one zone: the scope of a machine figure. */
@ArgsType()
export class MachineScopeArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => String, { nullable: true, description: 'Limit to this zone (zone code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;
}

@ArgsType()
export class MachineStatsArgs extends MachineScopeArgs {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  @IsCalendarDate()
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period (inclusive).' })
  @IsCalendarDate()
  to: string;

  @Field(() => [MachineStatsGroupBy], {
    nullable: true,
    defaultValue: [],
    description: 'Keys to group by (none: one row for the whole scope).',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(MachineStatsGroupBy, { each: true })
  groupBy?: MachineStatsGroupBy[];
}

@ArgsType()
export class MaintenanceDueArgs extends MachineScopeArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description:
      'Also list plans due by the calendar within this many days (0–366; default 0: due or overdue).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  withinDays?: number;

  @Field(() => Float, {
    nullable: true,
    defaultValue: 0,
    description: 'Also list plans due by the meter within this many runtime hours (0–10000; default 0).',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10000)
  withinHours?: number;
}

@ArgsType()
export class StrandedMachinesArgs extends MachineScopeArgs {
  @Field(() => DateScalar, { nullable: true, description: 'The date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
