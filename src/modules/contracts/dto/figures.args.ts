import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/validators';
import { DateScalar } from '../../../graphql/scalars/date.scalar';

@ArgsType()
export class RentScopeArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => String, { nullable: true, description: 'Limit to units of this zone (zone code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  zoneCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The date (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

@ArgsType()
export class CollectionRateArgs {
  @Field({ description: 'Park code.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  @Field(() => DateScalar, { description: 'First due date counted.' })
  @IsCalendarDate()
  from: string;

  @Field(() => DateScalar, {
    description: 'Last due date counted (inclusive); payments received up to it count.',
  })
  @IsCalendarDate()
  to: string;
}
