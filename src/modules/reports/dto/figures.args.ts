import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar } from '../../../graphql/scalars/date.scalar';
import { FigureDimension, Measure } from '../measure-registry';

@ArgsType()
export class FiguresArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => String, { nullable: true, description: 'Limit to this zone.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string | null;

  @Field(() => [Measure], { description: 'The measures, at most 30; each appears once in every row.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  // Values are checked against the registry by the GraphQL enum (filled at start-up) and again by the service.
  @IsString({ each: true })
  measures: string[];

  @Field(() => [FigureDimension], { defaultValue: [], description: 'Group rows by these dimensions.' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(Object.values(FigureDimension), { each: true })
  groupBy: FigureDimension[];

  @Field(() => DateScalar, {
    nullable: true,
    description: 'With MONTH: the first month (its end is the first row).',
  })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'With MONTH: the last date.' })
  @IsOptional()
  to?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Without MONTH: the date (default: today).' })
  @IsOptional()
  asOf?: string | null;
}
