import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { UpdateInput } from '../../../common/dto/update.input';
import { InstitutionKind } from '../partner.enums';

export const PHONE = /^\+?[0-9][0-9 -]{5,20}$/;
export const PHONE_MESSAGE = 'phone must be a phone number (digits, optional leading +, spaces or dashes)';

@InputType({ description: 'A contact person of an institution.' })
export class InstitutionContactInput {
  @Field({ description: 'Name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true, description: 'Title or office.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone, digits with optional +, spaces or dashes.' })
  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;
}

@InputType({ description: "A new institution in a park's partner register." })
export class CreateInstitutionInput {
  @Field({ description: 'Code of the park whose partner register the institution joins.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field({ description: 'Chinese name, unique in the park.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameEn?: string | null;

  @Field(() => InstitutionKind, { description: 'What sort of body it is.' })
  @IsEnum(InstitutionKind)
  kind: InstitutionKind;

  @Field(() => String, { nullable: true, description: 'Where it is (e.g. 重庆市涪陵区).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @Field(() => [InstitutionContactInput], {
    nullable: true,
    description: 'Contact people, in order (at most 20).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InstitutionContactInput)
  contacts?: InstitutionContactInput[];
}

@InputType({ description: 'Changes to an institution; omitted fields stay as they are.' })
export class UpdateInstitutionInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New Chinese name.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New English name.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameEn?: string | null;

  @Field(() => InstitutionKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  @IsEnum(InstitutionKind)
  kind?: InstitutionKind;

  @Field(() => String, { nullable: true, description: 'New region.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;

  @Field(() => [InstitutionContactInput], {
    nullable: true,
    description: 'The new list of contact people, replacing the old one (omit to keep it; [] to clear it).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InstitutionContactInput)
  contacts?: InstitutionContactInput[];
}
