import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID } from 'class-validator';

/** What every edit of a mutable record carries: which record, and the version the client last read. */
@InputType({ isAbstract: true })
export abstract class UpdateInput {
  @Field(() => ID, { description: 'The record to change.' })
  @IsUUID()
  id: string;

  @Field(() => Int, {
    description: 'The version you last read; a stale version is a CONFLICT and nothing is written.',
  })
  @IsInt()
  version: number;
}
