import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ForwardPageArgs } from '../../../common/pagination/page-args';
import { InstitutionKind } from '../partner.enums';
import { OrderInput, OrderInputType } from '../../../common/pagination/order-input';

export enum InstitutionOrderField {
  NAME = 'NAME',
  KIND = 'KIND',
}

registerEnumType(InstitutionOrderField, {
  name: 'InstitutionOrderField',
  description: 'Fields institutions can be sorted by.',
  valuesMap: {
    NAME: { description: 'Chinese name, in pinyin order (code point order on a server without ICU).' },
    KIND: { description: 'Kind, in the order of InstitutionKind.' },
  },
});

@InputType({ description: 'Which institutions to list. All conditions must hold.' })
export class InstitutionFilter {
  @Field(() => String, { nullable: true, description: "Only institutions in this park's partner register." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Chinese or English name contains this (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameContains?: string;

  @Field(() => InstitutionKind, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @IsEnum(InstitutionKind)
  kind?: InstitutionKind;
}

export const InstitutionOrder = OrderInputType('InstitutionOrder', InstitutionOrderField, 'institutions');
export type InstitutionOrder = OrderInput<InstitutionOrderField>;

@ArgsType()
export class InstitutionListArgs extends ForwardPageArgs {
  @Field(() => InstitutionFilter, { nullable: true, description: 'Which institutions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstitutionFilter)
  filter?: InstitutionFilter;

  @Field(() => InstitutionOrder, { nullable: true, description: 'Sort order (default: name ascending).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstitutionOrder)
  orderBy?: InstitutionOrder;
}
