import { applyDecorators } from '@nestjs/common';
import { UpdateInput } from '../../../common/dto/update.input';
import { IsOmittable } from '../../../common/validators';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UnitKind, ZoneKind } from '../space.enums';

/** Bounds of a unit's fields, declared once and applied to createUnits and updateUnit alike. */
const UnitFloor = () => applyDecorators(IsInt(), Min(-5), Max(200));
const UnitFloorArea = () =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: 2 }, { message: 'floorArea must be a number with at most two decimals' }),
    Min(0.01, { message: 'floorArea must be greater than 0' }),
    Max(1_000_000, { message: 'floorArea must not be greater than 1000000' }),
  );

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CODE_RULE = 'must be letters, digits, ".", "_" or "-", starting with a letter or digit';

@InputType({ description: 'A new zone of a park.' })
export class CreateZoneInput {
  @Field({ description: 'Code of the park the zone belongs to.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Code unique within the park.' })
  @Matches(CODE, { message: `code ${CODE_RULE}` })
  @MaxLength(64)
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
  nameEn?: string | null;

  @Field(() => ZoneKind, { description: 'What the zone is for.' })
  @IsEnum(ZoneKind)
  kind: ZoneKind;
}

@InputType({ description: 'Changes to a zone; omitted fields stay as they are.' })
export class UpdateZoneInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New Chinese name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @Field(() => ZoneKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  @IsEnum(ZoneKind)
  kind?: ZoneKind;
}

@InputType({ description: 'One unit to create.' })
export class UnitInput {
  @Field({ description: 'Code unique within the park, e.g. "W-A-017".' })
  @Matches(CODE, { message: `code ${CODE_RULE}` })
  @MaxLength(64)
  code: string;

  @Field(() => UnitKind, { description: 'Kind of unit.' })
  @IsEnum(UnitKind)
  kind: UnitKind;

  @Field(() => String, { nullable: true, description: 'Building or hall.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  building?: string | null;

  @Field(() => Int, { nullable: true, description: 'Floor (-5 to 200).' })
  @IsOptional()
  @UnitFloor()
  floor?: number | null;

  @Field(() => Float, { description: 'Floor area in m² (0.01 to 1,000,000, at most two decimals).' })
  @UnitFloorArea()
  floorArea: number;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether the unit may be let.' })
  @IsBoolean()
  leasable: boolean = true;

  @Field(() => String, {
    nullable: true,
    description: 'Why it cannot be let; required when leasable is false.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  unleasableReason?: string | null;
}

@InputType({ description: 'Units to create in one zone, all or none.' })
export class CreateUnitsInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Zone code within the park.' })
  @IsString()
  @MaxLength(64)
  zoneCode: string;

  @Field(() => [UnitInput], { description: 'The units (1–1000).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => UnitInput)
  units: UnitInput[];
}

@InputType({ description: 'Changes to a unit; omitted fields stay as they are.' })
export class UpdateUnitInput extends UpdateInput {
  @Field(() => UnitKind, { nullable: true, description: 'New kind.' })
  @IsOmittable()
  @IsEnum(UnitKind)
  kind?: UnitKind;

  @Field(() => String, { nullable: true, description: 'New building or hall.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  building?: string | null;

  @Field(() => Int, { nullable: true, description: 'New floor (-5 to 200); null clears it.' })
  @IsOptional()
  @UnitFloor()
  floor?: number | null;

  @Field(() => Float, { nullable: true, description: 'New floor area in m² (0.01 to 1,000,000).' })
  @IsOmittable()
  @UnitFloorArea()
  floorArea?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the unit may be let.' })
  @IsOmittable()
  @IsBoolean()
  leasable?: boolean;

  @Field(() => String, { nullable: true, description: 'Why it cannot be let.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  unleasableReason?: string | null;
}

@InputType({ description: 'A new park.' })
export class CreateParkInput {
  @Field({ description: 'Unique code, e.g. "dazu-carving-park".' })
  @Matches(CODE, { message: `code ${CODE_RULE}` })
  @MaxLength(64)
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
  nameEn?: string | null;
}
