import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { MachineType } from '../machine.enums';

/** Serial numbers: letters, digits and . _ / - (what controllers and nameplates print). */
export const SERIAL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._/-]{1,63}$/;
const SERIAL_MESSAGE = { message: 'serialNumber must be 2–64 letters, digits, ".", "_", "/" or "-"' };

/** Which machine: by id or by serial number (exactly one). */
@InputType({ isAbstract: true })
export abstract class MachineRefInput {
  @Field(() => ID, { nullable: true, description: 'The machine id (or give serialNumber).' })
  @IsOptional()
  @IsUUID()
  machineId?: string;

  @Field(() => String, { nullable: true, description: 'The machine serial number (or give machineId).' })
  @IsOptional()
  @Matches(SERIAL_NUMBER, SERIAL_MESSAGE)
  serialNumber?: string;
}

@InputType({ description: 'A new machine in the register of a park.' })
export class RegisterMachineInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => ID, { nullable: true, description: 'The owner enterprise (or give ownerCreditCode).' })
  @IsOptional()
  @IsUUID()
  ownerEnterpriseId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The owner by unified social credit code (or give ownerEnterpriseId).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  ownerCreditCode?: string;

  @Field({ description: 'Serial number (unique): 2–64 letters, digits, ".", "_", "/" or "-".' })
  @Matches(SERIAL_NUMBER, SERIAL_MESSAGE)
  serialNumber: string;

  @Field(() => MachineType, { description: 'What the machine does.' })
  @IsEnum(MachineType)
  type: MachineType;

  @Field({ description: 'Manufacturer.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  manufacturer: string;

  @Field({ description: 'Model designation.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  model: string;

  @Field(() => Int, { nullable: true, description: 'Number of controlled axes (1–9).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  axes?: number;

  @Field(() => Float, { nullable: true, description: 'Spindle power in kW (0.01–10000).' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(10000)
  spindlePowerKw?: number;

  @Field(() => Int, { nullable: true, description: 'Year first put to work (1950–2199).' })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2199)
  commissionedYear?: number;
}

@InputType({ description: 'Install a machine in a unit that its owner holds on that date.' })
export class InstallMachineInput extends MachineRefInput {
  @Field({ description: 'Code of the unit, in the machine’s park.' })
  @IsString()
  @MaxLength(64)
  unitCode: string;

  @Field(() => DateScalar, { description: 'First day in the unit.' })
  @IsCalendarDate()
  on: string;

  @Field(() => String, { nullable: true, description: 'Note kept with the placement.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

@InputType({ description: 'Move a placed machine to another unit its owner holds, from a date.' })
export class MoveMachineInput extends InstallMachineInput {}

@InputType({
  description: 'Take a machine out of its unit from a date (sold, scrapped, sent away for repair).',
})
export class RemoveMachineInput extends MachineRefInput {
  @Field(() => DateScalar, { description: 'First day no longer in the unit.' })
  @IsCalendarDate()
  on: string;

  @Field({ description: 'Why it is removed.' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}
