import { UpdateInput } from '../../../common/dto/update.input';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ForwardPageArgs } from '../../../common/pagination/page-args';
import { ApiKeyKind, Role } from '../access.enums';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const PASSWORD_RULE = { message: 'password must be 10 to 200 characters' };

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Login name: 2–64 lower-case letters, digits, ".", "_" or "-".' })
  @Matches(USERNAME, { message: 'username must be 2–64 lower-case letters, digits, ".", "_" or "-"' })
  username: string;

  @Field({ description: 'Name shown to people.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field({ description: 'Initial password (10–200 characters).' })
  @IsString()
  @MinLength(10, PASSWORD_RULE)
  @MaxLength(200, PASSWORD_RULE)
  password: string;

  @Field(() => [Role], { description: 'Roles (at least one).' })
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles: Role[];

  @Field(() => [String], { nullable: true, description: 'Parks the user may act in (by code).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  parkCodes?: string[];

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Act in every park.' })
  @IsOptional()
  @IsBoolean()
  allParks?: boolean;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput extends UpdateInput {
  @Field(() => String, { nullable: true, description: 'New display name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @Field(() => [Role], { nullable: true, description: 'New roles.' })
  @IsOptional()
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @Field(() => [String], { nullable: true, description: 'New park scope (by code).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  parkCodes?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Act in every park.' })
  @IsOptional()
  @IsBoolean()
  allParks?: boolean;
}

@InputType({ description: 'A new read-only API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @Field(() => [String], { nullable: true, description: 'Parks the key may read (default: your parks).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  parkCodes?: string[];

  @Field(() => ApiKeyKind, {
    nullable: true,
    defaultValue: ApiKeyKind.READ,
    description: 'READ (default) or MACHINE_GATEWAY, which needs exactly one park in parkCodes.',
  })
  @IsOptional()
  @IsEnum(ApiKeyKind)
  kind?: ApiKeyKind;
}

@InputType({ description: 'Which audit entries to list.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. "Unit".' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Global id of the record (what its own `id` and AuditEntry.entityId answer).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  entityId?: string;

  @Field(() => String, { nullable: true, description: 'Username or API key name of who acted.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends ForwardPageArgs {
  @Field(() => AuditLogFilter, { nullable: true, description: 'Which entries.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilter)
  filter?: AuditLogFilter;
}

export { PASSWORD_RULE };
