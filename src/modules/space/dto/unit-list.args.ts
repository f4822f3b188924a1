import { ArgsType, Field, Float, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page-args';
import { UnitKind, UnitStatus } from '../space.enums';
import { OrderInput, OrderInputType } from '../../../common/pagination/order-input';

export enum UnitOrderField {
  CODE = 'CODE',
  FLOOR_AREA = 'FLOOR_AREA',
}

registerEnumType(UnitOrderField, {
  name: 'UnitOrderField',
  description: 'Fields units can be sorted by.',
  valuesMap: {
    CODE: { description: 'Unit code.' },
    FLOOR_AREA: { description: 'Floor area.' },
  },
});

@InputType({ description: 'Which units to list. All conditions must hold.' })
export class UnitFilter {
  @Field(() => String, { nullable: true, description: 'Only units of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => String, { nullable: true, description: 'Only units of this zone (zone code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => UnitStatus, { nullable: true, description: 'Only units with this status on asOf.' })
  @IsOptional()
  @IsEnum(UnitStatus)
  status?: UnitStatus;

  @Field(() => UnitKind, { nullable: true, description: 'Only units of this kind.' })
  @IsOptional()
  @IsEnum(UnitKind)
  kind?: UnitKind;

  @Field(() => String, {
    nullable: true,
    description: 'Only units whose code contains this text (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  codeContains?: string;

  @Field(() => Float, { nullable: true, description: 'Smallest floor area in m² (inclusive).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  minArea?: number;

  @Field(() => Float, { nullable: true, description: 'Largest floor area in m² (inclusive).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  maxArea?: number;
}

export const UnitOrder = OrderInputType('UnitOrder', UnitOrderField, 'units');
export type UnitOrder = OrderInput<UnitOrderField>;

@ArgsType()
export class UnitListArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true, description: 'Which units.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitFilter)
  filter?: UnitFilter;

  @Field(() => UnitOrder, { nullable: true, description: 'Sort order (default: code ascending).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitOrder)
  orderBy?: UnitOrder;
}
