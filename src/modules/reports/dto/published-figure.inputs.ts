import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ForwardPageArgs } from '../../../common/pagination/page-args';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { Measure } from '../measure-registry';

@InputType({ description: 'A park, or one zone of it.' })
export class FigureScopeInput {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => String, { nullable: true, description: 'Zone code (omit for the whole park).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string | null;
}

@InputType({ description: 'A figure to publish: computed now, stored with its definition and inputs.' })
export class PublishFigureInput {
  @Field(() => Measure, { description: 'The measure.' })
  @IsString()
  measure: string;

  @Field(() => FigureScopeInput, { description: 'Park or zone.' })
  @ValidateNested()
  @Type(() => FigureScopeInput)
  scope: FigureScopeInput;

  @Field(() => DateScalar, { description: 'The date the figure describes.' })
  @IsCalendarDate()
  asOf: string;

  @Field({ description: 'Where it is published, e.g. "2024 annual report, table 2".' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @Field(() => String, { nullable: true, description: 'Approver note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class PublishedFiguresArgs extends ForwardPageArgs {
  @Field(() => String, { nullable: true, description: 'Only figures of this park.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parkCode?: string | null;
}

@ArgsType()
export class VerifyPublishedFigureArgs {
  @Field(() => ID, { description: 'Published figure id.' })
  @IsUUID()
  id: string;
}
