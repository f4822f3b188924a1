import { Field, Float, InputType } from '@nestjs/graphql';
import {
  IsDate,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DowntimeKind, MachineStatus } from '../machine.enums';
import { SERIAL_NUMBER } from './machine.inputs';

/** Most events one recordMachineEvents call takes. */
export const MAX_EVENTS_PER_CALL = 1000;

@InputType({
  description:
    'One shop-floor event: a status change (status, with downKind and reasonCode for DOWN) or a meter reading (meterHours), not both.',
})
export class MachineEventInput {
  @Field({ description: 'Serial number of the machine.' })
  @Matches(SERIAL_NUMBER, { message: 'serialNumber must be 2–64 letters, digits, ".", "_", "/" or "-"' })
  serialNumber: string;

  @Field({ description: 'When it happened on the machine (not when it is sent).' })
  @IsDate()
  at: Date;

  @Field(() => MachineStatus, { nullable: true, description: 'The new status (or give meterHours).' })
  @IsOptional()
  @IsEnum(MachineStatus)
  status?: MachineStatus;

  @Field(() => DowntimeKind, { nullable: true, description: 'Required with DOWN, refused otherwise.' })
  @IsOptional()
  @IsEnum(DowntimeKind)
  downKind?: DowntimeKind;

  @Field(() => String, {
    nullable: true,
    description: 'Required with DOWN, refused otherwise: the controller’s reason code, e.g. "SPINDLE_FAULT".',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reasonCode?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Runtime-hour meter reading (or give status); never lower than an earlier reading.',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9_999_999_999)
  meterHours?: number;
}
