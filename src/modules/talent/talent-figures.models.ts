import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ResolvedLazily } from '../../graphql/plain-fields';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARK_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { CertificationLevel, TargetMetric, TraineeStatus } from './talent.enums';

@PartOfParent()
@ObjectType({ description: 'How many trainees are in one status.' })
export class TraineeStatusCount {
  @Field(() => TraineeStatus, { description: 'The status.' })
  status: TraineeStatus;

  @Field(() => Int, { description: 'Trainees in it on asOf.' })
  count: number;
}

@PartOfParent()
@ObjectType({ description: 'How many people hold a valid certificate of one level.' })
export class CertificationLevelCount {
  @Field(() => CertificationLevel, { description: 'The level.' })
  level: CertificationLevel;

  @Field(() => Int, { description: 'People holding a certificate of this level valid on asOf.' })
  count: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A talent target with its progress on a date, computed from the data.',
})
export class TalentTarget {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  programId: string | null;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => TargetMetric, { description: 'What it counts.' })
  metric: TargetMetric;

  @Field(() => Int, { description: 'The goal.' })
  value: number;

  @Field(() => DateScalar, { description: 'Counting starts on this day.' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'The goal is due on this day.' })
  dueOn: string;

  @Field(() => DateScalar, { description: 'The date progress is computed for.' })
  asOf: string;

  @Field(() => Int, { description: 'Counted from startsOn to asOf.' })
  achieved: number;

  @Field(() => Float, {
    description: 'Where a steady pace from startsOn would be by asOf: value × elapsed days / total days.',
  })
  expectedByNow: number;

  @Field(() => Boolean, { description: 'achieved ≥ expectedByNow (or the goal is already met).' })
  onTrack: boolean;

  @Field(() => Float, {
    description: 'The pace still needed: (value − achieved) per 30 days left until dueOn; 0 once met.',
  })
  neededPer30Days: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({ description: 'Talent figures of a park on a date, computed by SQL from the stored records.' })
export class TalentFigures {
  parkId: string;

  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => Int, {
    description: 'Trainees enrolled on asOf: reached ENROLLED or a later stage and not withdrawn.',
  })
  traineesEnrolled: number;

  @Field(() => [TraineeStatusCount], { description: 'Trainees by their status on asOf (no zero rows).' })
  traineesByStatus: TraineeStatusCount[];

  @Field(() => [CertificationLevelCount], {
    description: 'People holding a certificate valid on asOf, by level (a person once per level).',
  })
  certifiedByLevel: CertificationLevelCount[];

  @Field(() => Int, {
    description: 'Contest entries recommended to the next round, in contests that started on or before asOf.',
  })
  contestFinalists: number;

  // Read when first asked for (talent-figures.service.ts): the property may be a promise.
  @ResolvedLazily()
  @Field(() => [TalentTarget], { description: 'The park’s targets with their progress on asOf.' })
  targets: TalentTarget[];
}

@PartOfParent()
@ObjectType({ description: 'One stage of a funnel.' })
export class FunnelStage {
  @Field(() => TraineeStatus, { description: 'The stage.' })
  status: TraineeStatus;

  @Field(() => Int, {
    description:
      'Trainees who reached this stage or a later one by asOf (withdrawn ones count for the stages they reached).',
  })
  reached: number;

  @Field(() => Int, { description: 'Trainees in this stage on asOf.' })
  current: number;

  @Field(() => Float, {
    nullable: true,
    description: 'reached / reached of the stage before (null for the first stage or when that is 0).',
  })
  conversion: number | null;
}

@ReadableBy(...PARK_READERS)
@ObjectType({ description: 'Counts per stage and conversion between stages, for a cohort or a program.' })
export class CohortFunnel {
  @Field(() => DateScalar, { description: 'The date counted.' })
  asOf: string;

  @Field(() => Int, { description: 'Trainees counted (members of the cohort, or of the program’s cohorts).' })
  trainees: number;

  @Field(() => [FunnelStage], { description: 'The stages APPLIED to PLACED, in order.' })
  stages: FunnelStage[];

  @Field(() => Int, { description: 'Trainees WITHDRAWN on asOf.' })
  withdrawn: number;
}
