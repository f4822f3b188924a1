import { UpdateInput } from '../../../common/dto/update.input';
import { IsCalendarDate } from '../../../common/validators';
import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { IsCreditCode } from '../credit-code';
import { Industry, Province } from '../enterprise.enums';

const PHONE = /^\+?[0-9][0-9 -]{5,20}$/;

@InputType({ description: "A new enterprise in a park's register." })
export class CreateEnterpriseInput {
  @Field({ description: 'Code of the park whose register the enterprise joins.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Registered Chinese name.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @Field({ description: 'Unified social credit code: 18 characters, GB 32100-2015 check character.' })
  @IsCreditCode()
  creditCode: string;

  @Field(() => Industry, { description: 'Main industry.' })
  @IsEnum(Industry)
  industry: Industry;

  @Field(() => Province, { description: 'Province of origin.' })
  @IsEnum(Province)
  originProvince: Province;

  @Field(() => String, { nullable: true, description: 'City of origin.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  originCity?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'A leading enterprise (龙头企业).',
  })
  @IsBoolean()
  leading: boolean = false;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone, digits with optional +, spaces or dashes.',
  })
  @IsOptional()
  @Matches(PHONE, {
    message: 'contactPhone must be a phone number (digits, optional leading +, spaces or dashes)',
  })
  contactPhone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date registered in the park.' })
  @IsOptional()
  @IsCalendarDate()
  registeredOn?: string | null;
}

@InputType({ description: 'Changes to an enterprise; omitted fields stay as they are.' })
export class UpdateEnterpriseInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New Chinese name.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Corrected credit code.' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  @Field(() => Industry, { nullable: true, description: 'New industry.' })
  @IsOptional()
  @IsEnum(Industry)
  industry?: Industry;

  @Field(() => Province, { nullable: true, description: 'New province of origin.' })
  @IsOptional()
  @IsEnum(Province)
  originProvince?: Province;

  @Field(() => String, { nullable: true, description: 'New city of origin.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  originCity?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Leading enterprise flag.' })
  @IsOptional()
  @IsBoolean()
  leading?: boolean;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone.' })
  @IsOptional()
  @Matches(PHONE, {
    message: 'contactPhone must be a phone number (digits, optional leading +, spaces or dashes)',
  })
  contactPhone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date registered in the park.' })
  @IsOptional()
  @IsCalendarDate()
  registeredOn?: string | null;
}
