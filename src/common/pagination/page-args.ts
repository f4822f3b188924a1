import { IsCalendarDate } from '../validators';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateScalar } from '../../graphql/scalars/date.scalar';

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first`/`after` forward paging. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (a previous endCursor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

/** Forward paging plus the `asOf` date every park list accepts. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Answer as things stood on this date (default: today).',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
