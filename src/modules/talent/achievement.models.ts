import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { ReadableBy, TALENT_READERS } from '../access/access.decorators';
import { CertificationLevel, ContestLevel } from './talent.enums';

@ReadableBy(...TALENT_READERS)
@ObjectType({ implements: () => [Node], description: 'A vocational skill certificate held by a person.' })
export class Certification {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  traineeId: string;

  @Field({ description: 'Occupation, e.g. 工艺品雕刻工 (craft carver).' })
  occupation: string;

  @Field(() => CertificationLevel, { description: 'Level on the national five-level scale.' })
  level: CertificationLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Certificate number, unique per issuer; null once the holder is erased.',
  })
  certificateNumber: string | null;

  @Field({ description: 'Who issued it.' })
  issuer: string;

  @Field(() => DateScalar, { description: 'Issue date.' })
  issuedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Expiry date; null when it does not expire.' })
  expiresOn: string | null;
}

export const CertificationConnection = ConnectionType(Certification, 'Certification');

@ReadableBy(...TALENT_READERS)
@ObjectType({ implements: () => [Node], description: 'A skills contest, or one round of it.' })
export class Contest {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => ContestLevel, { description: 'Who organises it.' })
  level: ContestLevel;

  @Field({ description: 'The round, e.g. 西部赛区 (western regional round).' })
  round: string;

  @Field({ description: 'Host.' })
  host: string;

  @Field(() => DateScalar, { description: 'First day.' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  endsOn: string;
}

@ReadableBy(...TALENT_READERS)
@ObjectType({ implements: () => [Node], description: 'A person’s entry in a contest, with its result.' })
export class ContestEntry {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  contestId: string;
  traineeId: string;

  @Field(() => String, { nullable: true, description: 'Result in words.' })
  result: string | null;

  @Field(() => Int, { nullable: true, description: 'Rank in the round.' })
  rank: number | null;

  @Field(() => String, { nullable: true, description: 'Award, e.g. 一等奖.' })
  award: string | null;

  @Field(() => Boolean, { description: 'Recommended to the next round (the final, for a regional round).' })
  recommended: boolean;
}
