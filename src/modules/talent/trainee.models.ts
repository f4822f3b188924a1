import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PartOfParent, PersonalData, ReadableBy, TALENT_READERS } from '../access/access.decorators';
import { PersonalDataKind } from '../access/personal-data';
import { Gender, HomeRegion, TraineeStatus } from './talent.enums';

@ReadableBy(...TALENT_READERS)
@ObjectType({
  implements: () => [Node],
  description:
    'A person the talent pipeline follows: a trainee of cohorts, or a certified craftsman without one. Personal data is masked for roles not allowed it.',
})
export class Trainee {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  /** The encrypted resident ID number (decrypted by the idNumber field only). */
  idNumberCipher: Buffer | null;
  /** The date the parent list was asked about; status fields default to it. */
  asOf?: string;

  @Field({ description: 'Name (sorted in pinyin order); "(erased)" once erased.' })
  name: string;

  @Field(() => Gender, { nullable: true, description: 'Gender; null when unknown or erased.' })
  gender: Gender | null;

  @Field(() => DateScalar, { nullable: true, description: 'Birth date; null when unknown or erased.' })
  birthOn: string | null;

  @PersonalData(PersonalDataKind.PHONE)
  @Field(() => String, {
    nullable: true,
    description: 'Mobile phone; masked (138****5678) for roles not allowed it.',
  })
  phone: string | null;

  @Field(() => HomeRegion, { nullable: true, description: 'Where the person comes from; null when erased.' })
  homeRegion: HomeRegion | null;

  @Field(() => Boolean, {
    description: 'True once the personal fields were erased on request (eraseTrainee).',
  })
  erased: boolean;

  @Field(() => Int, { description: 'Edit version.' })
  version: number;
}

@ReadableBy(...TALENT_READERS)
@ObjectType({ implements: () => [Node], description: 'One dated status change of a trainee.' })
export class TraineeStatusEvent {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  traineeId: string;
  enterpriseId: string | null;

  @Field(() => TraineeStatus, { description: 'The new status.' })
  status: TraineeStatus;

  @Field(() => DateScalar, { description: 'The day it took effect.' })
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'PLACED: the position at the enterprise.' })
  position: string | null;

  @Field(() => String, { nullable: true, description: 'WITHDRAWN: why.' })
  reason: string | null;

  @Field({ description: 'Who recorded it.' })
  recordedBy: string;

  @Field({ description: 'When it was recorded.' })
  recordedAt: Date;
}

export const TraineeConnection = ConnectionType(Trainee, 'Trainee');

@PartOfParent()
@ObjectType({ description: 'The outcome of a bulk enrolment: every row was written, or none.' })
export class EnrolTraineesResult {
  @Field(() => Int, { description: 'Trainees enrolled (all the rows sent).' })
  enrolled: number;

  @Field(() => [Trainee], { description: 'The trainees, in the order of the rows.' })
  trainees: Trainee[];
}

@PartOfParent()
@ObjectType({ description: 'The outcome of moving a whole cohort: every trainee moved, or none.' })
export class MoveCohortResult {
  @Field(() => Int, { description: 'Trainees moved.' })
  moved: number;

  @Field(() => Int, { description: 'Withdrawn trainees of the cohort, left where they are.' })
  withdrawnSkipped: number;
}
