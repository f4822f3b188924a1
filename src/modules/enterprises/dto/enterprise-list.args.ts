import { ArgsType, Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page-args';
import { TenancyStage } from '../../tenancies/tenancy.enums';
import { IsCreditCode } from '../credit-code';
import { Industry, OriginRegion, Province } from '../enterprise.enums';
import { OrderInput, OrderInputType } from '../../../common/pagination/order-input';

export enum EnterpriseOrderField {
  NAME = 'NAME',
  REGISTERED_ON = 'REGISTERED_ON',
  CREDIT_CODE = 'CREDIT_CODE',
}

registerEnumType(EnterpriseOrderField, {
  name: 'EnterpriseOrderField',
  description: 'Fields enterprises can be sorted by.',
  valuesMap: {
    NAME: { description: 'Chinese name, in pinyin order (code point order on a server without ICU).' },
    REGISTERED_ON: { description: 'Registration date (unknown last).' },
    CREDIT_CODE: { description: 'Unified social credit code.' },
  },
});

@InputType({ description: 'Which enterprises to list. All conditions must hold.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: "Only enterprises in this park's register." })
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

  @Field(() => String, { nullable: true, description: 'Exactly this unified social credit code.' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @Field(() => Industry, { nullable: true, description: 'Only this industry.' })
  @IsOptional()
  @IsEnum(Industry)
  industry?: Industry;

  @Field(() => Province, { nullable: true, description: 'Only enterprises from this province.' })
  @IsOptional()
  @IsEnum(Province)
  originProvince?: Province;

  @Field(() => OriginRegion, {
    nullable: true,
    description: 'Only enterprises from this region (e.g. 川渝).',
  })
  @IsOptional()
  @IsEnum(OriginRegion)
  originRegion?: OriginRegion;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only leading (true) or non-leading (false) enterprises.',
  })
  @IsOptional()
  @IsBoolean()
  leading?: boolean;

  @Field(() => TenancyStage, {
    nullable: true,
    description:
      'Only enterprises holding at least one unit in this stage on asOf (ENDED: none held, some ended).',
  })
  @IsOptional()
  @IsEnum(TenancyStage)
  stage?: TenancyStage;

  @Field(() => String, {
    nullable: true,
    description: 'Only enterprises holding a unit in this zone on asOf.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;
}

export const EnterpriseOrder = OrderInputType('EnterpriseOrder', EnterpriseOrderField, 'enterprises');
export type EnterpriseOrder = OrderInput<EnterpriseOrderField>;

@ArgsType()
export class EnterpriseListArgs extends PageArgs {
  @Field(() => EnterpriseFilter, { nullable: true, description: 'Which enterprises.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseFilter)
  filter?: EnterpriseFilter;

  @Field(() => EnterpriseOrder, { nullable: true, description: 'Sort order (default: name ascending).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseOrder)
  orderBy?: EnterpriseOrder;
}
