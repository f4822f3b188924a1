import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { ReadableBy, TENANCY_READERS } from '../access/access.decorators';
import { StageEventKind, TenancyStage } from './tenancy.enums';

@ReadableBy(...TENANCY_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'An enterprise holding a unit from startsOn until endsOn (exclusive), through its stages.',
})
export class Tenancy {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  unitId: string;
  enterpriseId: string;
  /** The date the parent list was asked about. */
  asOf?: string;

  @Field(() => DateScalar, { description: 'First day the unit is held.' })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day fit-out began, if it has.' })
  fittingOutFrom: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the enterprise opened for business, if it has.',
  })
  operatingFrom: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the unit is no longer held; null while open.',
  })
  endsOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why the tenancy ended.' })
  endReason: string | null;

  @Field(() => Int, { description: 'Edit version.' })
  version: number;
}

@ReadableBy(...TENANCY_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'One entry of a tenancy stage history: a stage change or a correction of one.',
})
export class TenancyStageEvent {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => StageEventKind, { description: 'A change, or a correction of an earlier entry.' })
  kind: StageEventKind;

  @Field(() => TenancyStage, { description: 'The stage concerned.' })
  stage: TenancyStage;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the stage took effect; null when a correction withdrew the stage.',
  })
  effectiveOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On a correction: the date the stage had before.' })
  previousEffectiveOn: string | null;

  @Field(() => String, { nullable: true, description: 'Note or reason given.' })
  note: string | null;

  @Field({ description: 'When the entry was recorded.' })
  recordedAt: Date;
}

export const TenancyConnection = ConnectionType(Tenancy, 'Tenancy');
